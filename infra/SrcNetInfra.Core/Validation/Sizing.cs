using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// What the environment's volumes are sized to: the estimate of one run, and the sizes actually
/// requested for scratch (one run's peak) and for the ingest area (the products of <c>runsToHold</c>
/// runs plus one run's transient files, see <see cref="IngestNeed"/>).
/// </summary>
public sealed record Sizing(
    Estimate Estimate,
    Quantity ScratchRequest,
    Quantity IngestRequest,
    long IngestBytesToHold,
    int RunsToHold)
{
    /// <summary>
    /// A campaign's points, each estimated, and how many run at once; null for a Job or CronJob.
    /// Then <see cref="Estimate"/> is the point with the largest scratch, <see cref="RunsToHold"/>
    /// the number of points, and <see cref="IngestBytesToHold"/> what the whole campaign leaves.
    /// </summary>
    public CampaignSizing? Campaign { get; init; }

    /// <summary>
    /// What the ingest area must hold: the products <paramref name="runs"/> runs leave there (the
    /// ingestor never deletes anything), plus what one running run has there on top of that at its
    /// peak (WSClean's reorder files beside an MS in staging). The one place this is decided: a
    /// retention window will pass the runs it keeps.
    /// Throws <see cref="OverflowException"/> beyond a long.
    /// </summary>
    public static long IngestNeed(Estimate estimate, int runs) =>
        checked(estimate.IngestBytes * runs + (estimate.IngestPeakBytes - estimate.IngestBytes));

    /// <summary>The keys sizing reads: the simulation and products (the estimate), both volumes' settings, and what decides the runs held.</summary>
    public static readonly string[] Inputs =
        ["srcnet:workflow.simulation", "srcnet:workflow.products", "srcnet:scratch", "srcnet:ingestor.persistence", "srcnet:retention",
         "srcnet:workflow.mode", "srcnet:workflow.schedule"];

    /// <summary>
    /// How many runs' products the ingest area holds at once when the janitor removes them, and why:
    /// with the janitor and a schedule, the runs inside the retention window (the schedule's shortest
    /// interval into <c>srcnet:retention.processed</c>) plus the one in progress (docs/handover.md).
    /// Null otherwise: then nothing removes them and the stack's <c>runsToHold</c> decides.
    /// </summary>
    private static (int Runs, string Why)? RunsInRetention(EnvironmentSpec spec)
    {
        var retention = spec.Retention;
        if (retention.Enabled && spec.Workflow.Mode == WorkflowMode.CronJob
            && Duration.ScheduleInterval.Shortest(spec.Workflow.Schedule) is { } interval && interval > TimeSpan.Zero)
        {
            var window = RetentionSpec.Span(retention.Processed);
            var runs = (int)Math.Min(1_000_000, Math.Ceiling(window / interval)) + 1;
            return (runs, $"the runs of {retention.Processed} (srcnet:retention.processed) at one per {Duration.DurationText.Format(interval.TotalSeconds)}, and the one in progress");
        }
        return null;
    }

    /// <summary>
    /// Sizes for an estimate alone (no stack: <c>srcnet estimate</c> of the defaults): both volumes
    /// auto, with these headrooms, the ingest area holding <paramref name="runs"/> runs.
    /// </summary>
    public static Sizing Of(Estimate estimate, double scratchHeadroom, double ingestHeadroom, int runs)
    {
        var toHold = IngestNeed(estimate, runs);
        return new Sizing(estimate,
            Quantity.Parse(StorageRequest.Gi(estimate.ScratchBytes, scratchHeadroom)),
            Quantity.Parse(StorageRequest.Gi(toHold, ingestHeadroom)),
            toHold, runs);
    }

    /// <summary>
    /// Sizes the volumes of <paramref name="spec"/>; explicit sizes win, with a warning or an error
    /// when they cannot hold what the estimate says a run writes.
    /// </summary>
    public static Sizing For(EnvironmentSpec spec, Estimate estimate, Problems problems)
    {
        var scratchRequest = ScratchRequestFor(spec, estimate, "one run", problems);
        var persistence = spec.Ingestor.Persistence;
        var inRetention = RunsInRetention(spec);
        if (persistence.RunsToHoldGiven && inRetention is { } held)
            problems.Warning("srcnet:ingestor.persistence.runsToHold",
                $"is not used: with the janitor and a schedule, the ingest area holds {held.Why} ({held.Runs} runs); set srcnet:retention.processed instead");
        var (runs, why) = inRetention ?? (persistence.RunsToHold, "runsToHold");
        var toHold = IngestNeed(estimate, runs);
        var ingestRequest = persistence.Size.ExplicitSize ?? Quantity.Parse(StorageRequest.Gi(toHold, persistence.Headroom));
        if (persistence.Size.ExplicitSize is { } explicitIngest && explicitIngest.Value < toHold)
        {
            var transient = estimate.IngestPeakBytes - estimate.IngestBytes;
            problems.Error("srcnet:ingestor.persistence.size",
                $"{explicitIngest.Text} ({StorageRequest.Human((long)explicitIngest.Value)}) cannot hold the products of " +
                $"{runs} run(s) ({why})" +
                (transient > 0 ? $" and one run's temporary files ({StorageRequest.Human(transient)})" : "") +
                $", estimated at {StorageRequest.Human(toHold)} ({toHold} bytes); raise the size, use auto, or keep fewer runs");
        }
        return new Sizing(estimate, scratchRequest, ingestRequest, toHold, runs);
    }

    /// <summary>The scratch request for a run with <paramref name="estimate"/>; an explicit size below its peak is a warning.</summary>
    internal static Quantity ScratchRequestFor(EnvironmentSpec spec, Estimate estimate, string whose, Problems problems)
    {
        var scratch = spec.Scratch;
        if (scratch.Size.ExplicitSize is { } explicitScratch && explicitScratch.Value < estimate.ScratchBytes)
        {
            problems.Warning("srcnet:scratch.size",
                $"{explicitScratch.Text} ({StorageRequest.Human((long)explicitScratch.Value)}) is below the estimated peak scratch of {whose}, " +
                $"{StorageRequest.Human(estimate.ScratchBytes)} ({estimate.ScratchBytes} bytes); the run may fail when /tmp fills up");
        }
        return scratch.Size.ExplicitSize ?? Quantity.Parse(StorageRequest.Gi(estimate.ScratchBytes, scratch.Headroom));
    }
}
