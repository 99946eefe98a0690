using System.Globalization;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// Checks that what the namespace runs at once fits its quota, so a Job that the quota would reject
/// is a config error now and not an admission failure hours later (docs/platform.md#quotas-and-container-defaults).
/// </summary>
/// <remarks>
/// At most one simulation pod runs at a time (a CronJob forbids overlap; a Job has one pod), and
/// the ingestor runs one pod whose containers set no resources, so it gets the container defaults.
/// </remarks>
internal static class QuotaFit
{
    public const int IngestorPods = 1;
    public const int SimulationPods = 1;

    /// <summary>The keys the quota check reads.</summary>
    public static readonly string[] Inputs =
    [
        "srcnet:quota", "srcnet:workflow.resources", "srcnet:workflow.mode", "srcnet:workflow.successfulJobsHistoryLimit",
        "srcnet:workflow.failedJobsHistoryLimit", "srcnet:scratch.mode", "srcnet:workflow.skyModelCache", "srcnet:retention.enabled",
        "srcnet:campaign",
    ];

    /// <param name="sizing">The volumes' sizes; null when they could not be sized, and then storage is not checked.</param>
    public static void Check(EnvironmentSpec spec, Sizing? sizing, Problems problems)
    {
        var quota = spec.Quota;
        var defaults = quota.ContainerDefaults;
        var run = spec.Workflow.Resources;

        LimitAtLeastRequest(run.RequestsCpu, run.LimitsCpu, "srcnet:workflow.resources.limits.cpu", "requests.cpu", problems);
        LimitAtLeastRequest(run.RequestsMemory, run.LimitsMemory, "srcnet:workflow.resources.limits.memory", "requests.memory", problems);
        LimitAtLeastRequest(defaults.RequestCpu, defaults.LimitCpu, "srcnet:quota.containerDefaults.limitCpu", "requestCpu", problems);
        LimitAtLeastRequest(defaults.RequestMemory, defaults.LimitMemory, "srcnet:quota.containerDefaults.limitMemory", "requestMemory", problems);

        // The janitor's pod may run while a simulation does (its schedule is its own).
        var janitor = spec.Retention.Enabled ? Janitor.Resources : default;
        Fits("srcnet:quota.requestsCpu", quota.RequestsCpu, run.RequestsCpu, defaults.RequestCpu, janitor.RequestCpu, Cores, problems);
        Fits("srcnet:quota.requestsMemory", quota.RequestsMemory, run.RequestsMemory, defaults.RequestMemory, janitor.RequestMemory, Bytes, problems);
        Fits("srcnet:quota.limitsCpu", quota.LimitsCpu, run.LimitsCpu, defaults.LimitCpu, janitor.LimitCpu, Cores, problems);
        Fits("srcnet:quota.limitsMemory", quota.LimitsMemory, run.LimitsMemory, defaults.LimitMemory, janitor.LimitMemory, Bytes, problems);

        if (run.Gpu > 0 && quota.RequestsGpu is { } gpus && gpus < run.Gpu)
            problems.Error("srcnet:quota.requestsGpu", $"{gpus} is less than the {run.Gpu} GPU(s) the simulation requests (srcnet:workflow.resources.gpu)");

        var pods = IngestorPods + SimulationPods + (spec.Retention.Enabled ? 1 : 0);
        if (quota.Pods < pods)
            problems.Error("srcnet:quota.pods",
                $"must be at least {pods}: the ingestor's pod and the simulation's pod{(spec.Retention.Enabled ? " and the janitor's" : "")} run at the same time (got {quota.Pods})");

        var scratchClaims = ScratchClaims(spec);
        var cache = spec.Workflow.SkyModelCache;
        var claims = 1 + scratchClaims + (cache is null ? 0 : 1);
        var why = scratchClaims switch
        {
            0 => "ingest-area",
            1 => "ingest-area and the scratch claim",
            _ when spec.Workflow.Mode == WorkflowMode.Campaign =>
                $"ingest-area and {scratchClaims} scratch claims: every point's pod keeps its ephemeral scratch until the campaign's Job is deleted " +
                "(srcnet:scratch.mode emptyDir frees a point's scratch when it ends)",
            _ => $"ingest-area and {scratchClaims} scratch claims: the running one and one per finished Job the CronJob keeps " +
                 "(successfulJobsHistoryLimit + failedJobsHistoryLimit), whose pods keep their ephemeral scratch",
        };
        if (cache is not null) why += " and the sky model cache";
        if (quota.PersistentVolumeClaims < claims)
            problems.Error("srcnet:quota.persistentVolumeClaims", $"must be at least {claims}: {why} (got {quota.PersistentVolumeClaims})");

        if (quota.RequestsStorage is { } storage && sizing is not null)
        {
            var needed = sizing.ScratchRequest.Value * scratchClaims + sizing.IngestRequest.Value + (cache?.Size.Value ?? 0);
            var scratch = scratchClaims switch
            {
                0 => "no scratch claim",
                1 => $"scratch {sizing.ScratchRequest.Text}",
                _ => $"{scratchClaims} x scratch {sizing.ScratchRequest.Text}",
            };
            var cacheText = cache is null ? "" : $" + sky model cache {cache.Size.Text}";
            if (storage.Value < needed)
                problems.Error("srcnet:quota.requestsStorage",
                    $"{storage.Text} is less than the claims request together: {scratch} + ingest area {sizing.IngestRequest.Text}{cacheText} = {Bytes(needed)}");
        }
    }

    /// <summary>
    /// Scratch claims that exist at once. A shared claim is one; the node's disk (emptyDir) none.
    /// Ephemeral scratch lives as long as its pod, and a finished Job keeps its pod: a CronJob keeps
    /// up to its two history limits of them, a campaign's Job one per point (docs/campaign.md#scratch-of-finished-points).
    /// </summary>
    internal static int ScratchClaims(EnvironmentSpec spec) => (spec.Scratch.Mode, spec.Workflow.Mode) switch
    {
        (ScratchMode.EmptyDir, _) => 0,
        (ScratchMode.Ephemeral, WorkflowMode.CronJob) => 1 + spec.Workflow.SuccessfulJobsHistoryLimit + spec.Workflow.FailedJobsHistoryLimit,
        (ScratchMode.Ephemeral, WorkflowMode.Campaign) => Math.Max(1, spec.Campaign?.Points.Count ?? 1),
        _ => 1,
    };

    private static void LimitAtLeastRequest(Quantity request, Quantity limit, string limitKey, string requestName, Problems problems)
    {
        if (limit.Value < request.Value)
            problems.Error(limitKey, $"{limit.Text} is below the matching {requestName} {request.Text}; a limit must be at least its request");
    }

    private static void Fits(string key, Quantity quota, Quantity simulation, Quantity ingestorDefault, Quantity? janitor, Func<decimal, string> format, Problems problems)
    {
        var needed = simulation.Value + ingestorDefault.Value * IngestorPods + (janitor?.Value ?? 0);
        if (quota.Value < needed)
            problems.Error(key,
                $"{quota.Text} is less than what the namespace runs at once: simulation {simulation.Text} + ingestor {ingestorDefault.Text} " +
                $"(srcnet:quota.containerDefaults){(janitor is null ? "" : $" + janitor {janitor.Text}")} = {format(needed)}; raise the quota or lower srcnet:workflow.resources");
    }

    private static string Cores(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Bytes(decimal value)
    {
        const decimal gi = 1024m * 1024m * 1024m;
        return value % gi == 0
            ? (value / gi).ToString("0", CultureInfo.InvariantCulture) + "Gi"
            : (value / gi).ToString("0.##", CultureInfo.InvariantCulture) + "Gi";
    }
}
