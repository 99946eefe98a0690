namespace SrcNetInfra.Core.Verification;

/// <summary>Where a run (its Job and pod) stands.</summary>
public enum RunPhase
{
    /// <summary>Not running yet: no pod, or a pod waiting for its container (pulling, creating).</summary>
    Pending,
    /// <summary>The scheduler found no node for the pod; it will stay pending until someone acts.</summary>
    Unschedulable,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A run's state as <c>srcnet verify</c> reports it, from plain values: the pod's phase, the most
/// telling reason (a container's, the pod's or the Job's) and the message that explains it.
/// </summary>
/// <param name="PodName">The run's pod; null when it has none (not created yet, or deleted).</param>
/// <param name="PodPhase">The pod's phase as Kubernetes reports it (Pending, Running, Succeeded, Failed, Unknown).</param>
/// <param name="Reason">OOMKilled, Error, Completed, DeadlineExceeded, Evicted, ImagePullBackOff, Unschedulable, ...</param>
/// <param name="ExitCode">The simulation container's exit code once it terminated.</param>
/// <param name="JobReason">The reason of the Job's Failed condition (BackoffLimitExceeded, DeadlineExceeded).</param>
public sealed record RunState(
    RunPhase Phase,
    string? PodName,
    string? PodPhase,
    string? Reason,
    int? ExitCode,
    string? Message,
    string? JobReason)
{
    /// <summary>The reasons in brackets, most specific first: <c>OOMKilled, exit code 137, Job BackoffLimitExceeded</c>.</summary>
    public string Reasons
    {
        get
        {
            var details = new List<string>();
            if (Reason is not null && Reason != "Unschedulable") details.Add(Reason);
            if (ExitCode is { } code && (Phase == RunPhase.Failed || code != 0)) details.Add($"exit code {code}");
            if (JobReason is not null && JobReason != Reason) details.Add($"Job {JobReason}");
            return string.Join(", ", details);
        }
    }

    /// <summary>One line: what happened, why, and the message that explains it.</summary>
    public string Describe() => Explain(Phase switch
    {
        RunPhase.Pending => PodName is null ? "no pod yet" : "pending",
        RunPhase.Unschedulable => "cannot be scheduled",
        RunPhase.Running => "running",
        RunPhase.Succeeded => "succeeded",
        _ => "failed",
    });

    /// <summary><paramref name="what"/> followed by the reasons and the message, e.g. <c>failed (OOMKilled, exit code 137)</c>.</summary>
    public string Explain(string what)
    {
        var reasons = Reasons;
        var line = reasons.Length == 0 ? what : $"{what} ({reasons})";
        return Message is null ? line : $"{line}: {Message}";
    }
}
