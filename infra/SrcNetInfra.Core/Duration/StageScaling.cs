namespace SrcNetInfra.Core.Duration;

/// <summary>One quantity a stage's time grows in proportion to.</summary>
public sealed record ScalingTerm(string Name, double Value);

/// <summary>
/// What each stage's time is proportional to (docs/estimation.md#the-scaling-laws). A stage's time is
/// taken as a sum of non-negative parts, each proportional to one term: then, from one measured run,
/// the target's time lies between the smallest and the largest of the terms' ratios times the
/// measured time, whatever the unknown split between the parts was.
/// </summary>
public static class StageScaling
{
    public static IReadOnlyList<ScalingTerm> Terms(RunStage stage, RunShape run) => stage switch
    {
        // Fixed: the image's Python imports, before the workflow's first line.
        RunStage.Startup => [new("fixed", 1)],
        // OSKAR correlates every source with every baseline, channel and time step
        // (oskar_cross_correlate: one term per source per visibility); writing the MS is smaller.
        RunStage.Simulation => [new("sources x baselines x channels x time steps", Math.Max(run.Sources, 1) * run.Visibilities)],
        // pyuvdata reads every visibility of the MS.
        RunStage.VisibilityMetadata => [new("visibilities", run.Visibilities)],
        // WSClean reads, reorders and grids every visibility, and Fourier-transforms the image.
        RunStage.DirtyImage => [new("visibilities", run.Visibilities), new("pixels", run.Pixels)],
        // Each major cycle predicts and grids every visibility again, each minor cycle scans the image;
        // the number of cycles depends on the sky and the threshold, taken as the calibration's.
        RunStage.CleanedImage => [new("visibilities", run.Visibilities), new("pixels", run.Pixels)],
        // Reading a FITS image for its ObsCore metadata.
        RunStage.DirtyMetadata or RunStage.CleanedMetadata => [new("pixels", run.Pixels)],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>"time ~ visibilities and pixels": the law in one line.</summary>
    public static string Law(RunStage stage) =>
        "time ~ " + string.Join(" and ", Terms(stage, new RunShape(2, 1, 1, 1, 1, new Model.ProductSelection(false, false, false), 0, null)).Select(t => t.Name));
}
