namespace SrcNetInfra.Core.Duration;

/// <summary>A stage's projected time: one number, or a range when the law or the distance from the calibration leave it open.</summary>
/// <param name="Factors">Target over calibration, per term of the stage's law.</param>
/// <param name="Far">A factor is beyond <see cref="DurationProjection.FarFactor"/> either way.</param>
public sealed record StageProjection(RunStage Stage, double CalibratedSeconds, IReadOnlyList<double> Factors, double LowSeconds, double HighSeconds, bool Far)
{
    public string Law => StageScaling.Law(Stage);
}

/// <summary>
/// The duration of a target run, stage by stage, projected from a calibration. Each stage's
/// measured time is scaled by its law's factors (<see cref="StageScaling"/>); far from the
/// calibration (a factor beyond 10x either way) the low end also allows for the part of the
/// measured time that is fixed (start-up, downloads, process starts), which one run cannot tell apart.
/// </summary>
public sealed record DurationProjection(
    string Calibration,
    IReadOnlyList<StageProjection> Stages,
    IReadOnlyList<RunStage> Uncalibrated,
    IReadOnlyList<string> Notes)
{
    public const double FarFactor = 10;

    public bool Complete => Uncalibrated.Count == 0;

    /// <summary>The whole run's low end; null when a stage the run has was not calibrated.</summary>
    public double? TotalLowSeconds => Complete ? Stages.Sum(s => s.LowSeconds) : null;

    /// <summary>The whole run's high end; null when a stage the run has was not calibrated.</summary>
    public double? TotalHighSeconds => Complete ? Stages.Sum(s => s.HighSeconds) : null;

    public string Describe() => Complete
        ? DurationText.Range(TotalLowSeconds!.Value, TotalHighSeconds!.Value)
        : $"unknown: calibration {Calibration} has no {string.Join(", ", Uncalibrated.Select(RunStages.Describe))} step";

    public static DurationProjection For(Calibration calibration, RunShape target)
    {
        var measured = calibration.Run.Shape();
        var stages = new List<StageProjection>();
        var uncalibrated = new List<RunStage>();
        var wanted = new List<RunStage>(RunStages.For(target.Products));
        if (calibration.Seconds.ContainsKey(RunStage.Startup)) wanted.Insert(0, RunStage.Startup);

        foreach (var stage in wanted)
        {
            if (!calibration.Seconds.TryGetValue(stage, out var seconds))
            {
                uncalibrated.Add(stage);
                continue;
            }
            var factors = StageScaling.Terms(stage, target).Zip(StageScaling.Terms(stage, measured), (t, m) => t.Value / m.Value).ToList();
            double low = factors.Min(), high = factors.Max();
            bool far = high > FarFactor || low < 1 / FarFactor;
            if (far)
            {
                low = Math.Min(low, 1);
                high = Math.Max(high, 1);
            }
            stages.Add(new StageProjection(stage, seconds, factors, seconds * low, seconds * high, far));
        }

        var notes = new List<string>();
        if (calibration.Gpu != target.Gpus > 0)
            notes.Add(calibration.Gpu
                ? "the calibration ran OSKAR on a GPU and the target runs without one: the simulation will take much longer"
                : "the calibration ran OSKAR on CPUs and the target has a GPU: the simulation will likely be faster");
        if (target.CpuLimit is { } cpu && measured.CpuLimit is { } calibratedCpu && cpu != calibratedCpu)
            notes.Add($"the calibration ran with a CPU limit of {calibratedCpu:0.###} and the target with {cpu:0.###}; the projection does not scale with CPUs");
        if (measured.Sources < 1 || target.Sources < 1)
            notes.Add("no MIGHTEE sources fall within the filter circle of " + (measured.Sources < 1 ? "the calibration" : "the target") +
                      "; the simulation is projected as if there were one");
        if (stages.Any(s => s.Far))
            notes.Add($"the target is more than {FarFactor:0}x from the calibration in some step: calibrate with a run closer to it to narrow the range");
        return new DurationProjection(calibration.Name, stages, uncalibrated, notes);
    }
}
