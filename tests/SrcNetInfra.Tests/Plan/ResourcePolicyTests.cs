using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>What each resource's options say on up and destroy, decided by the plan.</summary>
public class ResourcePolicyTests
{
    private static PlanStep Step(EnvironmentPlan plan, string name) => plan.Steps.Single(s => s.ResourceName == name);

    [Fact]
    public void With_protectData_the_namespace_and_the_ingest_area_are_protected_and_kept()
    {
        var plan = PlanStacks.Plan(("srcnet:deploy.protectData", "true"), ("srcnet:deploy.kubeContext", "prod"));

        foreach (var name in new[] { "namespace", "ingest-area" })
        {
            Assert.True(Step(plan, name).Policy.Protect, name);
            // Kept in the cluster even when someone unprotects and destroys: the data outlives the stack.
            Assert.True(Step(plan, name).Policy.RetainOnDelete, name);
        }
        Assert.True(Step(plan, "ingestor").Policy.Protect);
        Assert.All(plan.Steps.Where(s => s.ResourceName is not ("namespace" or "ingest-area" or "ingestor")),
            s => Assert.False(s.Policy.Protect, s.ResourceName));
    }

    [Fact]
    public void A_test_stack_tears_down_everything_but_a_running_job()
    {
        var plan = PlanStacks.Plan();

        Assert.All(plan.Steps, s => Assert.False(s.Policy.Protect, s.ResourceName));
        Assert.All(plan.Steps.Where(s => s.ResourceName != Planner.WorkloadResource),
            s => Assert.False(s.Policy.RetainOnDelete, s.ResourceName));
    }

    [Fact]
    public void A_job_is_left_to_finish_and_never_updated_in_place()
    {
        var plan = PlanStacks.Plan(("srcnet:workflow.mode", "job"));
        var job = Assert.IsType<RunObjectStep>(Step(plan, Planner.WorkloadResource));

        // Replacing it (a new run) or destroying the stack must not kill a simulation that may have run for days.
        Assert.True(job.Policy.RetainOnDelete);
        Assert.Equal(["metadata.labels", "metadata.annotations", "spec.ttlSecondsAfterFinished", "spec.activeDeadlineSeconds"], job.Policy.Ignored);
    }

    [Fact]
    public void Removing_a_cron_job_orphans_the_run_it_started()
    {
        var plan = PlanStacks.Plan(("srcnet:workflow.mode", "cronjob"));
        var cron = Assert.IsType<V1CronJob>(plan.Objects.Single(o => o.ResourceName == Planner.WorkloadResource).Object);

        Assert.Equal("orphan", cron.Metadata.Annotations["pulumi.com/deletionPropagationPolicy"]);
        Assert.False(cron.Spec.JobTemplate.Metadata.Annotations.ContainsKey("pulumi.com/deletionPropagationPolicy"));
    }

    [Theory]
    [InlineData("external-secrets.io/v1", "external-secrets.io/v1beta1")]
    [InlineData("external-secrets.io/v1beta1", "external-secrets.io/v1")]
    public void External_secrets_objects_alias_the_other_api_version(string chosen, string other)
    {
        var plan = PlanStacks.Plan(("srcnet:secret.vault.apiVersion", chosen));

        foreach (var (name, kind) in new[] { ("vault-store", "SecretStore"), ("oidc-client", "ExternalSecret") })
        {
            var step = Assert.IsType<ObjectStep>(plan.Steps.Single(s => s.ResourceName == name && s is ObjectStep));
            Assert.Equal(KubernetesType.Token(chosen, kind), step.TypeToken);
            Assert.Contains(new ResourceAlias(KubernetesType.Token(other, kind), name), step.Policy.EarlierIdentities);
        }
    }

    [Fact]
    public void Objects_alias_their_child_names_in_the_first_programs_config_groups()
    {
        var plan = PlanStacks.Plan(("srcnet:namespace.name", "srcnet-t"), ("srcnet:scratch.mode", "sharedClaim"));

        ResourceAlias Earlier(string name) => Assert.Single(
            ((ObjectStep)plan.Steps.Single(s => s.ResourceName == name && s is ObjectStep)).Policy.EarlierIdentities,
            a => a.ParentType == "kubernetes:yaml/v2:ConfigGroup");
        Assert.Equal(new ResourceAlias("kubernetes:core/v1:Namespace", "namespace:srcnet-t", "kubernetes:yaml/v2:ConfigGroup", "namespace"), Earlier("namespace"));
        Assert.Equal("limits:srcnet-t/srcnet-quota", Earlier("quota").Name);
        // Cluster-scoped: no namespace in the child name.
        Assert.Equal("secret-access:srcnet-t-datalake-ingestion-auth-delegator", Earlier("vault-auth-delegator").Name);
        Assert.Equal("scratch:srcnet-t/temporal-scratch", Earlier("scratch").Name);
    }
}
