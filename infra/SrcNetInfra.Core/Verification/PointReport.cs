namespace SrcNetInfra.Core.Verification;

/// <summary>Where one point of a campaign stands.</summary>
public enum PointState
{
    /// <summary>Its index completed: its pod succeeded (or found it done in the ledger).</summary>
    Done,
    /// <summary>A pod of it is running or starting, or is about to be tried again.</summary>
    Running,
    /// <summary>Not started yet: no pod.</summary>
    Waiting,
    /// <summary>Its index failed: every try failed (or a configuration error failed it at once).</summary>
    Failed,
    /// <summary>Its pod cannot start until someone acts (unschedulable, an image that cannot be pulled).</summary>
    Stuck,
}

/// <summary>
/// One point as <c>srcnet verify</c> reports it: the point, its state, its newest pod's state, and,
/// once it is done, where each of its products is.
/// </summary>
/// <param name="Pod">The newest pod of the point's index; null when it has none (not started, or removed).</param>
/// <param name="Products">Each product's state; null until the point is done, or when the ingest area was not listed.</param>
public sealed record PointReport(DeployedPoint Point, PointState State, RunState? Pod, IReadOnlyList<ProductStatus>? Products)
{
    /// <summary>The state as the report and the JSON write it: done, running, waiting, failed, stuck.</summary>
    public string StateName => VerifyWords.Point.Of(State);

    /// <summary>What a user should know beyond the state: why it failed or is stuck, or how its pod is doing.</summary>
    public string? Detail => State switch
    {
        PointState.Failed => Pod?.Describe() ?? "its pods are gone",
        PointState.Stuck => Pod?.Describe(),
        PointState.Running when Pod is { Phase: RunPhase.Failed } => $"to be tried again; last try {Pod.Describe()}",
        PointState.Running when Pod is { Phase: RunPhase.Pending } => Pod.Describe(),
        _ => null,
    };
}
