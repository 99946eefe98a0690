using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// The parameters of one workflow run that decide how much disk and memory it needs: the array
/// size, the band and channel width, the number of time dumps, the image size, the products
/// selected for ingestion, and the compute devices OSKAR starts.
/// </summary>
/// <remarks>
/// Validity (Stations &gt;= 2, TimeSteps &gt;= 1, ImagingNpixel &gt;= 1, FreqIncHz &gt; 0,
/// EndFreqHz &gt; StartFreqHz, at least one channel) is checked by config validation;
/// <see cref="Estimator.For"/> only guards against it so that a bad input cannot produce a silent nonsense size.
/// </remarks>
public sealed record EstimateInput
{
    /// <summary>SKA-Mid AA* (SKA_OST_ARRAY_CONFIG_2_3_1): 64 MeerKAT + 80 SKA dishes.</summary>
    public const int AaStarStations = 144;

    /// <summary>The reference Job's CPU limit, taken as the node's CPUs when nothing better is known.</summary>
    public const int ReferenceNodeCpus = 32;

    public int Stations { get; init; } = AaStarStations;
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
    public int NodeCpus { get; init; } = ReferenceNodeCpus;

    /// <summary>GPUs the container gets; with any, OSKAR runs one device per GPU instead of per CPU.</summary>
    public int Gpus { get; init; }

    /// <summary>
    /// The seed's example job: 1.304–1.375 GHz in 17.75 MHz channels (4 channels), 24 time dumps,
    /// 2024 x 2024 pixel images, run with <c>--dirty --cleaned</c>, on a 32-CPU node without a GPU.
    /// </summary>
    public static EstimateInput SeedExample { get; } = new()
    {
        Stations = AaStarStations,
        StartFreqHz = 1.304e9,
        EndFreqHz = 1.375e9,
        FreqIncHz = 17_750_000,
        TimeSteps = 24,
        ImagingNpixel = 2024,
        Products = new ProductSelection(Visibility: false, Dirty: true, Cleaned: true),
    };
}
