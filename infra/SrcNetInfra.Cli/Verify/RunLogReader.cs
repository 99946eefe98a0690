using System.Net;
using System.Text;
using k8s;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>A finished run's whole log, with the kubelet's timestamps, and where it came from.</summary>
public sealed record FinishedRunLog(string JobName, string PodName, string Log, bool Failed)
{
    /// <summary>The plain environment variables of the Job's simulation container (never a Secret's: those are references).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The simulation container's CPU limit, as the Job says it; null when it has none.</summary>
    public string? CpuLimit { get; init; }

    /// <summary>A campaign point's index (its pod's completion index); null for a Job or CronJob run.</summary>
    public int? PointIndex { get; init; }

    /// <summary>The point table a campaign Job reads (its annotation); null for a Job or CronJob run.</summary>
    public string? PointTable { get; init; }
}

/// <summary>
/// Finds a stack's newest finished run on the cluster, as verify finds runs (its Jobs by label or
/// by the CronJob that owns them, newest first), and reads its pod's log with timestamps, for
/// <c>srcnet calibrate</c>.
/// </summary>
public sealed class RunLogReader(ClusterSession session, VerifyTarget target)
{
    /// <summary>Bytes of a log read at most: the workflow's lines and WSClean's output fit many times over.</summary>
    public const int MaxLogBytes = 16 << 20;

    private readonly string ns = target.Namespace;

    /// <summary>The newest run that finished (succeeded or failed), or with <paramref name="runFilter"/> the one with that OBS_ID or FILE_PREFIX; null when there is none.</summary>
    public async Task<FinishedRunLog?> Read(string? runFilter)
    {
        V1CronJob? cronJob = null;
        if (target.Mode == WorkflowMode.CronJob)
            cronJob = await session.Find(new ApiCall("get", "cronjobs", ns, target.WorkloadName),
                (k, t) => k.BatchV1.ReadNamespacedCronJobAsync(target.WorkloadName, ns, cancellationToken: t));
        var (runs, pods) = await StackRuns.List(session, target, cronJob);

        foreach (var (job, pod, failed) in Finished(runs, pods))
        {
            var log = await Log(pod);
            if (log is null) continue;
            if (runFilter is not null)
            {
                var ids = RunSelection.Annotated(job) ?? Core.Duration.WorkflowLog.Parse(log).Ids;
                if (ids?.Matches(runFilter) != true) continue;
            }
            var container = job.Spec?.Template?.Spec?.Containers?.FirstOrDefault(c => c.Name == Core.Plan.SimulationRun.ContainerName);
            return new FinishedRunLog(job.Metadata.Name, pod.Metadata.Name, log, failed)
            {
                PointIndex = target.Mode == WorkflowMode.Campaign ? CampaignProgress.IndexOf(pod) : null,
                PointTable = target.Mode == WorkflowMode.Campaign && job.Metadata.Annotations?.TryGetValue(Core.Plan.Annotations.CampaignPointTable, out var table) == true ? table : null,
                Environment = (container?.Env ?? []).Where(e => e.Value is not null && e.ValueFrom is null)
                    .GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
                CpuLimit = container?.Resources?.Limits is { } limits && limits.TryGetValue("cpu", out var cpu) ? cpu.ToString() : null,
            };
        }
        return null;
    }

    /// <summary>
    /// The finished runs, newest first, with the pod to read: a finished Job's newest pod; for a
    /// campaign, every point's pod that has ended, in any of its Jobs, finished or not (a campaign
    /// Job finishes with its last point, its points long before).
    /// </summary>
    private IEnumerable<(V1Job Job, V1Pod Pod, bool Failed)> Finished(IReadOnlyList<V1Job> runs, IList<V1Pod> pods)
    {
        foreach (var job in runs)
        {
            if (target.Mode == WorkflowMode.Campaign)
            {
                var ended = RunSelection.PodsOf(job, pods).Where(p => p.Status?.Phase is "Succeeded" or "Failed")
                    .OrderByDescending(p => p.Metadata?.CreationTimestamp).ThenByDescending(p => p.Metadata?.Name, StringComparer.Ordinal);
                foreach (var pod in ended) yield return (job, pod, pod.Status!.Phase == "Failed");
            }
            else if (RunSelection.Finished(job) && RunSelection.NewestPod(RunSelection.PodsOf(job, pods)) is { } pod)
            {
                yield return (job, pod, Failed(job));
            }
        }
    }

    private static bool Failed(V1Job job) =>
        job.Status?.Conditions?.Any(c => c.Status == "True" && c.Type == "Failed") == true;

    private Task<string?> Log(V1Pod pod) =>
        session.Find(new ApiCall("get", "pods/log", ns, pod.Metadata.Name), async (k, t) =>
        {
            using var stream = await k.CoreV1.ReadNamespacedPodLogAsync(
                pod.Metadata.Name, ns, container: RunSelection.SimulationContainer(pod), limitBytes: MaxLogBytes, timestamps: true, cancellationToken: t);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(t);
        }, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
}
