using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// What a campaign still puts in the ingest area: the products of each point not yet done (kept
/// until the janitor's retention) and the temporary files of the points running at once. The area
/// was sized for the whole campaign when it was deployed; anything else that fills it since (another
/// campaign, failed_processing/) can leave too little for the points still to run.
/// </summary>
/// <param name="PointBytes">What each point leaves in the ingest area, by index (srcnet estimate).</param>
/// <param name="TransientBytes">The most temporary files one running point adds there.</param>
/// <param name="Parallelism">How many points run at once.</param>
public sealed record CampaignSpaceNeed(IReadOnlyList<long> PointBytes, long TransientBytes, int Parallelism)
{
    /// <summary>What the points not yet done still need, and how many they are.</summary>
    public (long Bytes, int Points) Remaining(IReadOnlyList<PointReport> points)
    {
        var toRun = points.Where(p => p.State is PointState.Waiting or PointState.Running or PointState.Stuck).ToList();
        if (toRun.Count == 0) return (0, 0);
        var products = toRun.Sum(p => p.Point.Index < PointBytes.Count ? PointBytes[p.Point.Index] : 0L);
        return (products + Math.Min(Parallelism, toRun.Count) * TransientBytes, toRun.Count);
    }

    /// <summary>
    /// The area's health with a warning when the free space is less than what the points still to run
    /// need; unchanged when it is enough or unknown.
    /// </summary>
    public IngestAreaHealth WithRemaining(IngestAreaHealth area, IReadOnlyList<PointReport> points)
    {
        if (area.Space is not { } space) return area;
        var (need, count) = Remaining(points);
        if (count == 0 || space.FreeBytes >= need) return area;
        var finding = new HealthFinding("space", FindingSeverity.Warning,
            $"the campaign's {count} point(s) still to run need about {StorageRequest.Human(need)} more on the ingest claim " +
            $"(their products, and the temporary files of {Math.Min(Parallelism, count)} at once; srcnet estimate), " +
            $"but {StorageRequest.Human(space.FreeBytes)} is free: the claim would fill before the campaign ends. Free space in processed/ " +
            "(srcnet:retention.processed) or failed_processing/, or enlarge the claim (srcnet:ingestor.persistence.size)");
        return area with { Findings = [.. area.Findings, finding] };
    }
}
