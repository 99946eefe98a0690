using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// Durations from the stack's calibration (<c>srcnet:workflow.calibration</c>): the projection of
/// its run, <c>activeDeadlineSeconds: auto</c> set from it, and warnings when a deadline or a
/// CronJob's schedule leaves the run less time than it needs. Without a calibration nothing changes.
/// </summary>
internal static class DurationFit
{
    public const string CalibrationKey = "srcnet:workflow.calibration";
    public const string DeadlineKey = "srcnet:workflow.activeDeadlineSeconds";
    public const string ScheduleKey = "srcnet:workflow.schedule";

    /// <summary>
    /// The spec with an automatic deadline filled in, and the projection when there is a calibration:
    /// of the run, or of a campaign's longest point (whose deadline every point gets) with the whole
    /// campaign at <paramref name="parallelism"/> points at once.
    /// </summary>
    public static (EnvironmentSpec Spec, DurationProjection? Projection, CampaignDuration? Campaign) Check(
        EnvironmentSpec spec, CalibrationLibrary? library, Problems problems, int parallelism = 1)
    {
        var w = spec.Workflow;
        if (w.Calibration is not { } name)
        {
            if (w.ActiveDeadlineAuto)
                problems.Warning(DeadlineKey,
                    $"auto needs a calibration and {CalibrationKey} is unset, so no deadline is set; after a small run, " +
                    $"`srcnet calibrate --stack {spec.Stack}` writes one to calibrations/, then set {CalibrationKey} to its name");
            return (spec, null, null);
        }
        if (library is null)
        {
            problems.Error(CalibrationKey, $"{name} cannot be read here: there is no project directory with calibrations/");
            return (spec, null, null);
        }
        if (!File.Exists(library.PathOf(name)))
        {
            // Not yet made: nothing changes until `srcnet calibrate` writes it (it names its file after this key).
            var known = library.Names();
            problems.Warning(CalibrationKey,
                $"no calibration {name} yet ({CalibrationLibrary.DirectoryName}/{name}.yaml does not exist), so no duration is projected" +
                (w.ActiveDeadlineAuto ? " and auto sets no deadline" : "") +
                $"; after a run, `srcnet calibrate --stack {spec.Stack}` writes it" +
                (known.Count > 0 ? $" (calibrations here: {string.Join(", ", known)})" : ""));
            return (spec, null, null);
        }
        var calibration = library.Load(name, out var error);
        if (calibration is null)
        {
            problems.Error(CalibrationKey, error!);
            return (spec, null, null);
        }

        var campaign = spec.Campaign is { } points ? CampaignDuration.For(calibration, w, points, parallelism) : null;
        var projection = campaign?.Longest ?? DurationProjection.For(calibration, RunShape.For(w));
        if (!projection.Complete)
        {
            if (w.ActiveDeadlineAuto)
                problems.Warning(DeadlineKey,
                    $"auto: calibration {name} has no {string.Join(", ", projection.Uncalibrated.Select(RunStages.Describe))} step " +
                    $"(it ran {calibration.Run.Products}), so no deadline is set; calibrate with a run of the products {w.Products}");
            return (spec, projection, campaign);
        }

        var high = projection.TotalHighSeconds!.Value;
        var described = $"{projection.Describe()} (calibration {name})";
        if (w.ActiveDeadlineAuto)
        {
            spec = spec with { Workflow = w with { ActiveDeadlineSeconds = ActiveDeadline.For(projection) } };
        }
        else if (w.ActiveDeadlineSeconds is { } deadline && deadline < high)
        {
            problems.Warning(DeadlineKey,
                $"{deadline} ({DurationText.Format(deadline)}) is less than the projected run, {described}: the run may be stopped before it finishes; use auto, or raise it");
        }

        if (w.Mode == WorkflowMode.CronJob && ScheduleInterval.Shortest(w.Schedule) is { } interval && high > interval.TotalSeconds)
            problems.Warning(ScheduleKey,
                $"{UserText.Quote(w.Schedule)} starts a run every {DurationText.Format(interval.TotalSeconds)} at the shortest, but the projected run takes {described}: " +
                "with concurrencyPolicy Forbid the runs that fall due meanwhile are skipped; schedule them further apart");
        return (spec, projection, campaign);
    }
}
