using System.Text.Json.Nodes;
using SrcNetInfra.Core.Verification;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// The <c>--json</c> contract (docs/verify.md): one object with these fields, whatever the verdict.
/// Faked: the Kubernetes API server (see <see cref="FakeApiServer"/>); no real cluster, kubelet or ingestor.
/// </summary>
public class VerifyJsonTests
{
    private const string Ns = "srcnet-dev";

    private static readonly string[] TopLevel =
        ["version", "stack", "namespace", "cluster", "workload", "job", "run", "pod", "ingestor", "products", "campaign", "ingestArea", "health", "notes", "verdict", "exitCode", "message"];

    [Fact]
    public async Task A_succeeded_run_as_json()
    {
        await using var h = (await VerifyHarness.Start()).WithIngestAreas();
        h.Server.Namespaces.Add(Namespace(Ns));
        h.Server.Pods.Add(IngestorPod(Ns));
        var job = DevJob();
        h.Server.Jobs.Add(job);
        h.Server.Pods.Add(PodOf(job, Succeeded()));
        h.Put($"processed/{DevPrefix}dirty.fits", $"processed/{DevPrefix}dirty.fits.meta");

        var run = await h.Verify("--stack", "dev", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal(TopLevel, json.Select(p => p.Key));
        Assert.Equal(2, (int?)json["version"]);
        Assert.Equal("dev", (string?)json["stack"]);
        Assert.Equal(Ns, (string?)json["namespace"]);
        Assert.Equal(h.Server.Url, (string?)json["cluster"]!["server"]);
        Assert.Equal("fake", (string?)json["cluster"]!["context"]);
        Assert.Equal("Job", (string?)json["workload"]!["kind"]);
        Assert.Equal($"karabo-aastar-{DevRunId}", (string?)json["workload"]!["name"]);
        Assert.Equal($"karabo-aastar-{DevRunId}", (string?)json["job"]);
        Assert.Equal(DevObsId, (string?)json["run"]!["obsId"]);
        Assert.Equal(DevPrefix, (string?)json["run"]!["filePrefix"]);
        var pod = json["pod"]!;
        Assert.Equal($"karabo-aastar-{DevRunId}-x7k2p", (string?)pod["name"]);
        // The pod's phase is Kubernetes' own word; every state verify decides is a lowercase word.
        Assert.Equal("Succeeded", (string?)pod["phase"]);
        Assert.Equal("succeeded", (string?)pod["state"]);
        Assert.Equal("running", (string?)json["ingestor"]!["state"]);
        Assert.Equal("ok", (string?)json["health"]);
        Assert.Equal("Completed", (string?)pod["reason"]);
        Assert.Equal(0, (int?)pod["exitCode"]);
        Assert.Null(pod["message"]);
        Assert.Empty(pod["logTail"]!.AsArray());
        var product = Assert.Single(json["products"]!.AsArray())!;
        Assert.Equal("dirty", (string?)product["product"]);
        Assert.Equal($"{DevPrefix}dirty.fits", (string?)product["file"]);
        Assert.Equal("ingested", (string?)product["state"]);
        Assert.Equal("succeeded", (string?)json["verdict"]);
        Assert.Equal(0, (int?)json["exitCode"]);
        Assert.StartsWith($"run karabo-aastar-{DevRunId} succeeded", (string?)json["message"]);
    }

    [Fact]
    public async Task A_failed_run_as_json_carries_the_reason_and_the_log_tail()
    {
        await using var h = (await VerifyHarness.Start()).WithIngestAreas();
        h.Server.Namespaces.Add(Namespace(Ns));
        var job = DevJob();
        job.Status.Conditions = [JobFailed("BackoffLimitExceeded", "Job has reached the specified backoff limit")];
        h.Server.Jobs.Add(job);
        var pod = PodOf(job, OomKilled());
        h.Server.Pods.Add(pod);
        h.Server.Logs[pod.Metadata.Name] = LogOf(new RunIds(DevObsId, DevPrefix), "the sky model's cache \u001b[31mfull", "Killed");

        var run = await h.Verify("--stack", "dev", "--json");

        Assert.True(run.ExitCode == 4, run.ToString());
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal(TopLevel, json.AsObject().Select(p => p.Key));
        Assert.Equal("OOMKilled", (string?)json["pod"]!["reason"]);
        Assert.Equal(137, (int?)json["pod"]!["exitCode"]);
        Assert.Equal("Failed", (string?)json["pod"]!["phase"]);
        Assert.Equal("failed", (string?)json["pod"]!["state"]);
        // Plain characters for people, but a log's control characters never reach the terminal raw.
        Assert.Contains("the sky model's cache \\u001B[31mfull", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Equal("Killed", (string?)json["pod"]!["logTail"]!.AsArray()[^1]);
        Assert.Equal("failed", (string?)json["verdict"]);
        Assert.Equal(4, (int?)json["exitCode"]);
        Assert.Contains("OOMKilled", (string?)json["message"]);
    }

    [Fact]
    public async Task A_missing_namespace_as_json_has_every_field()
    {
        await using var h = await VerifyHarness.Start();

        var run = await h.Verify("--stack", "prod", "--json");

        Assert.True(run.ExitCode == 4, run.ToString());
        var json = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal(TopLevel, json.Select(p => p.Key));
        Assert.Equal("CronJob", (string?)json["workload"]!["kind"]);
        Assert.Equal("karabo-aastar", (string?)json["workload"]!["name"]);
        Assert.Null(json["job"]);
        Assert.Null(json["run"]);
        Assert.Null(json["pod"]);
        Assert.Empty(json["products"]!.AsArray());
        Assert.Equal("failed", (string?)json["verdict"]);
    }

    [Theory]
    [InlineData(new[] { "--stack", "nope" }, "--stack: no Pulumi.nope.yaml")]
    [InlineData(new[] { "--stack", "dev", "--timeout", "soon" }, "--timeout: expected a duration")]
    [InlineData(new[] { "--stack", "dev", "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [InlineData(new[] { "--stack", "dev", "--kubeconfig", "/nonexistent/kubeconfig" }, "--kubeconfig: no such file")]
    public void A_usage_error_with_json_prints_json_too(string[] args, string message)
    {
        // Scripts reading `srcnet verify --json` get one object for every outcome, a usage error too.
        var run = SrcNetInfra.Tests.Support.CliRun.AtRoot(["verify", .. args, "--json"]);

        Assert.Equal(2, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal(TopLevel, json.Select(p => p.Key));
        Assert.Equal("error", (string?)json["verdict"]);
        Assert.Equal(2, (int?)json["exitCode"]);
        Assert.Contains(message, (string?)json["message"], StringComparison.Ordinal);
        Assert.Null(json["stack"]);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_error_with_json_prints_json_naming_the_file()
    {
        using var dir = new SrcNetInfra.Tests.Support.TempDir();
        var file = dir.Write("Pulumi.bad.yaml", SrcNetInfra.Tests.Support.MinimalStack.Yaml.Replace("tag: 0.34.0", "tag: 0.34.0\n    products: []", StringComparison.Ordinal));

        var run = SrcNetInfra.Tests.Support.CliRun.In(dir.Path, "verify", "--config-file", file, "--json");

        Assert.Equal(2, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal("Pulumi.bad.yaml: invalid, 1 error", (string?)json["message"]);
        Assert.Contains("error: srcnet:workflow.products", run.Error, StringComparison.Ordinal);
    }
}
