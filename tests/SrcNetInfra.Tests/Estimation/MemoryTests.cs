using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>
/// The run's memory, step by step (docs/estimation.md#memory): OSKAR's buffers as its source
/// allocates them, pyuvdata's arrays when it reads the whole MS, WSClean as measured.
/// </summary>
public class MemoryTests
{
    private const long Python = 1L << 30;

    private static MemoryStage Stage(Estimate e, string name) => e.Memory.Stages.Single(s => s.Name == name);

    private static long Part(MemoryStage stage, string name) => stage.Parts.Single(p => p.Name == name).Bytes;

    [Theory]
    // Measured: 2.2-2.9 GB at 2024^2, 0.1-0.3 GB at 512^2. The estimate is at or above the top of each
    // range and within 3 % of it.
    [InlineData(2024, 2_900_000_000)]
    [InlineData(512, 300_000_000)]
    public void WSClean_is_at_the_top_of_the_measured_range_and_never_below_it(int npixel, long measuredTop)
    {
        long estimate = RunMemory.WscleanBytes(npixel);
        Assert.InRange(estimate, measuredTop, measuredTop * 103 / 100);
    }

    [Fact]
    public void WSClean_grows_with_the_image()
    {
        Assert.Equal(680L * 8192 * 8192 + 125_000_000, RunMemory.WscleanBytes(8192));
        Assert.True(RunMemory.WscleanBytes(4096) > 3 * RunMemory.WscleanBytes(2024));
    }

    [Fact]
    public void OSKAR_on_the_seed_example_by_hand()
    {
        // OxfordSKA/OSKAR 2.8.3, oskar_interferometer_check_init.c init_device, per CPU device:
        //   J, R, E (32 bytes) and K (8 bytes) for 144 stations x 16,384 sources = 144 x 16,384 x 104 = 245,366,784
        //   chunk + chunk_clip (18 float columns each) and l, m, n: 16,384 x (2 x 72 + 12)              =   2,555,904
        //   3 blocks of 8 times x 4 channels x 10,296 baselines x 32 bytes + uvw 8 x (10,296 + 144) x 12
        //     = 3 x (10,543,104 + 1,002,240)                                                            =  34,636,032
        //   station work allowance                                                                     =   4,194,304
        //   one device                                                                                 = 286,753,024
        var e = Estimator.For(EstimateInput.Defaults);
        var simulation = Stage(e, "simulation");
        Assert.Equal(32 * 286_753_024L, Part(simulation, "OSKAR compute devices"));
        Assert.Equal(11_545_344, Part(simulation, "OSKAR MS writer"));
        Assert.Equal(Python + 32 * 286_753_024L + 11_545_344, simulation.Bytes);
        Assert.Equal(simulation, e.Memory.Peak);
    }

    [Fact]
    public void OSKAR_starts_one_device_per_CPU_of_the_node_or_per_GPU()
    {
        var input = EstimateInput.Defaults;
        long cpus64 = Part(Stage(Estimator.For(input with { NodeCpus = 64 }), "simulation"), "OSKAR compute devices");
        long cpus32 = Part(Stage(Estimator.For(input with { NodeCpus = 32 }), "simulation"), "OSKAR compute devices");
        Assert.Equal(2 * cpus32, cpus64);
        // With GPUs the Jones matrices are on the GPU: the host keeps 2 blocks per GPU.
        long gpus2 = Part(Stage(Estimator.For(input with { Gpus = 2, NodeCpus = 64 }), "simulation"), "OSKAR compute devices");
        Assert.Equal(2 * 2 * 11_545_344L, gpus2);
    }

    [Fact]
    public void A_block_holds_at_most_8_times_and_8_channels()
    {
        // Karabo's max_time_per_samples = 8; OSKAR's channels per block: min(C, 8).
        Assert.Equal(RunMemory.OskarBlockBytes(144, 10_296, 8, 8), RunMemory.OskarBlockBytes(144, 10_296, 3600, 1024));
        Assert.Equal(32L * 1 * 1 * 3 + 12L * 1 * (3 + 3), RunMemory.OskarBlockBytes(3, 3, 1, 1));
    }

    [Fact]
    public void Pyuvdata_reads_the_whole_MS_only_with_visibility()
    {
        // RadioAstronomySoftwareGroup/pyuvdata v2.4.5, pyuvdata/uvdata/ms.py: _read_ms_main getcol()s DATA
        // (complex64, 8), FLAG (bool, 1) and WEIGHT repeated over channels (float32, 4); read_ms then
        // reorder_pols, whose np.take copies data_array (8): 21 bytes per visibility, plus 200 per row.
        var input = Inputs.With(144, 1024, 3600, 2024, new ProductSelection(true, false, false));
        var e = Estimator.For(input);
        long rows = 3600L * 10_296;
        var metadata = Stage(e, "visibility metadata");
        Assert.Equal(21 * rows * 1024 * 4 + 200 * rows, Part(metadata, "pyuvdata reads the whole MS"));
        Assert.Equal(metadata, e.Memory.Peak);
        Assert.True(e.MemoryBytes > 3_000_000_000_000, "3,600 dumps of 1,024 channels read at once: terabytes");

        Assert.DoesNotContain(Estimator.For(input with { Products = Inputs.DirtyCleaned }).Memory.Stages, s => s.Name == "visibility metadata");
    }

    [Theory]
    [InlineData(true, false, false, new[] { "simulation", "visibility metadata" })]
    [InlineData(false, true, false, new[] { "simulation", "dirty image" })]
    [InlineData(false, false, true, new[] { "simulation", "dirty image", "cleaned image" })]
    [InlineData(true, true, true, new[] { "simulation", "visibility metadata", "dirty image", "cleaned image" })]
    public void The_steps_follow_the_products(bool v, bool d, bool c, string[] steps)
    {
        var e = Estimator.For(EstimateInput.Defaults with { Products = new ProductSelection(v, d, c) });
        Assert.Equal(steps, e.Memory.Stages.Select(s => s.Name));
    }

    [Fact]
    public void Big_images_make_WSClean_the_peak()
    {
        var e = Estimator.For(EstimateInput.Defaults with { ImagingNpixel = 16_384 });
        Assert.Equal("dirty image", e.Memory.Peak.Name);
        Assert.Equal(Python + RunMemory.WscleanBytes(16_384), e.MemoryBytes);
    }
}
