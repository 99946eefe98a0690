using System.Text.Json;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

public class EstimateCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliRun.AtRoot(["estimate", "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void Without_a_stack_estimates_the_seeds_example_job()
    {
        var e = Json();
        // docs/sizes.md#counts: 1.304e9..1.375e9 Hz in 17.75 MHz channels = 4; 144 stations = 10,296 baselines.
        Assert.Equal(4, e.GetProperty("channels").GetInt64());
        Assert.Equal(24, e.GetProperty("timeSteps").GetInt64());
        Assert.Equal(144, e.GetProperty("stations").GetInt64());
        Assert.Equal(10_296, e.GetProperty("baselines").GetInt64());
        Assert.Equal(4, e.GetProperty("polarizations").GetInt64());
        Assert.Equal(4L * 24 * 10_296 * 4, e.GetProperty("measurements").GetInt64());
        Assert.Equal(4L * 24 * 10_296 * 4 * 8, e.GetProperty("visibilityMinBytes").GetInt64());
        Assert.Equal(2024L * 2024 * 8, e.GetProperty("imageMinBytes").GetInt64());
    }

    [Fact]
    public void Json_carries_every_contract_field_with_its_type()
    {
        var e = Json();
        foreach (var field in new[] { "channels", "timeSteps", "stations", "baselines", "polarizations", "measurements",
                     "visibilityMinBytes", "visibilityBytes", "imageMinBytes", "imageBytes", "scratchBytes", "ingestBytes" })
        {
            Assert.True(e.TryGetProperty(field, out var value), $"missing {field}");
            Assert.Equal(JsonValueKind.Number, value.ValueKind);
            Assert.True(value.TryGetInt64(out var n) && n > 0, $"{field} is not a positive integer: {value}");
        }
        foreach (var field in new[] { "scratchRequest", "ingestRequest" })
        {
            Assert.Matches("^[1-9][0-9]*Gi$", e.GetProperty(field).GetString());
        }
    }

    [Fact]
    public void Json_totals_hold_together()
    {
        var e = Json("--products", "visibility,dirty,cleaned");
        Assert.True(e.GetProperty("visibilityBytes").GetInt64() >= e.GetProperty("visibilityMinBytes").GetInt64());
        Assert.True(e.GetProperty("scratchBytes").GetInt64() >= e.GetProperty("visibilityBytes").GetInt64());
        Assert.True(e.GetProperty("ingestBytes").GetInt64() >= e.GetProperty("visibilityBytes").GetInt64(),
            "with visibility selected, the MeasurementSet is ingested");
        var scratchParts = e.GetProperty("scratch").EnumerateArray().Sum(p => p.GetProperty("bytes").GetInt64());
        Assert.Equal(e.GetProperty("scratchBytes").GetInt64(), scratchParts);
    }

    [Fact]
    public void Flags_override_the_example()
    {
        var baseline = Json();
        var doubled = Json("--time-steps", "48");
        Assert.Equal(2 * baseline.GetProperty("measurements").GetInt64(), doubled.GetProperty("measurements").GetInt64());

        var meerkat = Json("--stations", "64");
        Assert.Equal(64 * 63 / 2, meerkat.GetProperty("baselines").GetInt64());

        var band = Json("--start-freq-hz", "1e9", "--end-freq-hz", "1.1e9", "--freq-inc-hz", "1e6");
        Assert.Equal(100, band.GetProperty("channels").GetInt64());

        var small = Json("--npixel", "512");
        Assert.Equal(512L * 512 * 8, small.GetProperty("imageMinBytes").GetInt64());
    }

    [Fact]
    public void Products_flag_changes_what_lands_where()
    {
        var vis = Json("--products", "visibility");
        var dirty = Json("--products", "dirty");
        Assert.Equal(["visibility"], vis.GetProperty("products").EnumerateArray().Select(p => p.GetString()));
        Assert.True(vis.GetProperty("ingestBytes").GetInt64() > dirty.GetProperty("ingestBytes").GetInt64());
        Assert.Equal(0, vis.GetProperty("fitsInScratch").GetInt64());
        Assert.Equal(2, dirty.GetProperty("fitsInScratch").GetInt64());
    }

    [Fact]
    public void Json_has_the_ingest_peak_and_the_memory_with_its_parts()
    {
        var all = Json("--products", "visibility,dirty,cleaned");
        // The reorder files sit beside the MS in staging while cleaning: the peak is above what stays.
        Assert.Equal(all.GetProperty("ingestBytes").GetInt64() + all.GetProperty("wscleanTempBytes").GetInt64(),
            all.GetProperty("ingestPeakBytes").GetInt64());
        var peak = all.GetProperty("memoryBytes").GetInt64();
        var steps = all.GetProperty("memory").EnumerateArray().ToList();
        Assert.Equal(["simulation", "visibility metadata", "dirty image", "cleaned image"], steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(peak, steps.Max(s => s.GetProperty("bytes").GetInt64()));
        foreach (var step in steps)
            Assert.Equal(step.GetProperty("bytes").GetInt64(), step.GetProperty("parts").EnumerateArray().Sum(p => p.GetProperty("bytes").GetInt64()));
        Assert.Equal("simulation", all.GetProperty("memoryPeakStep").GetString());

        var dirty = Json("--products", "dirty");
        Assert.Equal(dirty.GetProperty("ingestBytes").GetInt64(), dirty.GetProperty("ingestPeakBytes").GetInt64());
    }

    [Fact]
    public void Node_cpus_and_gpus_change_OSKARs_memory()
    {
        long Peak(params string[] args) => Json(args).GetProperty("memoryBytes").GetInt64();
        Assert.True(Peak("--node-cpus", "128") > Peak("--node-cpus", "32"));
        Assert.True(Peak("--gpus", "1") < Peak());
    }

    [Fact]
    public void Without_a_calibration_the_duration_says_how_to_make_one()
    {
        var e = Json();
        Assert.Equal(JsonValueKind.Null, e.GetProperty("duration").ValueKind);
        Assert.Contains("srcnet calibrate", e.GetProperty("durationHint").GetString());
        Assert.Contains("Duration: no calibration", CliRun.AtRoot("estimate").Out);
    }

    [Fact]
    public void A_calibration_file_projects_each_step_and_the_deadline()
    {
        using var dir = new TempDir();
        var path = dir.Write("seed.yaml", Core.Duration.CalibrationFile.Write(Duration.Calibrations.Seed()));
        var same = Json("--calibration", path).GetProperty("duration");
        Assert.Equal("seed-cpu", same.GetProperty("calibration").GetString());
        Assert.Equal(720, same.GetProperty("totalHighSeconds").GetDouble());
        Assert.Equal(2880, same.GetProperty("activeDeadlineSeconds").GetInt64());
        Assert.Equal(["startup", "simulation", "dirtyImage", "dirtyMetadata", "cleanedImage", "cleanedMetadata"],
            same.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));

        var longer = Json("--calibration", path, "--time-steps", "48").GetProperty("duration");
        var simulation = longer.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "simulation");
        Assert.Equal(340, simulation.GetProperty("highSeconds").GetDouble(), 6);
        Assert.Equal("time ~ sources x baselines x channels x time steps", simulation.GetProperty("law").GetString());

        var table = CliRun.AtRoot("estimate", "--calibration", path, "--time-steps", "48");
        Assert.Contains("Duration, projected from calibration seed-cpu (CHSRC_XRD_DEV, cpu-64c, no GPU):", table.Out);
        Assert.Contains("activeDeadlineSeconds: auto would set", table.Out);
    }

    [Theory]
    [InlineData("nosuch", "--calibration: no calibration nosuch:")]
    [InlineData("missing/x.yaml", "--calibration: missing/x.yaml: no such file")]
    [InlineData("a b", "--calibration: 'a b' is not a calibration name")]
    public void A_calibration_that_cannot_be_read_is_a_usage_error(string value, string message)
    {
        var run = CliRun.AtRoot("estimate", "--calibration", value);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"srcnet: {message}", run.ErrorLines[0]);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_stack_supplies_the_simulation_and_the_headroom()
    {
        var dev = Json("--stack", "dev");
        Assert.Equal("stack dev", dev.GetProperty("basis").GetString());
        Assert.Equal(8, dev.GetProperty("timeSteps").GetInt64());
        Assert.Equal(1024L * 1024 * 8, dev.GetProperty("imageMinBytes").GetInt64());
        Assert.Equal(20, dev.GetProperty("runsToHold").GetInt64());
        Assert.Equal(20 * dev.GetProperty("ingestBytes").GetInt64(), dev.GetProperty("ingestBytesToHold").GetInt64());

        var overridden = Json("--stack", "dev", "--time-steps", "16");
        Assert.Equal(16, overridden.GetProperty("timeSteps").GetInt64());
        Assert.Equal(1024L * 1024 * 8, overridden.GetProperty("imageMinBytes").GetInt64());
    }

    [Fact]
    public void Config_file_works_like_a_stack()
    {
        var run = CliRun.AtRoot("estimate", "--json", "--config-file", "stacks/Pulumi.prod.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("stack prod", JsonDocument.Parse(run.Out).RootElement.GetProperty("basis").GetString());
    }

    [Fact]
    public void Table_shows_the_breakdown_and_the_requests()
    {
        var run = CliRun.AtRoot("estimate");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the seed's example job", run.Out);
        Assert.Contains("MeasurementSet", run.Out);
        Assert.Contains("MODEL_DATA", run.Out);
        Assert.Contains("dirty.fits", run.Out);
        Assert.Contains("cleaned.fits", run.Out);
        Assert.Matches(@"request \d+Gi \(x1\.5 headroom\)", run.Out);
        Assert.Matches(@"request \d+Gi \(x1\.2 headroom\)", run.Out);
        Assert.Matches(@"Memory, peak of one run: [0-9.]+ GB in the simulation step", run.Out);
    }

    [Theory]
    [InlineData("--npixel", "0", "--npixel")]
    [InlineData("--npixel", "1.5", "--npixel")]
    [InlineData("--time-steps", "abc", "--time-steps")]
    [InlineData("--time-steps", "0", "--time-steps")]
    [InlineData("--stations", "1", "--stations")]
    [InlineData("--freq-inc-hz", "0", "--freq-inc-hz")]
    [InlineData("--freq-inc-hz", "1e9", "--freq-inc-hz")]
    [InlineData("--end-freq-hz", "1e9", "--end-freq-hz")]
    [InlineData("--start-freq-hz", "-5", "--start-freq-hz")]
    [InlineData("--freq-inc-hz", "1e-300", "--freq-inc-hz")]
    [InlineData("--products", "images", "--products")]
    [InlineData("--node-cpus", "0", "--node-cpus")]
    [InlineData("--gpus", "-1", "--gpus")]
    [InlineData("--products", ",", "--products")]
    [InlineData("--stack", "nosuchstack", "--stack")]
    [InlineData("--config-file", "nope.yaml", "--config-file")]
    public void Bad_flags_are_usage_errors_naming_the_flag(string flag, string value, string named)
    {
        var run = CliRun.AtRoot("estimate", flag, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"srcnet: {named}", run.ErrorLines[0]);
        Assert.DoesNotContain("   at ", run.Error); // no stack trace
    }

    [Fact]
    public void An_estimate_too_large_to_count_is_a_usage_error_not_a_crash()
    {
        // ~10^17 bytes a run, times runsToHold 168: beyond what a long holds.
        var run = CliRun.AtRoot("estimate", "--stack", "prod", "--products", "visibility", "--time-steps", "1000000", "--freq-inc-hz", "355");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the estimate exceeds 8 EiB", run.Error);
    }

    [Fact]
    public void Stack_and_config_file_together_are_a_usage_error()
    {
        var run = CliRun.AtRoot("estimate", "--stack", "dev", "--config-file", "Pulumi.dev.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stack and --config-file", run.Error);
    }

    [Fact]
    public void A_broken_stack_is_a_config_error_listing_its_keys()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.broken.yaml", "config:\n  srcnet:workflow:\n    simulation:\n      numTimeStamps: -1\n");
        var run = CliRun.In(dir.Path, "estimate", "--config-file", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains(run.ErrorLines, l => l.Contains("error: srcnet:workflow.simulation.numTimeStamps: must be between 1 and"));
        Assert.Contains(run.ErrorLines, l => l.Contains("error: srcnet:workflow.image.tag: is required"));
    }
}

/// <summary>The estimate report is Core's estimate and sizing (issue 12, item 3), as a versioned JSON object.</summary>
public class EstimateReportTests
{
    [Fact]
    public void The_json_has_a_version_and_plain_characters()
    {
        var run = CliRun.AtRoot("estimate", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"basis\": \"the seed's example job\"", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(run.Out).RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public void A_stacks_estimate_is_the_sizing_its_check_makes()
    {
        var json = JsonDocument.Parse(CliRun.AtRoot("estimate", "--stack", "prod", "--json").Out).RootElement;
        var check = SrcNetInfra.Core.Validation.EnvironmentCheck.RunFile(Repo.StackFile("prod"));
        var sizing = check.Environment!.Sizing;

        // prod holds a week of hourly runs and the one in progress, in its explicit 20Gi.
        Assert.Equal(sizing.RunsToHold, json.GetProperty("runsToHold").GetInt32());
        Assert.Equal(169, sizing.RunsToHold);
        Assert.Equal(sizing.IngestBytesToHold, json.GetProperty("ingestBytesToHold").GetInt64());
        Assert.Equal(sizing.IngestRequest.Text, json.GetProperty("ingestRequest").GetString());
        Assert.Equal(sizing.ScratchRequest.Text, json.GetProperty("scratchRequest").GetString());
    }
}
