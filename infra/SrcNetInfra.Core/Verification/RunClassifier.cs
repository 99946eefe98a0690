using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// Classifies a run from its Job, its pod and the Job's events as read from the API: pure, so every
/// case (OOMKilled, Evicted, ImagePullBackOff, Unschedulable, quota ...) is tested without a cluster.
/// </summary>
public static class RunClassifier
{
    /// <summary>Container waiting reasons that do not go away by waiting: a user has to fix something.</summary>
    public static readonly IReadOnlySet<string> StuckWaitingReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "ImagePullBackOff", "ErrImagePull", "ErrImageNeverPull", "InvalidImageName",
        "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "RunContainerError",
    };

    public static RunState Classify(V1Job job, V1Pod? pod, IEnumerable<Corev1Event>? jobEvents = null)
    {
        var failedCondition = Condition(job.Status?.Conditions, "Failed");
        var jobFailed = failedCondition is not null;
        var jobComplete = Condition(job.Status?.Conditions, "Complete") is not null;
        var jobReason = failedCondition?.Reason;

        if (pod is null)
        {
            if (jobFailed) return new RunState(RunPhase.Failed, null, null, jobReason, null, failedCondition!.Message, jobReason);
            if (jobComplete) return new RunState(RunPhase.Succeeded, null, null, null, null, null, null);
            // A Job whose pod the API refused (quota exceeded, admission) never gets one: only its events say so.
            if (LatestFailedCreate(jobEvents) is { } refused)
                return new RunState(RunPhase.Failed, null, null, "FailedCreate", null, refused.Message, null);
            return new RunState(RunPhase.Pending, null, null, null, null, null, null);
        }

        var name = pod.Metadata?.Name;
        var phase = pod.Status?.Phase;
        var container = SimulationContainer(pod);
        var terminated = container?.State?.Terminated;
        var waiting = container?.State?.Waiting;

        // The pod's own reason (Evicted, DeadlineExceeded) is the root cause when it has one.
        if (phase == "Failed" || pod.Status?.Reason is "Evicted" or "DeadlineExceeded")
        {
            var reason = pod.Status?.Reason ?? terminated?.Reason ?? jobReason;
            var message = pod.Status?.Message ?? terminated?.Message ?? failedCondition?.Message;
            return new RunState(RunPhase.Failed, name, phase, reason, terminated?.ExitCode, Trim(message), jobReason);
        }
        if (terminated is not null && terminated.ExitCode != 0)
            return new RunState(RunPhase.Failed, name, phase, terminated.Reason ?? "Error", terminated.ExitCode, Trim(terminated.Message), jobReason);
        if (waiting?.Reason is { } stuck && StuckWaitingReasons.Contains(stuck))
            return new RunState(RunPhase.Failed, name, phase, stuck, null, Trim(waiting.Message), jobReason);
        if (jobFailed)
            return new RunState(RunPhase.Failed, name, phase, jobReason, terminated?.ExitCode, Trim(failedCondition!.Message), jobReason);
        if (phase == "Succeeded" || (terminated is not null && terminated.ExitCode == 0) || jobComplete)
            return new RunState(RunPhase.Succeeded, name, phase, terminated?.Reason, terminated?.ExitCode ?? 0, null, null);
        if (phase == "Running" || container?.State?.Running is not null)
            return new RunState(RunPhase.Running, name, phase, null, null, null, null);

        var scheduled = Condition(pod.Status?.Conditions, "PodScheduled", "False");
        if (scheduled?.Reason == "Unschedulable")
            return new RunState(RunPhase.Unschedulable, name, phase, "Unschedulable", null, Trim(scheduled.Message), null);
        // Phase Unknown: the node stopped reporting; the pod may still be running there.
        return new RunState(RunPhase.Pending, name, phase, waiting?.Reason ?? (phase == "Unknown" ? "NodeLost" : null), null, Trim(waiting?.Message), null);
    }

    /// <summary>The simulation's container status; the first one when it was renamed.</summary>
    private static V1ContainerStatus? SimulationContainer(V1Pod pod)
    {
        var statuses = pod.Status?.ContainerStatuses;
        if (statuses is null || statuses.Count == 0) return null;
        return statuses.FirstOrDefault(s => s.Name == SimulationRun.ContainerName) ?? statuses[0];
    }

    private static V1JobCondition? Condition(IList<V1JobCondition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type && c.Status == "True");

    private static V1PodCondition? Condition(IList<V1PodCondition>? conditions, string type, string status) =>
        conditions?.FirstOrDefault(c => c.Type == type && c.Status == status);

    private static Corev1Event? LatestFailedCreate(IEnumerable<Corev1Event>? events) =>
        events?
            .Where(e => e.Reason == "FailedCreate")
            .OrderByDescending(e => e.LastTimestamp ?? e.EventTime ?? e.Metadata?.CreationTimestamp ?? DateTime.MinValue)
            .FirstOrDefault();

    /// <summary>Messages can be long (a scheduler's per-node summary); one line is enough in a report.</summary>
    private static string? Trim(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return null;
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 400 ? line : line[..397] + "...";
    }
}
