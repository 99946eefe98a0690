using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// The hourly variant: a CronJob that never overlaps runs and makes each run's OBS_ID and FILE_PREFIX
/// unique from its UTC start, in the container's shell, as the seed's does.
/// </summary>
public class CronJobTests
{
    private static EnvironmentPlan CronPlan(params (string, string?)[] overrides) =>
        Planner.Plan(PlanStacks.Env([("srcnet:workflow.mode", "cronjob"), .. overrides]));

    [Fact]
    public void Cron_job_schedule_history_deadline_and_time_zone_come_from_the_config()
    {
        var plan = CronPlan(
            ("srcnet:workflow.name", "aastar-hourly"),
            ("srcnet:workflow.schedule", "\"30 2 * * *\""),
            ("srcnet:workflow.timeZone", "Europe/Zurich"),
            ("srcnet:workflow.successfulJobsHistoryLimit", "2"),
            ("srcnet:workflow.failedJobsHistoryLimit", "5"),
            ("srcnet:workflow.startingDeadlineSeconds", "600"));

        var cron = plan.CronJob();
        Assert.Equal("aastar-hourly", cron.Metadata.Name);
        Assert.Equal("batch/v1", cron.ApiVersion);
        Assert.Equal("30 2 * * *", cron.Spec.Schedule);
        Assert.Equal("Europe/Zurich", cron.Spec.TimeZone);
        Assert.Equal("Forbid", cron.Spec.ConcurrencyPolicy);
        Assert.Equal(2, cron.Spec.SuccessfulJobsHistoryLimit);
        Assert.Equal(5, cron.Spec.FailedJobsHistoryLimit);
        Assert.Equal(600L, cron.Spec.StartingDeadlineSeconds);
    }

    [Fact]
    public void Cron_job_defaults_are_hourly_without_overlap()
    {
        var cron = CronPlan().CronJob();

        Assert.Equal("0 * * * *", cron.Spec.Schedule);
        Assert.Equal("Forbid", cron.Spec.ConcurrencyPolicy);
        Assert.Equal(3, cron.Spec.SuccessfulJobsHistoryLimit);
        Assert.Equal(3, cron.Spec.FailedJobsHistoryLimit);
        Assert.Null(cron.Spec.StartingDeadlineSeconds);
        Assert.Null(cron.Spec.TimeZone);
    }

    [Fact]
    public void Each_run_is_not_retried_and_its_pod_is_not_restarted()
    {
        var plan = CronPlan();

        Assert.Equal(0, plan.CronJob().Spec.JobTemplate.Spec.BackoffLimit);
        Assert.Equal("Never", plan.Pod().RestartPolicy);
    }

    [Fact]
    public void The_patterns_reach_the_run_script_as_variables_never_as_script_text()
    {
        var plan = CronPlan(
            ("srcnet:workflow.metadata.obsIdPattern", "SIM_{run}_MID"),
            ("srcnet:workflow.metadata.filePrefixPattern", "aastar-{run}-"));

        var env = plan.EnvVars();
        Assert.Equal("SIM_{run}_MID", env["SRCNET_OBS_ID_PATTERN"]);
        Assert.Equal("aastar-{run}-", env["SRCNET_FILE_PREFIX_PATTERN"]);
        // The script is the same text for every stack: no user value is ever part of a shell line.
        Assert.Equal(ContainerScripts.Run, plan.Container().Args[0]);
        Assert.DoesNotContain("SIM_", plan.Container().Args[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_pod_environment_has_every_contract_variable_but_obs_id_and_file_prefix()
    {
        var env = CronPlan().EnvVars();

        Assert.DoesNotContain("OBS_ID", env.Keys);
        Assert.DoesNotContain("FILE_PREFIX", env.Keys);
        Assert.Equal(
            JobTests.ContractVariables.Except(["OBS_ID", "FILE_PREFIX"]).Concat(JobTests.HandOverVariables)
                .Concat(["SRCNET_OBS_ID_PATTERN", "SRCNET_FILE_PREFIX_PATTERN"]).Order(StringComparer.Ordinal),
            env.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_pod_knows_its_own_name_for_a_run_id_unique_across_stacks()
    {
        var container = CronPlan().Container();
        var podName = Assert.Single(container.Env, e => e.Name == SimulationRun.PodNameVariable);
        Assert.Equal("metadata.name", podName.ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public void A_cron_job_has_no_run_id_and_no_keepers()
    {
        var plan = CronPlan();

        Assert.Null(plan.Run.RunId);
        Assert.Empty(plan.RunKeepers);
        Assert.Equal(WorkflowMode.CronJob, plan.Run.Mode);
        Assert.Equal("CronJob", plan.Run.WorkloadKind);
        Assert.Equal("{run}_SKAMID_Karabo", plan.Run.ObsId);
        Assert.Equal("{run}-SKAMID-Karabo", plan.Run.FilePrefix);
    }

    [Fact]
    public void A_run_id_given_to_a_cron_job_is_ignored()
    {
        var plan = Planner.Plan(PlanStacks.Env(("srcnet:workflow.mode", "cronjob")), "1a2b3c4d");

        Assert.Null(plan.Run.RunId);
        Assert.DoesNotContain("1a2b3c4d", k8s.KubernetesYaml.Serialize(plan.CronJob()));
    }

    [Fact]
    public void Cron_job_annotations_carry_the_patterns_and_the_estimate()
    {
        var plan = CronPlan();
        var a = plan.CronJob().Metadata.Annotations;

        Assert.Equal("{run}_SKAMID_Karabo", a[Annotations.ObsIdPattern]);
        Assert.Equal("{run}-SKAMID-Karabo", a[Annotations.FilePrefixPattern]);
        Assert.Equal("dirty,cleaned", a[Annotations.Products]);
        Assert.Equal(plan.Environment.Sizing.Estimate.ScratchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), a[Annotations.ScratchBytes]);
        Assert.False(a.ContainsKey(Annotations.RunId), "a CronJob has no single run id");
    }
}
