namespace SrcNetInfra.Core.Model;

/// <summary>
/// A campaign (<c>srcnet:campaign</c>, with <c>srcnet:workflow.mode: campaign</c>): one Indexed
/// Job whose every index is one point, a variant of the stack's simulation (docs/campaign.md).
/// </summary>
public sealed record CampaignSpec
{
    /// <summary>Names the campaign in every point's OBS_ID and FILE_PREFIX, and in a label.</summary>
    public required string Name { get; init; }

    /// <summary>Every point, in index order: point <c>i</c> is the Job's completion index <c>i</c>.</summary>
    public required IReadOnlyList<CampaignPoint> Points { get; init; }

    /// <summary>The simulation keys the points set, in <see cref="Config.CampaignKeys"/> order.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>How many points run at once; null: as many as the quota and the ingest area hold (<c>auto</c>).</summary>
    public required int? Parallelism { get; init; }

    /// <summary>How often a failed point is tried again before it counts as failed (<c>backoffLimitPerIndex</c>).</summary>
    public required int RetriesPerPoint { get; init; }

    /// <summary>Failed points the campaign tolerates (<c>maxFailedIndexes</c>): one more stops it; null: it never stops early.</summary>
    public required int? MaxFailedPoints { get; init; }

    /// <summary>The Kueue LocalQueue that admits the campaign; null: the Job starts at once.</summary>
    public required string? Queue { get; init; }
}

/// <summary>
/// One point: its index, its whole simulation (the stack's with the point's values), its products,
/// and the config key its values come from, for messages.
/// </summary>
public sealed record CampaignPoint(int Index, SimulationSpec Simulation, ProductSelection Products, string Source);
