using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// The parameters of one workflow run that decide how much disk it needs: the array size, the band
/// and channel width, the number of time dumps, the image size and the products selected for ingestion.
/// </summary>
/// <remarks>
/// Validity is checked by the settings' own rules (<see cref="SimulationSettings"/>, <see cref="Band"/>)
/// before an estimate is made; <see cref="Estimator.For"/> only guards against bad input so that it
/// cannot produce a silent nonsense size.
/// </remarks>
public sealed record EstimateInput
{
    public required int Stations { get; init; }
    public required double StartFreqHz { get; init; }
    public required double EndFreqHz { get; init; }
    public required double FreqIncHz { get; init; }
    public required int TimeSteps { get; init; }
    public required int ImagingNpixel { get; init; }
    public required ProductSelection Products { get; init; }

    /// <summary>The inputs of a stack's simulation and products.</summary>
    public static EstimateInput For(SimulationSpec simulation, ProductSelection products) => new()
    {
        Stations = simulation.Stations,
        StartFreqHz = simulation.StartFreqHz,
        EndFreqHz = simulation.EndFreqHz,
        FreqIncHz = simulation.FreqIncHz,
        TimeSteps = simulation.NumTimeStamps,
        ImagingNpixel = simulation.ImagingNpixel,
        Products = products,
    };

    /// <summary>
    /// A stack that leaves the simulation unset: the seed's example job (144 stations, 1.304–1.375 GHz
    /// in 17.75 MHz channels, 24 time dumps, 2024² pixels, dirty and cleaned images), from the settings'
    /// own defaults.
    /// </summary>
    public static EstimateInput Defaults { get; } = new()
    {
        Stations = SimulationSettings.Stations.Default,
        StartFreqHz = SimulationSettings.StartFreqHz.Default,
        EndFreqHz = SimulationSettings.EndFreqHz.Default,
        FreqIncHz = SimulationSettings.FreqIncHz.Default,
        TimeSteps = SimulationSettings.NumTimeStamps.Default,
        ImagingNpixel = SimulationSettings.ImagingNpixel.Default,
        Products = ProductSelection.Default,
    };
}
