using System.Text;
using SrcNetInfra.Core.Duration;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>One stage's projection as <c>srcnet estimate --json</c> writes it.</summary>
public sealed record StageDurationReport(string Stage, string Law, double CalibratedSeconds, IReadOnlyList<double> Factors, double LowSeconds, double HighSeconds, bool Far);

/// <summary>
/// The projected duration in <c>srcnet estimate</c>'s output: the calibration it comes from, each
/// stage's law and range, the total and the deadline <c>activeDeadlineSeconds: auto</c> would set.
/// </summary>
public sealed record DurationReport(
    string Calibration,
    string Site,
    string NodeType,
    int Gpus,
    double? TotalLowSeconds,
    double? TotalHighSeconds,
    long? ActiveDeadlineSeconds,
    IReadOnlyList<StageDurationReport> Stages,
    IReadOnlyList<string> Uncalibrated,
    IReadOnlyList<string> Notes)
{
    /// <summary>What the output says when there is no calibration to project from.</summary>
    public static string Hint(string? stack) =>
        "no calibration: after a small run, `srcnet calibrate " + (stack is null ? "--stack NAME" : $"--stack {stack}") +
        "` records how long its steps took in calibrations/; then give --calibration NAME, or set srcnet:workflow.calibration";

    public static DurationReport From(Calibration calibration, DurationProjection p) => new(
        calibration.Name, calibration.Site, calibration.NodeType, calibration.Run.Gpus,
        p.TotalLowSeconds, p.TotalHighSeconds, ActiveDeadline.For(p),
        [.. p.Stages.Select(s => new StageDurationReport(RunStages.Key(s.Stage), s.Law, s.CalibratedSeconds, s.Factors, s.LowSeconds, s.HighSeconds, s.Far))],
        [.. p.Uncalibrated.Select(RunStages.Key)],
        p.Notes);

    public void WriteTable(StringBuilder t)
    {
        var total = TotalHighSeconds is { } high ? DurationText.Range(TotalLowSeconds!.Value, high) : "unknown";
        t.Append($"Duration, projected from calibration {Calibration} ({Site}, {NodeType}, {(Gpus > 0 ? $"{Gpus} GPU(s)" : "no GPU")}): {total}\n");
        foreach (var s in Stages)
        {
            var factors = string.Join(", ", s.Factors.Select(f => f.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "x"));
            t.Append($"  {RunStages.Describe(RunStages.FromKey(s.Stage)!.Value),-34} {DurationText.Range(s.LowSeconds, s.HighSeconds),18}  " +
                     $"measured {DurationText.Format(s.CalibratedSeconds)}, {s.Law}: {factors}{(s.Far ? " (far: range)" : "")}\n");
        }
        foreach (var stage in Uncalibrated)
            t.Append($"  {RunStages.Describe(RunStages.FromKey(stage)!.Value),-34} {"unknown",18}  not in the calibration\n");
        if (ActiveDeadlineSeconds is { } deadline)
            t.Append($"  activeDeadlineSeconds: auto would set {deadline} ({DurationText.Format(deadline)})\n");
        foreach (var note in Notes) t.Append($"  note: {note}\n");
    }
}
