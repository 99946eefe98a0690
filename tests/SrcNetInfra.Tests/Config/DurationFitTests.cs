using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Duration;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// srcnet:workflow.calibration and activeDeadlineSeconds: auto: the deadline set from the
/// projection, and warnings when a deadline or a CronJob's schedule leaves a run too little time.
/// Without a calibration nothing changes.
/// </summary>
public sealed class DurationFitTests : IDisposable
{
    private readonly TempDir dir = new();

    public DurationFitTests() => dir.Write("seed-cpu.yaml", CalibrationFile.Write(Calibrations.Seed()));

    public void Dispose() => dir.Dispose();

    private CheckResult Check(params (string Key, string? Yaml)[] overrides) =>
        EnvironmentCheck.Run("test", Stacks.With(overrides), new CalibrationLibrary(dir.Path));

    private static readonly (string, string?) Calibrated = ("srcnet:workflow.calibration", "seed-cpu");
    private static readonly (string, string?) Auto = ("srcnet:workflow.activeDeadlineSeconds", "auto");

    [Fact]
    public void Auto_sets_the_deadline_from_the_projection()
    {
        var result = Check(Calibrated, Auto);
        Expect.Clean(result);
        var env = result.Environment!;
        // The stack is the calibrated run itself: 720 s x 1.5 + 30 min.
        Assert.Equal(2880, env.Spec.Workflow.ActiveDeadlineSeconds);
        Assert.Equal(720, env.Duration!.TotalHighSeconds);
        // What the plan deploys.
        var job = Core.Plan.Planner.Plan(env, "1a2b3c4d").Objects.Select(o => o.Object).OfType<k8s.Models.V1Job>().Single();
        Assert.Equal(2880, job.Spec.ActiveDeadlineSeconds);
    }

    [Fact]
    public void A_bigger_run_gets_a_longer_deadline()
    {
        var small = Check(Calibrated, Auto).Environment!.Spec.Workflow.ActiveDeadlineSeconds;
        var big = Check(Calibrated, Auto, ("srcnet:workflow.simulation.numTimeStamps", "96")).Environment!.Spec.Workflow.ActiveDeadlineSeconds;
        Assert.True(big > small, $"{big} <= {small}");
    }

    [Fact]
    public void Auto_without_a_calibration_sets_nothing_and_says_how_to_make_one()
    {
        var result = Check(Auto);
        var warning = Expect.Warning(result, "srcnet:workflow.activeDeadlineSeconds", "auto needs a calibration");
        Assert.Contains("srcnet calibrate --stack test", warning.Message, StringComparison.Ordinal);
        Assert.Null(result.Environment!.Spec.Workflow.ActiveDeadlineSeconds);
        Assert.Null(result.Environment.Duration);
    }

    [Fact]
    public void No_calibration_and_no_auto_change_nothing()
    {
        var result = Check();
        Expect.Clean(result);
        Assert.Null(result.Environment!.Duration);
        Assert.Null(result.Environment.Spec.Workflow.ActiveDeadlineSeconds);
    }

    [Fact]
    public void A_calibration_not_made_yet_is_a_warning_naming_the_ones_there_are()
    {
        var warning = Expect.Warning(Check(("srcnet:workflow.calibration", "site-gpu"), Auto), "srcnet:workflow.calibration", "no calibration site-gpu yet");
        Assert.Contains("auto sets no deadline", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(calibrations here: seed-cpu)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_calibration_is_an_error()
    {
        dir.Write("broken.yaml", "name: broken\n");
        var error = Expect.Error(Check(("srcnet:workflow.calibration", "broken")), "srcnet:workflow.calibration", "broken.yaml: ");
        Assert.Contains("run: must be a map", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"../secrets\"")]
    [InlineData("\"a b\"")]
    public void A_calibration_name_that_is_not_a_file_name_is_an_error(string yaml) =>
        Expect.Error(Check(("srcnet:workflow.calibration", yaml)), "srcnet:workflow.calibration", "must name a file in calibrations/");

    [Theory]
    [InlineData("soon")]
    [InlineData("Auto")]
    public void A_deadline_is_a_number_or_auto(string yaml) =>
        Expect.Error(Check(("srcnet:workflow.activeDeadlineSeconds", yaml)), "srcnet:workflow.activeDeadlineSeconds", "must be a whole number or auto");

    [Fact]
    public void An_explicit_deadline_below_the_projection_is_a_warning()
    {
        var warning = Expect.Warning(Check(Calibrated, ("srcnet:workflow.activeDeadlineSeconds", "600")),
            "srcnet:workflow.activeDeadlineSeconds", "600 (10m 00s) is less than the projected run, 12m 00s (calibration seed-cpu)");
        Assert.Contains("may be stopped before it finishes", warning.Message, StringComparison.Ordinal);
        Expect.Clean(Check(Calibrated, ("srcnet:workflow.activeDeadlineSeconds", "720")));
    }

    [Fact]
    public void A_CronJob_whose_run_outlasts_its_schedule_is_warned_about_skipped_runs()
    {
        // Every 15 minutes, but the run takes 12 minutes x (the simulation and imaging of 48 dumps): longer.
        var cron = new[] { ("srcnet:workflow.mode", (string?)"cronjob"), ("srcnet:workflow.schedule", "\"*/15 * * * *\""), Calibrated };
        Expect.Clean(Check(cron));
        var warning = Expect.Warning(Check([.. cron, ("srcnet:workflow.simulation.numTimeStamps", "48")]),
            "srcnet:workflow.schedule", "starts a run every 15m 00s at the shortest, but the projected run takes");
        Assert.Contains("concurrencyPolicy Forbid", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(calibration seed-cpu)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_with_a_calibration_that_lacks_a_step_sets_no_deadline()
    {
        var dirtyOnly = Calibrations.Seed("dirty-cpu") with
        {
            Run = Calibrations.SeedRun with { Products = new Core.Model.ProductSelection(false, true, false) },
            Seconds = new Dictionary<RunStage, double> { [RunStage.Simulation] = 170, [RunStage.DirtyImage] = 60, [RunStage.DirtyMetadata] = 2 },
        };
        dir.Write("dirty-cpu.yaml", CalibrationFile.Write(dirtyOnly));
        var result = Check(("srcnet:workflow.calibration", "dirty-cpu"), Auto);
        var warning = Expect.Warning(result, "srcnet:workflow.activeDeadlineSeconds", "has no cleaned image, cleaned image metadata step");
        Assert.Null(result.Environment!.Spec.Workflow.ActiveDeadlineSeconds);
    }

    [Fact]
    public void Without_a_project_a_named_calibration_cannot_be_read()
    {
        var result = EnvironmentCheck.Run("test", Stacks.With(Calibrated));
        Expect.Error(result, "srcnet:workflow.calibration", "cannot be read here");
    }

    [Fact]
    public void A_stack_file_finds_the_calibrations_of_its_project()
    {
        using var project = new TempDir();
        project.Write("Pulumi.yaml", "name: x\nruntime: dotnet\n");
        project.Write("calibrations/seed-cpu.yaml", CalibrationFile.Write(Calibrations.Seed()));
        var file = project.Write("stacks/Pulumi.site.yaml", MinimalStack.Yaml + "    calibration: seed-cpu\n    activeDeadlineSeconds: auto\n");
        var result = EnvironmentCheck.RunFile(file);
        Expect.Clean(result);
        Assert.Equal(2880, result.Environment!.Spec.Workflow.ActiveDeadlineSeconds);
    }
}
