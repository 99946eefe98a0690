using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// The parameters of one workflow run that decide how much disk and memory it needs: the array
/// size, the band and channel width, the number of time dumps, the image size, the products
/// selected for ingestion, and the compute devices OSKAR starts.
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

    /// <summary>
    /// CPUs of the node. Without a GPU, OSKAR starts one compute device per CPU the node has
    /// (<c>sysconf(_SC_NPROCESSORS_ONLN)</c>, not the container's CPU limit), each with its own buffers.
    /// </summary>
    public int NodeCpus { get; init; } = DeviceSettings.NodeCpus.Default;

    /// <summary>GPUs the container gets; with any, OSKAR runs one device per GPU instead of per CPU.</summary>
    public int Gpus { get; init; }

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
    /// The run a stack's workflow describes, on the devices its resources give it. The node's CPUs
    /// are not in the config: its CPU limit, rounded up, stands in for them (a lower bound).
    /// </summary>
    public static EstimateInput For(WorkflowSpec workflow) => For(workflow.Simulation, workflow.Products) with
    {
        NodeCpus = (int)Math.Clamp(Math.Ceiling(workflow.Resources.LimitsCpu.Value), 1, DeviceSettings.NodeCpus.Max),
        Gpus = workflow.Resources.Gpu,
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
