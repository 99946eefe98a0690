namespace SrcNetInfra.Core.Model;

public enum ScratchMode
{
    /// <summary>A generic ephemeral volume per pod: made with the run, deleted with it.</summary>
    Ephemeral,
    /// <summary>The seed's shared claim <c>temporal-scratch</c>, kept across runs.</summary>
    SharedClaim,
    /// <summary>
    /// The node's own disk (an emptyDir, with the scratch size as its limit and the container's
    /// ephemeral-storage request): freed as soon as the run ends, even while its pod is kept, so
    /// a campaign's finished points hold no scratch (docs/campaign.md#scratch-of-finished-points).
    /// </summary>
    EmptyDir,
}

/// <summary>The workflow's <c>/tmp</c> (<c>srcnet:scratch</c>), sized by the estimator.</summary>
public sealed record ScratchSpec
{
    public required ScratchMode Mode { get; init; }
    public required string ClaimName { get; init; }
    public required string? StorageClass { get; init; }
    public required string AccessMode { get; init; }
    public required SizeSetting Size { get; init; }
    public required double Headroom { get; init; }
}
