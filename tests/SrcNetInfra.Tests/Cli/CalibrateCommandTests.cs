using SrcNetInfra.Core.Duration;
using SrcNetInfra.Tests.Duration;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

/// <summary>
/// <c>srcnet calibrate --log FILE</c>: a saved log and the stack it ran with make
/// calibrations/NAME.yaml in the stack's project, which estimate and validate then read.
/// </summary>
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly TempDir project = ProjectCopy.With("dev", "prod");

    public void Dispose() => project.Dispose();

    private CliRun Run(params string[] args) => CliRun.In(project.Path, ["calibrate", .. args]);

    private string CalibrationPath(string name) => Path.Combine(project.Path, "calibrations", name + ".yaml");

    private Calibration Read(string name) =>
        CalibrationFile.Read(CalibrationPath(name), out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void A_finished_runs_log_becomes_a_calibration_named_after_the_stack()
    {
        var run = Run("--stack", "prod", "--log", Logs.PathOf(Logs.ProdFinished), "--node-type", "cpu-64c");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("calibration prod written to calibrations/prod.yaml", run.Out, StringComparison.Ordinal);
        Assert.Contains("next: set srcnet:workflow.calibration: prod", run.Out, StringComparison.Ordinal);

        var c = Read("prod");
        Assert.True(c.Finished);
        Assert.Equal(("CHSRC_XRD_DEV", "cpu-64c", 0), (c.Site, c.NodeType, c.Run.Gpus));
        Assert.Equal(("prod", 24, 2024, "16"), (c.Run.Stack, c.Run.TimeSteps, c.Run.ImagingNpixel, c.Run.LimitsCpu));
        Assert.Equal(
            [RunStage.Startup, RunStage.Simulation, RunStage.DirtyImage, RunStage.DirtyMetadata, RunStage.CleanedImage, RunStage.CleanedMetadata],
            c.Seconds.Keys.Order());
        Assert.Equal(169.614, c.Seconds[RunStage.Simulation], 3);
        Assert.Equal("log file prod-cpu-finished.log", c.Source);
    }

    [Fact]
    public void A_run_that_failed_mid_way_calibrates_the_steps_it_finished()
    {
        var run = Run("--stack", "prod", "--log", Logs.PathOf(Logs.ProdFailed), "--name", "prod-failed");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("did not finish", run.Out, StringComparison.Ordinal);
        Assert.Contains("the run stopped in the cleaned image step", run.Out, StringComparison.Ordinal);
        var c = Read("prod-failed");
        Assert.False(c.Finished);
        Assert.DoesNotContain(RunStage.CleanedImage, c.Seconds.Keys);

        // estimate cannot give prod's total from it, and says which steps are missing.
        var estimate = CliRun.In(project.Path, "estimate", "--stack", "prod", "--calibration", "prod-failed");
        Assert.True(estimate.ExitCode == 0, estimate.ToString());
        Assert.Contains("Duration, projected from calibration prod-failed (CHSRC_XRD_DEV, unspecified, no GPU): unknown", estimate.Out, StringComparison.Ordinal);
        Assert.Contains("not in the calibration", estimate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_GPU_run_records_its_GPU_and_a_CPU_target_is_told()
    {
        var gpuStack = project.Write("stacks/Pulumi.gpu.yaml",
            File.ReadAllText(Repo.StackFile("dev")).Replace("    resources:\n", "    resources:\n      gpu: 1\n", StringComparison.Ordinal));
        var run = Run("--config-file", gpuStack, "--log", Logs.PathOf(Logs.DevGpu), "--name", "dev-gpu", "--node-type", "a100");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1 GPU(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("no start-up time: the log has no kubelet timestamps", run.Out, StringComparison.Ordinal);
        var c = Read("dev-gpu");
        Assert.True(c.Gpu);
        Assert.Equal(("dirty", 8, 1024), (c.Run.Products.ToString(), c.Run.TimeSteps, c.Run.ImagingNpixel));

        var estimate = CliRun.In(project.Path, "estimate", "--stack", "dev", "--calibration", "dev-gpu", "--json");
        Assert.True(estimate.ExitCode == 0, estimate.ToString());
        Assert.Contains("the calibration ran OSKAR on a GPU and the target runs without one", estimate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_calibration_is_kept_unless_forced()
    {
        Assert.Equal(0, Run("--stack", "prod", "--log", Logs.PathOf(Logs.ProdFinished)).ExitCode);
        var before = File.ReadAllText(CalibrationPath("prod"));
        var again = Run("--stack", "prod", "--log", Logs.PathOf(Logs.ProdFailed));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force: calibrations/prod.yaml exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(CalibrationPath("prod")));

        var forced = Run("--stack", "prod", "--log", Logs.PathOf(Logs.ProdFailed), "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.False(Read("prod").Finished);
        Assert.Equal(["calibrations/prod.yaml"], Directory.EnumerateFiles(Path.Combine(project.Path, "calibrations")).Select(f => "calibrations/" + Path.GetFileName(f)));
    }

    [Fact]
    public void The_stacks_configured_calibration_name_is_the_default_and_validate_then_uses_it()
    {
        var stack = Path.Combine(project.Path, "stacks", "Pulumi.prod.yaml");
        File.WriteAllText(stack, File.ReadAllText(stack).Replace("    products: [dirty, cleaned]\n",
            "    products: [dirty, cleaned]\n    calibration: chsrc-cpu\n    activeDeadlineSeconds: auto\n", StringComparison.Ordinal));
        // Before calibrating: a warning, no deadline.
        var before = CliRun.In(project.Path, "validate", "--stack", "prod");
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("no calibration chsrc-cpu yet", before.Error, StringComparison.Ordinal);

        var run = Run("--stack", "prod", "--log", Logs.PathOf(Logs.ProdFinished));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(CalibrationPath("chsrc-cpu")));
        Assert.DoesNotContain("next:", run.Out, StringComparison.Ordinal);

        var after = CliRun.In(project.Path, "validate", "--stack", "prod");
        Assert.True(after.ExitCode == 0 && after.Error.Length == 0, after.ToString());
        var render = CliRun.In(project.Path, "render", "--stack", "prod");
        Assert.Matches(@"activeDeadlineSeconds: \d+", render.Out);
        var summary = CliRun.In(project.Path, "summary", "--stack", "prod");
        Assert.Matches(@"duration: 12m 0[0-9]s \(calibration chsrc-cpu\), deadline \d+s", summary.Out);
    }

    [Theory]
    [InlineData("--stack", "dev", "the log has a cleaned image step, which stack dev (products dirty) does not run")]
    [InlineData("--stack", "prod", "")]
    public void The_log_must_come_from_the_stacks_run(string flag, string stack, string error)
    {
        var run = Run(flag, stack, "--log", Logs.PathOf(Logs.ProdFinished));
        if (error.Length == 0)
        {
            Assert.Equal(0, run.ExitCode);
            return;
        }
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"srcnet: --log: {error}", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Path, "calibrations")));
    }

    [Fact]
    public void A_log_without_step_lines_is_refused()
    {
        var log = project.Write("pod.log", "srcnet-run: OBS_ID=a_SKAMID_Karabo FILE_PREFIX=a-SKAMID-Karabo\nTraceback (most recent call last):\nKeyError: 'SKY_MODEL'\n");
        var run = Run("--stack", "dev", "--log", log);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has none of the workflow's step lines", run.Error, StringComparison.Ordinal);
        var stopped = project.Write("stopped.log", "2026-05-01 12:00:00 Starting simulation\nKilled\n");
        Assert.Contains("no step finished: the run stopped in the simulation step", Run("--stack", "dev", "--log", stopped).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--log", "missing.log" }, "--log: no such file: missing.log")]
    [InlineData(new[] { "--log", "x.log", "--run", "abc" }, "--log reads a saved log")]
    [InlineData(new[] { "--name", "../../etc/passwd" }, "--name: '../../etc/passwd' is not a calibration name")]
    [InlineData(new[] { "--site", "   " }, "--site: give 1 to 100 printable characters")]
    [InlineData(new[] { "--timeout", "forever" }, "--timeout")]
    public void Bad_flags_are_usage_errors(string[] args, string message)
    {
        var run = Run(["--stack", "dev", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"srcnet: {message}", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void A_stack_is_required() => Assert.Contains("give --stack NAME or --config-file PATH", Run("--log", "x.log").Error, StringComparison.Ordinal);
}
