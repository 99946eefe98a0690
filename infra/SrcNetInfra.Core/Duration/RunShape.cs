using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Duration;

/// <summary>
/// What decides how long a run's stages take: the array, the band, the time steps, the image, the
/// sources it simulates and where it runs (GPUs, CPU limit).
/// </summary>
public sealed record RunShape(
    int Stations,
    long Channels,
    int TimeSteps,
    int ImagingNpixel,
    double Sources,
    ProductSelection Products,
    int Gpus,
    decimal? CpuLimit)
{
    public long Baselines => (long)Stations * (Stations - 1) / 2;

    /// <summary>Baselines x channels x time steps: what OSKAR computes and WSClean grids.</summary>
    public double Visibilities => (double)Baselines * Channels * TimeSteps;

    public double Pixels => (double)ImagingNpixel * ImagingNpixel;

    /// <summary>The shape of a run with this input, phase centre and placement. Throws like <see cref="Estimator.Channels"/> for a bad band.</summary>
    public static RunShape For(EstimateInput input, double raDeg, double decDeg, decimal? cpuLimit) => new(
        input.Stations,
        Estimator.Channels(input.StartFreqHz, input.EndFreqHz, input.FreqIncHz),
        input.TimeSteps,
        input.ImagingNpixel,
        MightheeField.SourcesIn(raDeg, decDeg, input.StartFreqHz, input.EndFreqHz),
        input.Products,
        input.Gpus,
        cpuLimit);

    /// <summary>The run a stack's workflow describes.</summary>
    public static RunShape For(WorkflowSpec workflow) => For(
        EstimateInput.For(workflow),
        workflow.Simulation.PhaseCenterRaDeg,
        workflow.Simulation.PhaseCenterDecDeg,
        workflow.Resources.LimitsCpu.Value);
}
