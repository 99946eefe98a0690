namespace SrcNetInfra.Core.Estimation;

/// <summary>What one step of a run holds in memory at its peak, part by part.</summary>
public sealed record MemoryStage(string Name, IReadOnlyList<EstimatePart> Parts)
{
    public long Bytes => Parts.Aggregate(0L, (total, part) => checked(total + part.Bytes));
}

/// <summary>
/// The memory of one run: the steps run one after another in one container, so the run's peak is
/// the largest step's. Which parts are measured, read from source or assumed: docs/estimation.md#memory.
/// </summary>
public sealed record RunMemory(IReadOnlyList<MemoryStage> Stages)
{
    public MemoryStage Peak => Stages.MaxBy(s => s.Bytes)!;

    public long PeakBytes => Peak.Bytes;

    /// <summary>The Python interpreter with Karabo and its imports (numpy, astropy, xarray, dask, casacore): assumed.</summary>
    public const long PythonBytes = 1L << 30;

    // ----- OSKAR 2.8.3 (read from source, OxfordSKA/OSKAR tag 2.8.3) -----

    /// <summary>
    /// oskar_interferometer_create.c: <c>max_sources_per_chunk = 16384</c>; Karabo sets no other
    /// value, and check_init.c's <c>init_device</c> sizes every per-source buffer to it.
    /// </summary>
    public const long OskarSourcesPerChunk = 16_384;

    /// <summary>
    /// Per source and station: the Jones matrices J, R and E (complex 2x2 single precision, 32 bytes
    /// each; R exists because Karabo sets <c>pol_mode Full</c>) and K (complex, 8 bytes).
    /// oskar_jones_create.c allocates num_stations x num_sources of each.
    /// </summary>
    public const long OskarJonesBytesPerSourceAndStation = 3 * 32 + 8;

    /// <summary>Per source: two sky chunks (<c>chunk</c>, <c>chunk_clip</c>) of 18 single-precision columns (oskar_sky_create.c) and l, m, n.</summary>
    public const long OskarSkyBytesPerSource = 2 * 18 * 4 + 3 * 4;

    /// <summary>A visibility block holds 4 polarisations of complex64 per baseline, channel and time: 32 bytes (oskar_vis_block_resize.c).</summary>
    public const long OskarBlockBytesPerVisibility = 32;

    /// <summary>Baseline u, v, w per block row, single precision.</summary>
    public const long OskarBlockUvwBytesPerBaseline = 3 * 4;

    /// <summary>Karabo's <c>max_time_per_samples = 8</c> (karabo/simulation/interferometer.py); OSKAR's default channels per block is min(C, 8) (oskar_interferometer_accessors.c).</summary>
    public const int OskarTimesPerBlock = 8;

    /// <inheritdoc cref="OskarTimesPerBlock"/>
    public const int OskarChannelsPerBlock = 8;

    /// <summary>init_device makes 3 blocks per device: one where it computes and two on the host to write from.</summary>
    public const int OskarBlocksPerDevice = 3;

    /// <summary>The host blocks of a GPU device (its compute block is on the GPU).</summary>
    public const int OskarHostBlocksPerGpu = 2;

    /// <summary>
    /// The writer: oskar_vis_block_write_ms.c converts one time step of a block at a time; with
    /// casacore's tile cache, one whole block is allowed for it (assumed).
    /// </summary>
    public const int OskarWriterBlocks = 1;

    /// <summary>Station work buffers, which grow with the sources in a chunk: an allowance, assumed.</summary>
    public const long OskarStationWorkBytes = 4L << 20;

    // ----- pyuvdata 2.4 (read from source, RadioAstronomySoftwareGroup/pyuvdata v2.4.5) -----

    /// <summary>
    /// Bytes per visibility (row x channel x polarisation) while pyuvdata reads a whole MS
    /// (pyuvdata/uvdata/ms.py, <c>MS._read_ms_main</c> and <c>read_ms</c>): data_array from
    /// <c>getcol("DATA")</c> as complex64 (8), flag_array bool (1), nsample_array float32 (4, WEIGHT
    /// repeated over channels because OSKAR writes no WEIGHT_SPECTRUM), and while <c>reorder_pols</c>
    /// runs, the <c>np.take</c> copy of data_array (8).
    /// </summary>
    public const long PyuvdataBytesPerVisibility = 8 + 1 + 4 + 8;

