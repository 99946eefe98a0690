using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// A run that would be OOM-killed is refused before it starts: the memory limit below the
/// estimated peak is an error, the request below it a warning, each naming the key and the numbers.
/// </summary>
public class MemoryFitTests
{
    private static long Peak(params (string Key, string? Yaml)[] overrides) =>
        Stacks.Check(overrides).Environment!.Sizing.Estimate.MemoryBytes;

    [Fact]
    public void The_default_stack_fits_its_memory()
    {
        Expect.Clean(Stacks.Check());
        Assert.True(Peak() < 64L << 30);
    }

    [Fact]
    public void A_limit_below_the_peak_is_an_error_with_the_numbers()
    {
        var result = Stacks.Check(("srcnet:workflow.resources.requests.memory", "4Gi"), ("srcnet:workflow.resources.limits.memory", "8Gi"));
        var error = Expect.Error(result, "srcnet:workflow.resources.limits.memory", "is below the estimated peak memory of one run");
        var peak = Peak();
        Assert.Contains("8Gi (8.59 GB)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{StorageRequest.Human(peak)} ({peak} bytes) in the simulation step", error.Message, StringComparison.Ordinal);
        Assert.Contains("OSKAR compute devices", error.Message, StringComparison.Ordinal);
        Assert.Contains("set it to at least 10Gi", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_request_below_the_peak_is_a_warning()
    {
        var warning = Expect.Warning(
            Stacks.Check(("srcnet:workflow.resources.requests.memory", "8Gi")),
            "srcnet:workflow.resources.requests.memory", "is below the estimated peak memory of one run");
        Assert.Contains("request at least 10Gi", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_of_exactly_the_peak_is_accepted()
    {
        var peak = Peak().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Expect.Clean(Stacks.Check(("srcnet:workflow.resources.requests.memory", peak), ("srcnet:workflow.resources.limits.memory", peak)));
    }

    [Fact]
    public void A_long_visibility_run_that_pyuvdata_cannot_read_is_refused()
    {
        // 3,600 dumps of 64 channels: the simulation would run for days, then pyuvdata would read the
        // whole MS (21 bytes per visibility, about 200 GB) and be killed at the 128Gi limit.
        var result = Stacks.Check(
            ("srcnet:workflow.products", "[visibility]"),
            ("srcnet:workflow.simulation.numTimeStamps", "3600"),
            ("srcnet:workflow.simulation.freqIncHz", "1109375"));
        var error = Expect.Error(result, "srcnet:workflow.resources.limits.memory", "in the visibility metadata step");
        Assert.Contains("pyuvdata reads the whole MS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_CPUs_mean_more_OSKAR_devices()
    {
        // 37: with the ingestor's 2 and the janitor's 0.5 it still fits the default quota of 40.
        Assert.True(Peak(("srcnet:workflow.resources.limits.cpu", "37")) > Peak());
    }
}
