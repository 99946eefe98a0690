using System.Globalization;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// Volumes are sized from the estimator; an explicit scratch size below one run's peak is a warning
/// (a site may know better), an explicit ingest area that cannot hold runsToHold runs is an error.
/// </summary>
public class SizingTests
{
    private const decimal GiB = 1L << 30;

    private static Sizing SizingOf(params (string Key, string? Yaml)[] overrides)
    {
        var result = Stacks.Check(overrides);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Environment!.Sizing;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_estimate_is_of_the_configured_run()
    {
        var sizing = SizingOf();
        var expected = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(expected.ScratchBytes, sizing.Estimate.ScratchBytes);
        Assert.Equal(expected.IngestBytes, sizing.Estimate.IngestBytes);
    }

    public static TheoryData<string, string> AutoCases => new()
    {
        { "default", "" },
        { "tiny", "tiny" },
        { "headroom 10", "srcnet:scratch.headroom=10;srcnet:ingestor.persistence.headroom=10" },
        { "runsToHold 1000", "srcnet:ingestor.persistence.runsToHold=1000" },
        { "visibility", "srcnet:workflow.products=[visibility, cleaned]" },
    };

    private static (string, string?)[] Overrides(string spec) =>
        spec == "tiny" ? Stacks.Tiny
        : spec.Length == 0 ? []
        : [.. spec.Split(';').Select(kv => kv.Split('=', 2)).Select(kv => (kv[0], (string?)kv[1]))];

    [Theory]
    [MemberData(nameof(AutoCases))]
    public void Auto_sizes_are_the_smallest_whole_Gi_that_holds_the_estimate_with_headroom(string name, string spec)
    {
        var result = Stacks.Check(Overrides(spec));
        Assert.True(result.Ok, name + ": " + string.Join("\n", result.Errors));
        var env = result.Environment!;
        var sizing = env.Sizing;

        var scratchNeed = sizing.Estimate.ScratchBytes * (decimal)env.Spec.Scratch.Headroom;
        var ingestNeed = sizing.Estimate.IngestBytes * (decimal)env.Spec.Ingestor.Persistence.RunsToHold * (decimal)env.Spec.Ingestor.Persistence.Headroom;
        Assert.Equal(checked(sizing.Estimate.IngestBytes * env.Spec.Ingestor.Persistence.RunsToHold), sizing.IngestBytesToHold);

        foreach (var (request, need) in new[] { (sizing.ScratchRequest, scratchNeed), (sizing.IngestRequest, ingestNeed) })
        {
            Assert.Matches("^[1-9][0-9]*Gi$", request.Text);
            Assert.Equal(0m, request.Value % GiB);
            Assert.True(request.Value >= GiB, $"{request.Text} is below 1Gi");
            Assert.True(request.Value >= need, $"{request.Text} < {need} bytes");
            Assert.True(request.Value == GiB || request.Value - GiB < need, $"{request.Text} is more than one Gi above {need} bytes");
        }
    }

    [Fact]
    public void A_tiny_run_still_gets_1Gi()
    {
        var sizing = SizingOf(Stacks.Tiny);
        Assert.True(sizing.Estimate.ScratchBytes * 1.5m < GiB, "the tiny run is meant to need less than 1Gi");
        Assert.Equal("1Gi", sizing.ScratchRequest.Text);
        Assert.Equal("1Gi", sizing.IngestRequest.Text);
    }

    [Fact]
    public void Explicit_sizes_are_used_as_written()
    {
        var sizing = SizingOf(("srcnet:scratch.size", "2Ti"), ("srcnet:ingestor.persistence.size", "10Ti"));
        Assert.Equal("2Ti", sizing.ScratchRequest.Text);
        Assert.Equal("10Ti", sizing.IngestRequest.Text);
    }

    [Fact]
    public void An_explicit_scratch_size_below_the_estimate_is_a_warning_naming_both()
    {
        var peak = SizingOf().Estimate.ScratchBytes;
        var below = Text(peak - 1);
        var result = Stacks.Check("srcnet:scratch.size", below);
        var warning = Expect.Warning(result, "srcnet:scratch.size", "below the estimated peak scratch");
        Assert.Contains(below, warning.Message, StringComparison.Ordinal);
        Assert.Contains(Text(peak), warning.Message, StringComparison.Ordinal);
        Assert.Equal(below, result.Environment!.Sizing.ScratchRequest.Text); // the site's size wins
    }

    [Fact]
    public void An_explicit_scratch_size_of_exactly_the_estimate_is_accepted()
    {
        var peak = SizingOf().Estimate.ScratchBytes;
        Expect.Clean(Stacks.Check("srcnet:scratch.size", Text(peak)));
    }

    [Fact]
    public void A_scratch_size_far_below_the_estimate_is_still_only_a_warning() =>
        Expect.Warning(Stacks.Check("srcnet:scratch.size", "1Mi"), "srcnet:scratch.size", "1Mi");

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(168)]
    public void An_explicit_ingest_size_below_runsToHold_runs_is_an_error(int runs)
    {
        var perRun = SizingOf().Estimate.IngestBytes;
        var toHold = perRun * runs;
        var below = Text(toHold - 1);
        var runsYaml = runs.ToString(CultureInfo.InvariantCulture);
        var result = Stacks.Check(("srcnet:ingestor.persistence.runsToHold", runsYaml), ("srcnet:ingestor.persistence.size", below));
        var error = Expect.Error(result, "srcnet:ingestor.persistence.size", "cannot hold the products of");
        Assert.Contains($"{runs} run(s) (runsToHold)", error.Message, StringComparison.Ordinal);
        Assert.Contains(Text(toHold), error.Message, StringComparison.Ordinal);
        Assert.Contains(below, error.Message, StringComparison.Ordinal);

        Expect.Clean(Stacks.Check(("srcnet:ingestor.persistence.runsToHold", runsYaml), ("srcnet:ingestor.persistence.size", Text(toHold))));
    }

    [Fact]
    public void A_huge_run_is_an_error_not_an_overflow()
    {
        // 144 stations, 10 million channels, 10 million time steps: far beyond 8 EiB.
        var result = Stacks.Check(
            ("srcnet:workflow.simulation.freqIncHz", "7.1"),
            ("srcnet:workflow.simulation.numTimeStamps", "10000000"));
        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal("srcnet:workflow.simulation", error.Key);
        Assert.Contains("exceeds 8 EiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holding_too_many_runs_is_an_error_not_an_overflow()
    {
        // A MeasurementSet of over 10 TB (10 million dumps), held a million times, is beyond 8 EiB.
        var result = Stacks.Check(
            ("srcnet:workflow.products", "[visibility]"),
            ("srcnet:workflow.simulation.numTimeStamps", "10000000"),
            ("srcnet:ingestor.persistence.runsToHold", "1000000"));
        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal("srcnet:ingestor.persistence.runsToHold", error.Key);
        Assert.Contains("lower runsToHold", error.Message, StringComparison.Ordinal);
    }
}
