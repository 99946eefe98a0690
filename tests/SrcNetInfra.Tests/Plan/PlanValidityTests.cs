using System.Text.RegularExpressions;
using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// What the API server would refuse, found before deploying: every label a plan writes is a valid
/// Kubernetes label, for the repository's real stacks and for config the validation accepts; and
/// what the namespace keeps at once fits its quota.
/// </summary>
public partial class PlanValidityTests
{
    // apimachinery's label value: at most 63 characters, alphanumerics at both ends.
    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    private static IEnumerable<(string Where, IDictionary<string, string>? Labels)> AllLabels(EnvironmentPlan plan)
    {
        foreach (var o in plan.Objects) yield return (o.ToString(), o.Object.Metadata.Labels);
        V1PodTemplateSpec? pod = null;
        foreach (var o in plan.Objects.Select(o => o.Object))
        {
            if (o is V1Job job) pod = job.Spec.Template;
            if (o is V1CronJob cron)
            {
                yield return ("CronJob jobTemplate", cron.Spec.JobTemplate.Metadata.Labels);
                pod = cron.Spec.JobTemplate.Spec.Template;
            }
        }
        yield return ("pod template", pod!.Metadata.Labels);
        foreach (var v in pod.Spec.Volumes.Where(v => v.Ephemeral is not null))
            yield return ("ephemeral claim template", v.Ephemeral.VolumeClaimTemplate.Metadata.Labels);
    }

    private static void AssertValidLabels(EnvironmentPlan plan)
    {
        foreach (var (where, labels) in AllLabels(plan))
        {
            foreach (var (key, value) in labels ?? new Dictionary<string, string>())
            {
                Assert.True(value.Length <= 63 && LabelValue().IsMatch(value), $"{where}: label {key}='{value}' is not a valid label value");
            }
        }
    }

    public static TheoryData<string> RepositoryStacks => new(Repo.Stacks);

    [Theory]
    [MemberData(nameof(RepositoryStacks))]
    public void The_repositorys_stacks_plan_valid_labels_and_names(string stack)
    {
        var result = EnvironmentCheck.RunFile(Repo.StackFile(stack));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var plan = Planner.Plan(result.Environment!);

        Assert.Equal(stack, plan.Spec.Stack);
        AssertValidLabels(plan);
        var workload = Assert.Single(plan.Objects, o => o.ResourceName == Planner.WorkloadResource);
        Assert.True(workload.Name.Length <= (workload.Kind == "CronJob" ? 52 : 63), $"{workload} is too long a name");
        Assert.Matches(Dns1123Label(), workload.Name);
    }

    /// <summary>
    /// An image tag may be up to 128 characters (the OCI distribution spec) and the config accepts it,
    /// but the plan copies it into the <c>app.kubernetes.io/version</c> label, whose values stop at 63.
    /// </summary>
    [Fact]
    public void A_long_image_tag_that_validation_accepts_still_gives_valid_labels()
    {
        const string tag = "0.34.0-cuda12.1-cudnn8-runtime-ubuntu22.04-py3.10-build20240101-abcdef01";
        Assert.True(tag.Length is > 63 and <= 128);

        var plan = PlanStacks.Plan(("srcnet:workflow.image.tag", tag));

        Assert.Equal("ghcr.io/i4ds/karabo-pipeline:" + tag, plan.Container().Image);
        AssertValidLabels(plan);
    }

    /// <summary>
    /// A finished run's pod stays until its Job goes, and with it the pod's ephemeral scratch claim. A
    /// CronJob keeps successfulJobsHistoryLimit + failedJobsHistoryLimit finished Jobs, so the namespace
    /// holds the ingest area, those scratch claims and the running run's one. When the quota is lower,
    /// the next run's claim is refused, its pod stays Pending, and with concurrencyPolicy Forbid no later
    /// run starts either.
    /// </summary>
    [Fact]
    public void The_prod_cron_job_keeps_its_retained_runs_scratch_claims_within_the_claim_quota()
    {
        var result = EnvironmentCheck.RunFile(Repo.StackFile("prod"));
        Assert.True(result.Ok);
        var plan = Planner.Plan(result.Environment!);
        var cron = plan.CronJob();
        Assert.NotNull(plan.Volume(Scratch.VolumeName).Ephemeral);
        Assert.Null(cron.Spec.JobTemplate.Spec.TtlSecondsAfterFinished);

        var retained = cron.Spec.SuccessfulJobsHistoryLimit!.Value + cron.Spec.FailedJobsHistoryLimit!.Value;
        var claimsAtOnce = 1 /* ingest-area */ + retained + 1 /* the running run's scratch */;
        var quota = plan.Single<V1ResourceQuota>().Spec.Hard["persistentvolumeclaims"].ToDecimal();

        Assert.True(quota >= claimsAtOnce,
            $"the namespace may hold {claimsAtOnce} claims (ingest-area, {retained} retained runs' scratch, the running run's scratch) but its quota is {quota}");
    }

    [Fact]
    public void A_cron_job_with_ephemeral_scratch_stays_within_its_claim_quota_by_default()
    {
        // The defaults (history 3 + 3, quota 10 claims) leave room for every retained run's scratch claim.
        var plan = PlanStacks.Plan(("srcnet:workflow.mode", "cronjob"));
        var cron = plan.CronJob();

        var claimsAtOnce = 1 + cron.Spec.SuccessfulJobsHistoryLimit!.Value + cron.Spec.FailedJobsHistoryLimit!.Value + 1;
        Assert.True(plan.Single<V1ResourceQuota>().Spec.Hard["persistentvolumeclaims"].ToDecimal() >= claimsAtOnce);
    }
}
