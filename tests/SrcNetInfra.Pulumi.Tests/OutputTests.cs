using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>The stack outputs, as the engine receives them when the stack registers them.</summary>
public class OutputTests
{
    [Fact]
    public async Task A_job_stack_outputs_where_its_run_is_and_how_to_check_it()
    {
        var stack = StackUnderTest.File("dev");
        var run = (await ProgramRun.Of(stack)).Succeeded();
        var hex = Mocks.HexFor(run.Request(Mocks.RandomIdType, "run").Inputs["keepers"]);
        var env = stack.Environment();

        Assert.Equal("srcnet-dev", run.Output("namespace"));
        Assert.Equal("Job", run.Output("workloadKind"));
        Assert.Equal($"karabo-aastar-{hex}", run.Output("workloadName"));
        Assert.Equal(hex, run.Output("runId"));
        Assert.Equal($"{hex}_SKAMID_Karabo", run.Output("obsId"));
        Assert.Equal($"{hex}-SKAMID-Karabo", run.Output("filePrefix"));
        Assert.Equal($"srcnet verify --stack dev --run {hex}-SKAMID-Karabo", run.Output("verifyCommand"));
        var estimate = run.Output("estimate")!;
        Assert.Equal(env.Sizing.ScratchRequest.Text, Values.At(estimate, "scratchRequest"));
        Assert.Equal(env.Sizing.IngestRequest.Text, Values.At(estimate, "ingestRequest"));
        Assert.Equal((double)env.Sizing.Estimate.ScratchBytes, Values.At(estimate, "scratchBytes"));
        Assert.Equal((double)env.Sizing.Estimate.IngestBytes, Values.At(estimate, "ingestBytesPerRun"));
        var paths = run.Output("ingestPaths")!;
        Assert.Equal("/ingest/staging/testing", Values.At(paths, "staging"));
        Assert.Equal(IngestorRelease.ProcessedDir, Values.At(paths, "processed"));
        Assert.Equal(IngestorRelease.FailedDir, Values.At(paths, "failed"));
        Assert.All(run.Outputs.Values, o => Assert.True(o.IsKnown && !o.IsSecret));
    }

    [Fact]
    public async Task The_deployed_identity_is_recorded_for_the_next_deployment()
    {
        var stack = StackUnderTest.File("prod");
        var run = (await ProgramRun.Of(stack)).Succeeded();
        var recorded = DeployedIdentity.FromJson((string?)run.Output(DeployedIdentity.OutputName));
        Assert.Equal(DeployedIdentity.Of(stack.Environment()), recorded);
        Assert.Equal("datalake-ingestion", recorded!.Namespace);
        Assert.Equal("20Gi", recorded.IngestSize);
    }

    [Fact]
    public async Task A_cronjob_stack_outputs_its_patterns()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("prod"))).Succeeded();
        Assert.Equal("CronJob", run.Output("workloadKind"));
        Assert.Equal("karabo-aastar", run.Output("workloadName"));
        Assert.Equal("", run.Output("runId"));
        Assert.Equal("{run}_SKAMID_Karabo", run.Output("obsId"));
        Assert.Equal("srcnet verify --stack prod", run.Output("verifyCommand"));
    }

    [Fact]
    public async Task Every_output_key_of_Core_is_registered()
    {
        var stack = StackUnderTest.File("test");
        var run = (await ProgramRun.Of(stack)).Succeeded();
        Assert.Equal(StackOutputs.For(stack.Plan()).Keys.Order(StringComparer.Ordinal), run.Outputs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_run_reads_only_its_own_stack_config()
    {
        var before = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        var withSecrets = (await ProgramRun.Of(StackUnderTest.File("test").WithPulumiSecrets())).Succeeded();
        var dev = (await ProgramRun.Of(StackUnderTest.File("dev"))).Succeeded();
        Assert.Equal("srcnet-test", withSecrets.Output("namespace"));
        Assert.Equal("srcnet-dev", dev.Output("namespace"));
        Assert.Contains(withSecrets.Requests, r => r.Type == "kubernetes:core/v1:Secret");
        // Core warns about OIDC keys set on a stack that does not use them: the dev run saw none.
        Assert.DoesNotContain("oidcClient", dev.LogText, StringComparison.Ordinal);
        Assert.Equal(before, Environment.GetEnvironmentVariable("PULUMI_CONFIG"));
    }
}
