using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// What <c>srcnet verify</c> judges the ingest area's health against, all from the stack
/// (docs/verify.md#the-ingest-areas-health).
/// </summary>
/// <param name="StuckAfter">A product waiting in staging longer than this is stuck (<see cref="StuckAfterFor"/>).</param>
/// <param name="ScanSeconds">How often the ingestor scans staging: <c>srcnet:ingestor.config.frequency</c>.</param>
/// <param name="NextRunBytes">What the next run needs free on the claim: one run's peak in the ingest
/// area as the estimate places it (<see cref="Estimation.Estimate.IngestPeakBytes"/>: its products,
/// their metadata and its transient files, all written in its run directory on the same claim).</param>
/// <param name="JanitorEnabled"><c>srcnet:retention.enabled</c>: whether anything removes old run directories.</param>
/// <param name="FailedRuns"><c>srcnet:retention.failedRuns</c>: how long a failed or killed run's directory is kept.</param>
/// <param name="StaleRunAfter"><c>srcnet:retention.staleRunAfter</c>: a run without a heartbeat for this long is dead.</param>
public sealed record IngestAreaLimits(
    TimeSpan StuckAfter,
    int ScanSeconds,
    long NextRunBytes,
    bool JanitorEnabled,
    string FailedRuns,
    string StaleRunAfter)
{
    /// <summary>A campaign's needs in the ingest area, point by point; null for a Job or CronJob stack.</summary>
    public CampaignSpaceNeed? Campaign { get; init; }

    /// <summary>Scans of staging a product may wait through before it counts as stuck.</summary>
    public const int ScansBeforeStuck = 10;

    /// <summary>
    /// The least time before a product counts as stuck, whatever the scan interval: the ingestor
    /// uploads a copy to the storage element before it moves the pair out of staging
    /// (docs/ingestor.md#the-ingest-area-layout), and an upload of a large product takes minutes.
    /// </summary>
    public static readonly TimeSpan MinimumStuckAfter = TimeSpan.FromMinutes(10);

    /// <summary>max(10 scans, 10 minutes), in whole seconds: 10 minutes at the default 5 s scan interval.</summary>
    public static TimeSpan StuckAfterFor(int scanSeconds) =>
        TimeSpan.FromSeconds(Math.Max((long)ScansBeforeStuck * scanSeconds, (long)MinimumStuckAfter.TotalSeconds));

    /// <summary>The stale limit as a time span.</summary>
    public TimeSpan StaleSpan => RetentionSpec.Span(StaleRunAfter);

    public static IngestAreaLimits For(CheckedEnvironment env)
    {
        var spec = env.Spec;
        var frequency = spec.Ingestor.Settings.Frequency;
        return new IngestAreaLimits(
            StuckAfterFor(frequency),
            frequency,
            // A campaign's estimate is the point with the most scratch; the area needs the most any point puts there.
            env.Sizing.Campaign?.Points.Max(e => e.IngestPeakBytes) ?? env.Sizing.Estimate.IngestPeakBytes,
            spec.Retention.Enabled,
            spec.Retention.FailedRuns,
            spec.Retention.StaleRunAfter)
        {
            Campaign = env.Sizing.Campaign is { } c
                ? new CampaignSpaceNeed([.. c.Points.Select(e => e.IngestBytes)], c.TransientBytes, c.Parallelism)
                : null,
        };
    }
}
