using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>The janitor CronJob and the sky model cache, as the plan deploys them (issue 10, items 2 and 4).</summary>
public class JanitorTests
{
    private static V1CronJob JanitorOf(EnvironmentPlan plan) =>
        (V1CronJob)Assert.Single(plan.Objects, o => o.ResourceName == "janitor").Object;

    [Fact]
    public void The_janitor_runs_the_janitor_script_on_the_ingest_claim_with_the_stacks_retention()
    {
        var plan = PlanStacks.Plan(("srcnet:retention", "{processed: 14d, failedRuns: 3d, staleRunAfter: 2h, ledger: 500d, schedule: \"5 */6 * * *\"}"));
        var cron = JanitorOf(plan);
        var pod = cron.Spec.JobTemplate.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.Equal("janitor", cron.Metadata.Labels["app.kubernetes.io/component"]);
        Assert.Equal("5 */6 * * *", cron.Spec.Schedule);
        Assert.Equal("Forbid", cron.Spec.ConcurrencyPolicy);
        Assert.Equal(["/bin/sh", "-c"], container.Command);
        Assert.Equal([ContainerScripts.Janitor, ContainerScripts.JanitorName], container.Args);
        Assert.Equal("busybox:1.37.0", container.Image);
        var env = container.Env.Where(e => e.Value is not null).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("14d", env[ContainerScripts.RetentionVariable]);
        Assert.Equal("3d", env[ContainerScripts.FailedRunRetentionVariable]);
        Assert.Equal("2h", env[ContainerScripts.StaleRunAfterVariable]);
        Assert.Equal("500d", env[ContainerScripts.LedgerRetentionVariable]);
        Assert.Equal("/ingest", env[ContainerScripts.IngestRootVariable]);
        // Every variable the script reads is set, and nothing else but the pod's name.
        Assert.Equal(ContainerScripts.JanitorVariables.Order(StringComparer.Ordinal), env.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(IngestAreaClaim.Name, Assert.Single(pod.Volumes).PersistentVolumeClaim.ClaimName);
        Assert.Equal("/ingest", Assert.Single(container.VolumeMounts).MountPath);
        // Small and bounded, so it always fits beside a simulation (the quota check counts it).
        Assert.Equal("50m", container.Resources.Requests["cpu"].ToString());
        Assert.Equal("256Mi", container.Resources.Limits["memory"].ToString());
    }

    [Fact]
    public void Without_retention_there_is_no_janitor() =>
        Assert.DoesNotContain(PlanStacks.Plan(("srcnet:retention.enabled", "false")).Objects, o => o.ResourceName == "janitor");

    [Theory]
    [InlineData("srcnet:retention.processed", "30", "must be a duration")]
    [InlineData("srcnet:retention.processed", "1w", "must be a duration")]
    [InlineData("srcnet:retention.ledger", "10d", "must be at least processed")]
    [InlineData("srcnet:retention.schedule", "\"0 0 * * 7\"", "Sunday is 0")]
    public void Retention_settings_are_checked(string key, string yaml, string fragment) =>
        SrcNetInfra.Tests.Config.Expect.Error(SrcNetInfra.Tests.Config.Stacks.Check(key, yaml), key, fragment);

    [Fact]
    public void A_cron_job_keeps_the_sky_model_on_a_claim_by_default()
    {
        var plan = PlanStacks.Plan(("srcnet:workflow.mode", "cronjob"));

        var claim = (V1PersistentVolumeClaim)Assert.Single(plan.Objects, o => o.ResourceName == "sky-model-cache").Object;
        Assert.Equal("1Gi", claim.Spec.Resources.Requests["storage"].ToString());
        Assert.Equal("/cache", plan.EnvVars()["XDG_CACHE_HOME"]);
        Assert.Contains(plan.Container().VolumeMounts, m => m.MountPath == "/cache" && m.Name == SkyModelCache.VolumeName);
    }

    [Theory]
    [InlineData("job", null, false)]
    [InlineData("job", "true", true)]
    [InlineData("cronjob", "false", false)]
    public void The_cache_follows_the_mode_unless_set(string mode, string? enabled, bool expected)
    {
        var plan = enabled is null
            ? PlanStacks.Plan(("srcnet:workflow.mode", mode))
            : PlanStacks.Plan(("srcnet:workflow.mode", mode), ("srcnet:workflow.skyModelCache.enabled", enabled));

        Assert.Equal(expected, plan.Objects.Any(o => o.ResourceName == "sky-model-cache"));
        Assert.Equal(expected, plan.EnvVars().ContainsKey("XDG_CACHE_HOME"));
    }
}
