using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SrcNetInfra.Tests.Support;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// When the cluster cannot be asked: exit 1, one line naming the cluster and what to check, no stack
/// trace. Faked: the Kubernetes API server (see <see cref="FakeApiServer"/>), including one that
/// refuses calls with 403 and one that never answers; "unreachable" is a loopback port nobody listens on.
/// </summary>
public class VerifyClusterErrorTests
{
    private const string Ns = "srcnet-dev";

    [Fact]
    public async Task A_forbidden_call_exits_1_with_what_RBAC_must_allow()
    {
        await using var h = await VerifyHarness.Start();
        h.Server.Namespaces.Add(Namespace(Ns));
        h.Server.Forbid = path => path.EndsWith("/jobs", StringComparison.Ordinal);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"srcnet: cannot list jobs in namespace srcnet-dev: forbidden on {h.Server.Url} (context fake); ", line);
        Assert.Contains("your account needs get/list on jobs and cronjobs (batch) and on pods, get on pods/log and create on pods/exec in namespace srcnet-dev", line);
        Assert.Contains("User \\\"tester\\\" cannot".Replace("\\\"", "\"", StringComparison.Ordinal), line);
        Assert.Empty(run.Out);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task A_forbidden_exec_exits_1_and_says_pods_exec()
    {
        await using var h = (await VerifyHarness.Start()).WithIngestAreas();
        h.Server.Namespaces.Add(Namespace(Ns));
        h.Server.Pods.Add(IngestorPod(Ns));
        var job = DevJob();
        h.Server.Jobs.Add(job);
        h.Server.Pods.Add(PodOf(job, Succeeded()));
        h.Server.Forbid = path => path.EndsWith("/exec", StringComparison.Ordinal);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"srcnet: cannot create pods/exec {IngestorPodName} in namespace srcnet-dev: forbidden on {h.Server.Url} (context fake)", run.Error);
    }

    [Fact]
    public async Task A_forbidden_namespace_read_is_not_fatal()
    {
        // A namespaced Role cannot grant reading the namespace object itself.
        await using var h = await VerifyHarness.Start();
        h.Server.Forbid = path => path == "/api/v1/namespaces/srcnet-dev";

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("note       could not read namespace srcnet-dev (forbidden)", run.Out);
        Assert.Contains("no Job of stack dev", run.Out);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_naming_it()
    {
        using var dir = new TempDir();
        var port = ClosedPort();
        var server = $"http://127.0.0.1:{port}";
        await using var fake = await FakeApiServer.Start(dir.Path);
        var kubeconfig = fake.WriteKubeconfig(dir.Path, server);

        var run = await Task.Run(() => CliRun.AtRoot("verify", "--stack", "dev", "--kubeconfig", kubeconfig));

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"srcnet: cannot reach {server} (context fake): ", line);
        Assert.Contains("check the network or VPN", line);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_server_that_never_answers_exits_1_within_the_timeout()
    {
        await using var h = await VerifyHarness.Start();
        h.Server.Hang = true;

        var clock = Stopwatch.StartNew();
        var run = await h.Verify("--stack", "dev", "--timeout", "1s");
        clock.Stop();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.StartsWith($"srcnet: no answer from {h.Server.Url} within 1s (context fake) to get namespaces srcnet-dev", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Json_still_prints_one_object_when_the_cluster_cannot_be_asked()
    {
        await using var h = await VerifyHarness.Start();
        h.Server.Hang = true;

        var run = await h.Verify("--stack", "dev", "--timeout", "200ms", "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(run.Out)!;
        Assert.Equal("error", (string?)json["verdict"]);
        Assert.Equal(1, (int?)json["exitCode"]);
        Assert.Equal(h.Server.Url, (string?)json["cluster"]!["server"]);
        Assert.Contains("within 200ms", (string?)json["message"]);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
