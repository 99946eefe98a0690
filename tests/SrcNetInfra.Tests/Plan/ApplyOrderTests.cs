using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// The plan lists its steps in the order they can be applied, each under the Pulumi resource name
/// the program declares it with: the namespace before what lives in it, its limits before any pod,
/// the secret before the ingestor that reads it, the ingest area before the release that is given
/// it, and the run last. The Pulumi program and <c>srcnet render</c> both loop over this one list.
/// </summary>
public class ApplyOrderTests
{
    private static IEnumerable<string> Names(EnvironmentPlan plan) => plan.Steps.Select(s => s.ResourceName);

    [Fact]
    public void A_job_with_external_secret_and_shared_scratch()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:secret.mode", "externalSecret"),
            ("srcnet:scratch.mode", "sharedClaim"),
            ("srcnet:workflow.mode", "job"));

        Assert.Equal(
            ["namespace", "quota", "container-defaults", "vault-auth", "vault-auth-delegator", "vault-store", "oidc-client",
             "ingest-area", "ingestor", "scratch", "run", "simulation"],
            Names(plan));
        Assert.Equal(
            ["Namespace", "ResourceQuota", "LimitRange", "ServiceAccount", "ClusterRoleBinding", "SecretStore", "ExternalSecret",
             "PersistentVolumeClaim", "PersistentVolumeClaim", "Job"],
            plan.Objects.Select(o => o.Kind));
        Assert.IsType<ReleaseStep>(plan.Steps[8]);
        Assert.IsType<RunIdStep>(plan.Steps[10]);
        var run = Assert.IsType<RunObjectStep>(plan.Steps[11]);
        Assert.Equal(Planner.RunIdResource, run.RunIdResource);
    }

    [Fact]
    public void A_cron_job_with_existing_secret_and_ephemeral_scratch()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:secret.mode", "existingSecret"),
            ("srcnet:scratch.mode", "ephemeral"),
            ("srcnet:workflow.mode", "cronjob"));

        Assert.Equal(["namespace", "quota", "container-defaults", "ingest-area", "ingestor", "simulation"], Names(plan));
        Assert.Equal("CronJob", plan.Objects[^1].Kind);
        Assert.Empty(plan.RunKeepers);
    }

    [Fact]
    public void The_managed_secret_comes_before_the_ingestor_that_reads_it()
    {
        var plan = Planner.Plan(PlanStacks.Env(
            ("srcnet:secret.mode", "pulumiSecret"),
            ("srcnet:oidcClientId", "{secure: v1:x}"),
            ("srcnet:oidcClientSecret", "{secure: v1:y}")));

        Assert.Equal(["namespace", "quota", "container-defaults", "oidc-client", "ingest-area", "ingestor", "run", "simulation"], Names(plan));
        Assert.IsType<ManagedSecretStep>(plan.Steps[3]);
    }

    [Fact]
    public void An_existing_namespace_is_not_a_step()
    {
        var plan = PlanStacks.Plan(("srcnet:namespace.create", "false"));

        Assert.Equal("quota", plan.Steps[0].ResourceName);
        Assert.DoesNotContain(plan.Objects, o => o.Kind == "Namespace");
        Assert.All(plan.Objects, o => Assert.Equal(plan.Spec.Namespace.Name, o.Namespace ?? plan.Spec.Namespace.Name));
    }

    [Theory]
    [InlineData("externalSecret", "sharedClaim", "job")]
    [InlineData("existingSecret", "ephemeral", "cronjob")]
    public void Each_resource_is_one_type_and_name_and_every_object_is_in_the_namespace(string secret, string scratch, string workflow)
    {
        var plan = PlanStacks.Plan(("srcnet:secret.mode", secret), ("srcnet:scratch.mode", scratch), ("srcnet:workflow.mode", workflow));

        // A Pulumi URN is its type and name: two steps with both the same would be one resource.
        Assert.Equal(plan.Objects.Count, plan.Objects.Select(o => (o.TypeToken, o.ResourceName)).Distinct().Count());
        Assert.All(plan.Objects.Where(o => o.Kind is not ("Namespace" or "ClusterRoleBinding")),
            o => Assert.Equal(plan.Spec.Namespace.Name, o.Namespace));
    }

    [Fact]
    public void A_release_being_adopted_is_not_a_step_but_its_values_are_still_rendered()
    {
        var plan = Planner.Plan(PlanStacks.Env(("srcnet:ingestor.manage", "false")));

        Assert.DoesNotContain(plan.Steps, s => s is ReleaseStep);
        Assert.Equal("ingest-area", plan.Ingestor.Values["persistence"] is IReadOnlyDictionary<string, object> p ? p["existingClaim"] : null);
        Assert.Contains("not the ingestor release", SrcNetInfra.Core.Rendering.Manifests.Render(plan), StringComparison.Ordinal);
    }
}
