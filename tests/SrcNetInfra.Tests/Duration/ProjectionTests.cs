using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Duration;

/// <summary>Projecting a run's duration from a calibration, stage by stage (docs/estimation.md#the-scaling-laws).</summary>
public class ProjectionTests
{
    private static StageProjection Stage(DurationProjection p, RunStage stage) => p.Stages.Single(s => s.Stage == stage);

    [Fact]
    public void The_calibrated_run_itself_projects_to_its_own_times()
    {
        var p = DurationProjection.For(Calibrations.Seed(), Calibrations.Seed().Run.Shape());
        Assert.True(p.Complete);
        Assert.Equal(720, p.TotalLowSeconds);
        Assert.Equal(720, p.TotalHighSeconds);
        Assert.All(p.Stages, s => Assert.All(s.Factors, f => Assert.Equal(1, f, 9)));
        Assert.Empty(p.Notes);
    }

    [Fact]
    public void The_simulation_scales_with_baselines_channels_and_time_steps()
    {
        var p = DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(timeSteps: 48));
        Assert.Equal(2 * 170, Stage(p, RunStage.Simulation).HighSeconds, 6);
        Assert.Equal(2 * 170, Stage(p, RunStage.Simulation).LowSeconds, 6);
        var channels = DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(channels: 8));
        Assert.Equal(2 * 170, Stage(channels, RunStage.Simulation).HighSeconds, 6);
    }

    [Fact]
    public void Imaging_is_a_range_between_its_visibility_and_pixel_factors()
    {
        // Twice the visibilities, the same image: between 1x (all gridding was FFT-bound) and 2x (all was visibilities).
        var p = DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(timeSteps: 48));
        var dirty = Stage(p, RunStage.DirtyImage);
        Assert.Equal([2.0, 1.0], dirty.Factors);
        Assert.Equal(60, dirty.LowSeconds, 6);
        Assert.Equal(120, dirty.HighSeconds, 6);
        Assert.False(dirty.Far);
        // Image metadata follows the pixels only.
        Assert.Equal(2, Stage(p, RunStage.DirtyMetadata).HighSeconds, 6);
    }

    [Fact]
    public void Far_from_the_calibration_the_low_end_allows_for_fixed_cost()
    {
        // 100x the time steps: one calibration cannot tell fixed start-up work from work per visibility.
        var p = DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(timeSteps: 2400));
        var simulation = Stage(p, RunStage.Simulation);
        Assert.True(simulation.Far);
        Assert.Equal(170, simulation.LowSeconds, 6);
        Assert.Equal(17_000, simulation.HighSeconds, 6);
        Assert.Contains(p.Notes, n => n.Contains("more than 10x", StringComparison.Ordinal));
        Assert.True(p.TotalHighSeconds > p.TotalLowSeconds);
    }

    [Fact]
    public void Just_under_ten_times_is_still_a_single_number()
    {
        var simulation = Stage(DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(timeSteps: 240)), RunStage.Simulation);
        Assert.False(simulation.Far);
        Assert.Equal(simulation.LowSeconds, simulation.HighSeconds);
    }

    [Fact]
    public void A_smaller_target_far_below_the_calibration_is_a_range_up_to_the_calibrated_time()
    {
        var simulation = Stage(DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(timeSteps: 2)), RunStage.Simulation);
        Assert.True(simulation.Far);
        Assert.Equal(170.0 / 12, simulation.LowSeconds, 6);
        Assert.Equal(170, simulation.HighSeconds, 6);
    }

    [Fact]
    public void Steps_the_calibration_did_not_run_leave_the_total_unknown()
    {
        var dirtyOnly = Calibrations.Seed() with
        {
            Run = Calibrations.SeedRun with { Products = new ProductSelection(false, true, false) },
            Seconds = new Dictionary<RunStage, double> { [RunStage.Simulation] = 170, [RunStage.DirtyImage] = 60, [RunStage.DirtyMetadata] = 2 },
        };
        var p = DurationProjection.For(dirtyOnly, Calibrations.Shape());
        Assert.False(p.Complete);
        Assert.Equal([RunStage.CleanedImage, RunStage.CleanedMetadata], p.Uncalibrated);
        Assert.Null(p.TotalHighSeconds);
        Assert.Null(ActiveDeadline.For(p));
        Assert.Contains("unknown", p.Describe(), StringComparison.Ordinal);
        // A dirty-only target is fully calibrated by it, and has no start-up (the log had no kubelet times).
        var dirty = DurationProjection.For(dirtyOnly, Calibrations.Shape(products: new ProductSelection(false, true, false)));
        Assert.Equal(232, dirty.TotalHighSeconds);
    }

    [Fact]
    public void A_GPU_or_CPU_difference_is_noted()
    {
        var p = DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(gpus: 1));
        Assert.Contains(p.Notes, n => n.Contains("target has a GPU", StringComparison.Ordinal));
        var gpuCalibration = Calibrations.Seed() with { Run = Calibrations.SeedRun with { Gpus = 1 } };
        Assert.Contains(DurationProjection.For(gpuCalibration, Calibrations.Shape()).Notes, n => n.Contains("much longer", StringComparison.Ordinal));
    }

    [Fact]
    public void Half_the_band_has_half_the_sources_and_so_half_the_simulation_per_visibility()
    {
        // 1.304-1.3395 GHz in 17.75 MHz channels: 2 channels and half of MIGHTEE's band (docs/estimation.md#the-scaling-laws: NU_EFF spread evenly).
        var input = new Core.Estimation.EstimateInput
        {
            Stations = 144, StartFreqHz = 1.304e9, EndFreqHz = 1.3395e9, FreqIncHz = 17_750_000, TimeSteps = 24, ImagingNpixel = 2024,
            Products = Calibrations.SeedRun.Products,
        };
        var p = DurationProjection.For(Calibrations.Seed(), RunShape.For(input, 150.12, 2.21, 16));
        Assert.Equal(0.25, Stage(p, RunStage.Simulation).Factors.Single(), 2);
    }
}
