using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// The plan's objects come in the order they can be applied: the namespace before what lives in it,
/// its limits before any pod, the secret's objects before the workload that needs them, and the
/// simulation last. The Pulumi program and <c>srcnet render</c> both rely on this order.
/// </summary>
public class ApplyOrderTests
{
    [Fact]
    public void Everything_is_in_apply_order_with_external_secret_and_shared_scratch()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:secret.mode", "externalSecret"),
            ("srcnet:scratch.mode", "sharedClaim"),
            ("srcnet:workflow.mode", "job"));

        Assert.Equal(
            ["Namespace", "ResourceQuota", "LimitRange", "ServiceAccount", "ClusterRoleBinding", "SecretStore", "ExternalSecret", "PersistentVolumeClaim", "Job"],
            plan.Objects.Select(o => o.Kind));
        Assert.Equal(
            [Lifecycle.Namespace, Lifecycle.Limits, Lifecycle.Limits, Lifecycle.Secret, Lifecycle.Secret, Lifecycle.Secret, Lifecycle.Secret, Lifecycle.Scratch, Lifecycle.Workload],
            plan.Objects.Select(o => o.Lifecycle));
        Assert.Equal("temporal-scratch", plan.Objects[7].Name);
    }

    [Fact]
    public void A_cron_job_with_existing_secret_and_ephemeral_scratch_has_only_namespace_limits_and_workload()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:secret.mode", "existingSecret"),
            ("srcnet:scratch.mode", "ephemeral"),
            ("srcnet:workflow.mode", "cronjob"));

        Assert.Equal(["Namespace", "ResourceQuota", "LimitRange", "CronJob"], plan.Objects.Select(o => o.Kind));
        Assert.Equal([Lifecycle.Namespace, Lifecycle.Limits, Lifecycle.Limits, Lifecycle.Workload], plan.Objects.Select(o => o.Lifecycle));
    }

    [Theory]
    [InlineData("externalSecret", "ephemeral", "job")]
    [InlineData("externalSecret", "sharedClaim", "cronjob")]
    [InlineData("existingSecret", "sharedClaim", "job")]
    [InlineData("pulumiSecret", "ephemeral", "cronjob")]
    public void Lifecycle_groups_never_go_backwards_and_the_workload_is_last(string secretMode, string scratchMode, string workflowMode)
    {
        var overrides = new List<(string, string?)>
        {
            ("srcnet:secret.mode", secretMode),
            ("srcnet:scratch.mode", scratchMode),
            ("srcnet:workflow.mode", workflowMode),
        };
        if (secretMode == "pulumiSecret")
        {
            overrides.Add(("srcnet:oidcClientId", "{secure: v1:x}"));
            overrides.Add(("srcnet:oidcClientSecret", "{secure: v1:y}"));
        }
        var plan = PlanStacks.Plan([.. overrides]);

        var lifecycles = plan.Objects.Select(o => o.Lifecycle).ToList();
        Assert.Equal(lifecycles.Order(), lifecycles);
        Assert.Equal(Lifecycle.Namespace, lifecycles[0]);
        Assert.Equal("Namespace", plan.Objects[0].Kind);
        var workload = Assert.Single(plan.In(Lifecycle.Workload));
        Assert.Same(workload, plan.Objects[^1]);
        Assert.Equal(workflowMode == "job" ? "Job" : "CronJob", workload.Kind);
        Assert.Equal(scratchMode == "sharedClaim" ? 1 : 0, plan.In(Lifecycle.Scratch).Count());
        Assert.Equal(secretMode == "externalSecret" ? 4 : 0, plan.In(Lifecycle.Secret).Count());
    }

    [Fact]
    public void Lifecycle_enum_order_is_the_apply_order()
    {
        Assert.Equal(
            [Lifecycle.Namespace, Lifecycle.Limits, Lifecycle.Secret, Lifecycle.Scratch, Lifecycle.Workload],
            Enum.GetValues<Lifecycle>().Order());
    }
}
