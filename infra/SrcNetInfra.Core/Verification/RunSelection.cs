using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Verification;

/// <summary>Which of a namespace's Jobs and pods belong to a stack's runs, newest first.</summary>
public static class RunSelection
{
    public const string JobNameLabel = "batch.kubernetes.io/job-name";
    /// <summary>The label before Kubernetes 1.27; still set beside the new one.</summary>
    public const string LegacyJobNameLabel = "job-name";

    /// <summary>
    /// The stack's runs, newest first. A Job or campaign stack's runs carry its labels (and are not a CronJob's);
    /// a CronJob's runs are the Jobs it owns, or that carry its labels (ownership is lost when a
    /// CronJob is deleted and deployed again).
    /// </summary>
    public static IReadOnlyList<V1Job> Runs(VerifyTarget target, IEnumerable<V1Job> jobs, V1CronJob? cronJob = null) =>
        [.. jobs.Where(j => target.Mode != WorkflowMode.CronJob
                ? HasLabels(j, target) && !OwnedByKind(j, "CronJob")
                : HasLabels(j, target) || OwnedBy(j, cronJob))
            .OrderByDescending(Started)
            .ThenByDescending(j => j.Metadata?.Name, StringComparer.Ordinal)];

    /// <summary>The ids a Job was deployed with (its annotations); a CronJob's runs have none.</summary>
    public static RunIds? Annotated(V1Job job)
    {
        var a = job.Metadata?.Annotations;
        if (a is null) return null;
        return a.TryGetValue(Annotations.ObsId, out var obsId) && a.TryGetValue(Annotations.FilePrefix, out var prefix)
            ? RunIds.IfSafe(obsId, prefix)
            : null;
    }

    /// <summary>The Job has ended: it completed or failed.</summary>
    public static bool Finished(V1Job job) =>
        job.Status?.Conditions?.Any(c => c.Status == "True" && c.Type is "Complete" or "Failed") == true;

    /// <summary>The simulation's container in a run's pod (the first, should it be named otherwise).</summary>
    public static string SimulationContainer(V1Pod pod) =>
        pod.Spec?.Containers?.FirstOrDefault(c => c.Name == SimulationRun.ContainerName)?.Name
        ?? pod.Spec?.Containers?.FirstOrDefault()?.Name
        ?? SimulationRun.ContainerName;

    /// <summary>A Job's pods, by the label the Job controller sets on them (or its older spelling).</summary>
    public static IEnumerable<V1Pod> PodsOf(V1Job job, IEnumerable<V1Pod> pods)
    {
        var name = job.Metadata?.Name;
        return pods.Where(p => p.Metadata?.Labels is { } labels
            && ((labels.TryGetValue(JobNameLabel, out var n) && n == name) || (labels.TryGetValue(LegacyJobNameLabel, out var m) && m == name)));
    }

    /// <summary>The Job's newest pod (a Job with backoffLimit 0 has one; a replaced one may linger).</summary>
    public static V1Pod? NewestPod(IEnumerable<V1Pod> pods) =>
        pods.OrderByDescending(p => p.Metadata?.CreationTimestamp ?? DateTime.MinValue)
            .ThenByDescending(p => p.Metadata?.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// The ingestor's pod to look into: named <c>core-...</c>; a running one if there is one (the
    /// newest), otherwise the newest of the others, so its state can be reported.
    /// </summary>
    public static V1Pod? IngestorPod(IEnumerable<V1Pod> pods) =>
        pods.Where(p => p.Metadata?.Name?.StartsWith(VerifyTarget.IngestorPodPrefix, StringComparison.Ordinal) == true)
            .Where(p => p.Metadata?.DeletionTimestamp is null)
            .OrderByDescending(p => p.Status?.Phase == "Running")
            .ThenByDescending(p => p.Metadata?.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(p => p.Metadata?.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    private static DateTime Started(V1Job job) =>
        job.Status?.StartTime ?? job.Metadata?.CreationTimestamp ?? DateTime.MinValue;

    private static bool HasLabels(V1Job job, VerifyTarget target) =>
        job.Metadata?.Labels is { } labels
        && target.RunLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);

    private static bool OwnedBy(V1Job job, V1CronJob? cronJob) =>
        cronJob is not null
        && job.Metadata?.OwnerReferences?.Any(o => o.Kind == "CronJob" && o.Name == cronJob.Metadata?.Name) == true;

    private static bool OwnedByKind(V1Job job, string kind) =>
        job.Metadata?.OwnerReferences?.Any(o => o.Kind == kind) == true;
}
