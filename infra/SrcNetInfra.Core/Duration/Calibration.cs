using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Duration;

/// <summary>The run a calibration was measured on: its stack's simulation, products, image and resources.</summary>
public sealed record CalibratedRun(
    string Stack,
    string Image,
    ProductSelection Products,
    int Stations,
    double StartFreqHz,
    double EndFreqHz,
    double FreqIncHz,
    int TimeSteps,
    int ImagingNpixel,
    double PhaseCenterRaDeg,
    double PhaseCenterDecDeg,
    string RequestsCpu,
    string LimitsCpu,
    string RequestsMemory,
    string LimitsMemory,
    int Gpus)
{
    public static CalibratedRun From(EnvironmentSpec spec)
    {
        var w = spec.Workflow;
        var s = w.Simulation;
        var r = w.Resources;
        return new CalibratedRun(spec.Stack, w.Image.Reference, w.Products, s.Stations, s.StartFreqHz, s.EndFreqHz, s.FreqIncHz,
            s.NumTimeStamps, s.ImagingNpixel, s.PhaseCenterRaDeg, s.PhaseCenterDecDeg,
            r.RequestsCpu.Text, r.LimitsCpu.Text, r.RequestsMemory.Text, r.LimitsMemory.Text, r.Gpu);
    }

    public RunShape Shape()
    {
        var input = new EstimateInput
        {
            Stations = Stations,
            StartFreqHz = StartFreqHz,
            EndFreqHz = EndFreqHz,
            FreqIncHz = FreqIncHz,
            TimeSteps = TimeSteps,
            ImagingNpixel = ImagingNpixel,
            Products = Products,
            Gpus = Gpus,
        };
        return RunShape.For(input, PhaseCenterRaDeg, PhaseCenterDecDeg,
            Quantity.TryParse(LimitsCpu, out var cpu) ? cpu.Value : null);
    }
}

/// <summary>
/// How long each stage of one finished (or failed) run took, where it ran, and the run it was:
/// what <c>srcnet calibrate</c> records and <see cref="DurationProjection"/> projects from.
/// </summary>
/// <param name="Site">Where it ran, e.g. the site's RSE.</param>
/// <param name="NodeType">The kind of node, as the operator names it.</param>
/// <param name="Source">Where the durations were read: a log file or a pod on a cluster.</param>
/// <param name="StartedAt">When the workflow started simulating, UTC, from its log.</param>
/// <param name="Finished">The run reached <c>Simulation workflow finished</c>.</param>
public sealed record Calibration(
    string Name,
    string Site,
    string NodeType,
    CalibratedRun Run,
    IReadOnlyDictionary<RunStage, double> Seconds,
    bool Finished,
    string Source,
    DateTime? StartedAt)
{
    public bool Gpu => Run.Gpus > 0;

    /// <summary>
    /// The calibration a run's log gives, for the stack it ran with; null and a one-line reason when
    /// no step finished, or when the log has steps the stack's products do not run (the wrong stack).
    /// A run that failed mid-way still calibrates the steps it finished.
    /// </summary>
    public static Calibration? Record(string name, string site, string nodeType, EnvironmentSpec spec, WorkflowLogReading log, string source, out string? error)
    {
        error = null;
        var runs = RunStages.For(spec.Workflow.Products);
        var foreign = log.Stages.Select(s => s.Stage).Where(s => s != RunStage.Startup && !runs.Contains(s)).ToList();
        if (foreign.Count > 0)
        {
            error = $"the log has a {RunStages.Describe(foreign[0])} step, which stack {spec.Stack} (products {spec.Workflow.Products}) does not run: give the stack the run ran with";
            return null;
        }
        var seconds = log.Durations;
        if (!seconds.Keys.Any(s => s != RunStage.Startup))
        {
            error = log.Stages.Count == 0
                ? "the log has none of the workflow's step lines (\"<time> Starting simulation\" ...): is it the simulation container's log?"
                : $"no step finished: the run stopped in the {RunStages.Describe(log.StoppedIn ?? RunStage.Simulation)} step";
            return null;
        }
        return new Calibration(name, site, nodeType, CalibratedRun.From(spec), seconds, log.Finished, source, log.StartedAt);
    }
}
