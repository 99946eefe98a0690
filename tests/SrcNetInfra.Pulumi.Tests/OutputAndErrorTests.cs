using Pulumi;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

public class OutputAndErrorTests
{
    private static async Task<object?> Out(Stack stack, string key) =>
        stack.Outputs[key] is Output<object> output ? await Stack.Value(output) : stack.Outputs[key];

    [Fact]
    public async Task A_job_stack_outputs_where_its_run_is_and_how_to_check_it()
    {
        var stack = await Stack.OfFile("dev");
        var hex = await Stack.Value(stack.Deployed.RunId!.Hex);
        Assert.Equal("srcnet-dev", await Out(stack, "namespace"));
        Assert.Equal("Job", await Out(stack, "workloadKind"));
        Assert.Equal($"karabo-aastar-{hex}", await Out(stack, "workloadName"));
        Assert.Equal(hex, await Out(stack, "runId"));
        Assert.Equal($"{hex}_SKAMID_Karabo", await Out(stack, "obsId"));
        Assert.Equal($"{hex}-SKAMID-Karabo", await Out(stack, "filePrefix"));
        Assert.Equal($"srcnet verify --stack dev --run {hex}-SKAMID-Karabo", await Out(stack, "verifyCommand"));
        var estimate = await Out(stack, "estimate");
        Assert.Equal(stack.Deployed.Environment.Sizing.ScratchRequest.Text, Values.At(estimate!, "scratchRequest"));
        Assert.Equal(stack.Deployed.Environment.Sizing.IngestRequest.Text, Values.At(estimate!, "ingestRequest"));
        Assert.Equal((double)stack.Deployed.Environment.Sizing.Estimate.ScratchBytes, Convert.ToDouble(Values.At(estimate!, "scratchBytes"), System.Globalization.CultureInfo.InvariantCulture));
        var paths = await Out(stack, "ingestPaths");
        Assert.Equal("/ingest/staging/testing", Values.At(paths!, "staging"));
        Assert.Equal(IngestorRelease.ProcessedDir, Values.At(paths!, "processed"));
        Assert.Equal(IngestorRelease.FailedDir, Values.At(paths!, "failed"));
    }

    [Fact]
    public async Task A_cronjob_stack_outputs_its_patterns()
    {
        var stack = await Stack.OfFile("prod");
        Assert.Equal("CronJob", await Out(stack, "workloadKind"));
        Assert.Equal("karabo-aastar", await Out(stack, "workloadName"));
        Assert.Equal("", await Out(stack, "runId"));
        Assert.Equal("{run}_SKAMID_Karabo", await Out(stack, "obsId"));
        Assert.Equal("srcnet verify --stack prod", await Out(stack, "verifyCommand"));
    }

    [Fact]
    public async Task A_broken_config_fails_with_Cores_message()
    {
        var yaml = File.ReadAllText(Stack.FileOf("dev")).Replace("      imagingNpixel: 1024\n", "      imagingNpixel: 0\n", StringComparison.Ordinal);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Stack.OfYaml("dev", yaml));
        // Core's own line, as `srcnet validate` prints it. (Pulumi's test engine turns the first
        // error it logs into the exception; a real run logs every error, then stops.)
        var run = FindRunException(error);
        Assert.NotNull(run);
        Assert.Contains("error: srcnet:workflow.simulation.imagingNpixel: must be between 1 and 100000 (got 0)", run!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_memory_limit_below_the_runs_peak_fails_the_preview()
    {
        // dev simulates on 8 CPUs: OSKAR's buffers and Python need about 3.4 GB; a 2Gi limit would be OOM-killed.
        var yaml = File.ReadAllText(Stack.FileOf("dev")).Replace("limits: {cpu: \"8\", memory: 32Gi}", "limits: {cpu: \"8\", memory: 2Gi}", StringComparison.Ordinal)
            .Replace("requests: {cpu: \"4\", memory: 16Gi}", "requests: {cpu: \"4\", memory: 2Gi}", StringComparison.Ordinal);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Stack.OfYaml("dev", yaml));
        var run = FindRunException(error);
        Assert.NotNull(run);
        Assert.Contains("error: srcnet:workflow.resources.limits.memory: 2Gi (2.15 GB) is below the estimated peak memory of one run", run!.Message, StringComparison.Ordinal);
    }

    private static RunException? FindRunException(Exception? e) =>
        e switch
        {
            null => null,
            RunException run => run,
            AggregateException aggregate => aggregate.InnerExceptions.Select(FindRunException).FirstOrDefault(x => x is not null),
            _ => FindRunException(e.InnerException),
        };
}