    /// <summary>Per row: time, integration time, antennas, baseline, uvw, LST, apparent coordinates and their temporaries; an allowance read from source, assumed.</summary>
    public const long PyuvdataBytesPerRow = 200;

    // ----- WSClean (measured: 2.2-2.9 GB at 2024^2, 0.1-0.3 GB at 512^2) -----

    /// <summary>A line through the top of both measured ranges: 680 bytes per pixel plus 125 MB gives 2.91 GB at 2024^2 and 0.30 GB at 512^2.</summary>
    public const long WscleanBytesPerPixel = 680;

    /// <inheritdoc cref="WscleanBytesPerPixel"/>
    public const long WscleanFixedBytes = 125_000_000;

    /// <summary>
    /// The steps of a run that hold memory, in the order they run: the simulation (OSKAR), the
    /// MS's metadata with --visibility (pyuvdata reads the whole MS), then WSClean's dirty and cleaning runs.
    /// Throws <see cref="OverflowException"/> when a size does not fit in a long.
    /// </summary>
    public static RunMemory For(EstimateInput input, long baselines, long channels, long polarizations)
    {
        checked
        {
            long stations = input.Stations;
            long rows = input.TimeSteps * baselines;
            bool gpu = input.Gpus > 0;
            long devices = gpu ? input.Gpus : Math.Max(1, input.NodeCpus);
            long block = OskarBlockBytes(stations, baselines, input.TimeSteps, channels);
            long device = OskarDeviceBytes(stations, block, gpu);
            var python = new EstimatePart("Python and Karabo", PythonBytes, "the workflow's process; assumed");

            var stages = new List<MemoryStage>
            {
                new("simulation",
                [
                    python,
                    new("OSKAR compute devices", devices * device,
                        gpu ? $"{devices} GPU(s) x {StorageRequest.Human(device)} of host blocks; read from OSKAR's source"
                            : $"{devices} CPU(s) of the node x {StorageRequest.Human(device)} (Jones matrices for 16,384 sources, 3 visibility blocks); read from OSKAR's source"),
                    new("OSKAR MS writer", OskarWriterBlocks * block, "one visibility block; assumed"),
                ]),
            };
            if (input.Products.Visibility)
            {
                stages.Add(new("visibility metadata",
                [
                    python,
                    new("pyuvdata reads the whole MS", PyuvdataReadBytes(rows, channels, polarizations),
                        "21 bytes per visibility (data, flags, weights, a reordered copy of data) + 200 per row; read from pyuvdata's source"),
                ]));
            }
            if (input.Products.Dirty || input.Products.Cleaned)
                stages.Add(new("dirty image", [python, Wsclean(input.ImagingNpixel)]));
            if (input.Products.Cleaned)
                stages.Add(new("cleaned image", [python, Wsclean(input.ImagingNpixel)]));
            return new RunMemory(stages);
        }
    }

    private static EstimatePart Wsclean(long npixel) =>
        new("WSClean", WscleanBytes(npixel), "680 bytes per pixel + 125 MB: through the top of the measured 2.2-2.9 GB at 2024^2");

    public static long OskarBlockBytes(long stations, long baselines, long timeSteps, long channels)
    {
        checked
        {
            long times = Math.Min(timeSteps, OskarTimesPerBlock);
            long blockChannels = Math.Min(channels, OskarChannelsPerBlock);
            return OskarBlockBytesPerVisibility * times * blockChannels * baselines
                + OskarBlockUvwBytesPerBaseline * times * (baselines + stations);
        }
    }

    /// <summary>What one OSKAR compute device holds in host memory: all of it for a CPU core, only the host blocks for a GPU.</summary>
    public static long OskarDeviceBytes(long stations, long blockBytes, bool gpu)
    {
        checked
        {
            if (gpu) return OskarHostBlocksPerGpu * blockBytes;
            return stations * OskarSourcesPerChunk * OskarJonesBytesPerSourceAndStation
                + OskarSourcesPerChunk * OskarSkyBytesPerSource
                + OskarBlocksPerDevice * blockBytes
                + OskarStationWorkBytes;
        }
    }

    public static long PyuvdataReadBytes(long rows, long channels, long polarizations) =>
        checked(PyuvdataBytesPerVisibility * rows * channels * polarizations + PyuvdataBytesPerRow * rows);

    public static long WscleanBytes(long npixel) => checked(WscleanBytesPerPixel * npixel * npixel + WscleanFixedBytes);
}
