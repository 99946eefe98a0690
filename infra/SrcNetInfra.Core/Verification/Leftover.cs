namespace SrcNetInfra.Core.Verification;

/// <summary>Why a run directory is left over.</summary>
public enum LeftoverKind
{
    /// <summary>Its run failed (state <c>failed</c>): kept for inspection.</summary>
    Failed,
    /// <summary>Its pod was stopped (state <c>killed</c>): kept for inspection.</summary>
    Killed,
    /// <summary>No heartbeat for longer than the stale limit: its pod died outright.</summary>
    Stale,
    /// <summary>A state the run script does not write: the janitor leaves it alone.</summary>
    Unknown,
}

/// <summary>
/// A run directory under .srcnet/runs/ that no live run is using (docs/handover.md#states): what
/// it is, since when, and what its state file says about how its run ended.
/// </summary>
/// <param name="Name">The directory's name: the run's OBS_ID.</param>
/// <param name="State">The state file's <c>state</c>; null without one.</param>
/// <param name="Age">Since its run ended (failed, killed: its state file) or last showed life (stale:
/// its heartbeat, else its state file, else the directory); null when the pod's clock is unknown.</param>
public sealed record Leftover(
    string Name,
    string Path,
    LeftoverKind Kind,
    string? State,
    TimeSpan? Age,
    string? Pod,
    string? ExitCode,
    string? Reason)
{
    /// <summary>The kind as the report and the JSON write it: failed, killed, stale, unknown.</summary>
    public string KindName => VerifyWords.Leftover.Of(Kind);

    /// <summary>The states a run directory of a run that may still be going is in (docs/handover.md#states); none is one whose state file is not written yet.</summary>
    private static readonly HashSet<string> Going = new(StringComparer.Ordinal) { "running", "handing-over", "handed-over" };

    /// <summary>
    /// The run directory as a leftover, or null when a run may still be using it: a going state
    /// (or none) with a sign of life younger than the stale limit, as the janitor decides it. Failed
    /// and killed directories are always leftovers: a person looks at them, or the janitor removes
    /// them after <c>failedRuns</c>.
    /// </summary>
    public static Leftover? Of(RunDirectory dir, string runsDir, DateTimeOffset? now, IngestAreaLimits limits)
    {
        var state = dir.Field("state");
        TimeSpan? Since(DateTimeOffset? at) => now is { } n && at is { } t ? n - t : null;
        Leftover As(LeftoverKind kind, DateTimeOffset? at) =>
            new(dir.Name, $"{runsDir}/{dir.Name}", kind, state, Since(at), dir.Field("pod"), dir.Field("exit_code"), dir.Field("reason"));

        switch (state)
        {
            case "failed":
                return As(LeftoverKind.Failed, dir.StateWritten ?? dir.Modified);
            case "killed":
                return As(LeftoverKind.Killed, dir.StateWritten ?? dir.Modified);
            case null:
            case var going when Going.Contains(going):
                var lastSign = dir.Heartbeat ?? dir.StateWritten ?? dir.Modified;
                return Since(lastSign) is { } quiet && quiet > limits.StaleSpan ? As(LeftoverKind.Stale, lastSign) : null;
            default:
                return As(LeftoverKind.Unknown, dir.StateWritten ?? dir.Modified);
        }
    }
}
