using k8s.Models;
using SrcNetInfra.Core.Verification;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// <c>srcnet verify --stack dev</c> (a Job stack, namespace srcnet-dev, products [dirty]) end to end.
/// Faked: the Kubernetes API server (HTTP and the exec WebSocket, see <see cref="FakeApiServer"/>);
/// there is no real cluster, kubelet or ingestor: the ingestor's /tmp/ingest is a temporary directory.
/// </summary>
public class VerifyJobTests
{
    private const string Ns = "srcnet-dev";
    private static readonly RunIds Ids = new(DevObsId, DevPrefix);

    /// <summary>The dev namespace with the ingestor running and one run whose pod has the given status.</summary>
    internal static async Task<VerifyHarness> DevCluster(V1PodStatus? podStatus, Action<V1Job>? job = null, bool log = true)
    {
        var h = (await VerifyHarness.Start()).WithIngestAreas();
        h.Server.Namespaces.Add(Namespace(Ns));
        h.Server.Pods.Add(IngestorPod(Ns));
        var run = DevJob();
        job?.Invoke(run);
        h.Server.Jobs.Add(run);
        if (podStatus is not null)
        {
            var pod = PodOf(run, podStatus);
            h.Server.Pods.Add(pod);
            if (log) h.Server.Logs[pod.Metadata.Name] = LogOf(Ids, "Simulating 8 time steps", "Imaging 1024x1024");
        }
        return h;
    }

    [Fact]
    public async Task A_succeeded_run_whose_products_are_in_processed_exits_0()
    {
        await using var h = await DevCluster(Succeeded(), j => j.Status.Conditions = [JobComplete()]);
        h.Put($"processed/{DevPrefix}dirty.fits", $"processed/{DevPrefix}dirty.fits.meta");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Job karabo-aastar-{DevRunId}", run.Out);
        Assert.Contains($"OBS_ID {DevObsId}, FILE_PREFIX {DevPrefix}", run.Out);
        Assert.Contains($"dirty      {DevPrefix}dirty.fits  ingested  /tmp/ingest/processed/{DevPrefix}dirty.fits", run.Out);
        Assert.Contains("verdict    succeeded: ", run.Out);
        Assert.Empty(run.Error);
        // The products were looked up in the ingestor's pod, by the run's prefix: exec was used.
        var exec = Assert.Single(h.Server.ExecCommands);
        Assert.Equal("/bin/sh", exec[0]);
        Assert.Contains(DevPrefix, exec);
        Assert.Contains("/tmp/ingest/processed", exec);
        Assert.Single(h.Server.RequestsTo($"/pods/{IngestorPodName}/exec"));
    }

    [Fact]
    public async Task The_exec_works_with_a_server_that_only_speaks_the_v4_protocol()
    {
        await using var h = await DevCluster(Succeeded());
        h.Server.ExecProtocols = ["v4.channel.k8s.io"];
        h.Put($"processed/{DevPrefix}dirty.fits", $"processed/{DevPrefix}dirty.fits.meta");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("v4.channel.k8s.io", Assert.Single(h.Server.ExecProtocolsChosen));
    }

    [Fact]
    public async Task A_running_run_exits_3_and_shows_what_is_staged_so_far()
    {
        await using var h = await DevCluster(Running());

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("pod        karabo-aastar-1a2b3c4d-x7k2p: running", run.Out);
        Assert.Contains($"dirty      {DevPrefix}dirty.fits  missing", run.Out);
        Assert.Contains("verdict    in-progress: run karabo-aastar-1a2b3c4d is still running", run.Out);
    }

    [Fact]
    public async Task A_pod_whose_container_is_being_created_exits_3()
    {
        await using var h = await DevCluster(Creating(), log: false);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"pod        karabo-aastar-{DevRunId}-x7k2p: pending (ContainerCreating)", run.Out);
        Assert.Contains($"verdict    in-progress: run karabo-aastar-{DevRunId} has not started yet (ContainerCreating)", run.Out);
        // The Job's annotations name the run even before its log exists.
        Assert.Contains($"FILE_PREFIX {DevPrefix}", run.Out);
    }

    [Fact]
    public async Task An_unschedulable_pod_exits_4_with_the_schedulers_message()
    {
        const string message = "0/6 nodes are available: 6 node(s) didn't match Pod's node affinity/selector. preemption: 0/6 nodes are available.";
        await using var h = await DevCluster(Unschedulable(message), log: false);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("cannot be scheduled: 0/6 nodes are available: 6 node(s) didn't match Pod's node affinity/selector", run.Out);
    }

    [Fact]
    public async Task A_pod_the_quota_refused_exits_4_with_the_event_that_says_so()
    {
        await using var h = await DevCluster(null);
        h.Server.Events.Add(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "karabo-aastar-1a2b3c4d.17f", NamespaceProperty = Ns },
            InvolvedObject = new V1ObjectReference { Kind = "Job", Name = $"karabo-aastar-{DevRunId}", NamespaceProperty = Ns },
            Reason = "FailedCreate",
            Type = "Warning",
            LastTimestamp = Epoch.AddMinutes(1),
            Message = "Error creating: pods \"karabo-aastar-1a2b3c4d-abcde\" is forbidden: exceeded quota: srcnet-quota, requested: requests.memory=16Gi, used: requests.memory=12Gi, limited: requests.memory=24Gi",
        });

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("FailedCreate", run.Out);
        Assert.Contains("exceeded quota: srcnet-quota", run.Out);
    }

    [Fact]
    public async Task Products_still_in_staging_after_the_run_exit_3()
    {
        await using var h = await DevCluster(Succeeded());
        // The workflow writes to OUT_DIR plus the Rucio scope (testing).
        h.Put($"staging/testing/{DevPrefix}dirty.fits", $"staging/testing/{DevPrefix}dirty.fits.meta");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"waiting   /tmp/ingest/staging/testing/{DevPrefix}dirty.fits", run.Out);
        Assert.Contains("verdict    in-progress: waiting for the ingestor: dirty still in staging", run.Out);
    }

    [Fact]
    public async Task An_OOMKilled_run_exits_4_naming_OOMKilled_and_showing_the_end_of_its_log()
    {
        await using var h = await DevCluster(OomKilled(), j => j.Status.Conditions = [JobFailed("BackoffLimitExceeded", "Job has reached the specified backoff limit")]);
        var pod = $"karabo-aastar-{DevRunId}-x7k2p";
        h.Server.Logs[pod] = LogOf(Ids, [.. Enumerable.Range(1, 30).Select(i => $"WSClean iteration {i}"), "Killed"]);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("OOMKilled", run.Out);
        Assert.Contains("exit code 137", run.Out);
        Assert.Contains("BackoffLimitExceeded", run.Out);
        Assert.Contains("  | Killed", run.Out);
        Assert.Contains("  | WSClean iteration 30", run.Out);
        Assert.DoesNotContain("WSClean iteration 10\n", run.Out);
        Assert.Contains(h.Server.RequestsTo($"/pods/{pod}/log"), r => r.Query.Contains("tailLines=20", StringComparison.Ordinal));
        // A failed run's products are not looked for (no prefix); the ingest area's health still is.
        var exec = Assert.Single(h.Server.ExecCommands);
        Assert.Equal("", exec[4]);
        Assert.DoesNotContain(DevPrefix, exec);
        Assert.Contains("health     ok", run.Out);
    }

    [Fact]
    public async Task A_log_line_with_a_terminal_escape_is_shown_escaped()
    {
        await using var h = await DevCluster(OomKilled(), j => j.Status.Conditions = [JobFailed("BackoffLimitExceeded", "Job has reached the specified backoff limit")]);
        h.Server.Logs[$"karabo-aastar-{DevRunId}-x7k2p"] = LogOf(Ids, "\u001b]0;owned\u0007\u001b[2JKilled");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains(@"  | \u001B]0;owned\u0007\u001B[2JKilled", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Out);
    }

    [Fact]
    public async Task An_evicted_pod_exits_4_with_the_kubelets_message()
    {
        await using var h = await DevCluster(new V1PodStatus
        {
            Phase = "Failed",
            Reason = "Evicted",
            Message = "The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 9Gi.",
        });

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("failed (Evicted): The node was low on resource: ephemeral-storage", run.Out);
    }

    [Fact]
    public async Task An_image_that_cannot_be_pulled_exits_4()
    {
        await using var h = await DevCluster(new V1PodStatus
        {
            Phase = "Pending",
            ContainerStatuses = [Container("karabo", waiting: new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = "Back-off pulling image \"ghcr.io/i4ds/karabo-pipeline:0.34.0\"" })],
        }, log: false);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("ImagePullBackOff", run.Out);
    }

    [Fact]
    public async Task A_product_the_ingestor_could_not_ingest_exits_4_naming_it()
    {
        await using var h = await DevCluster(Succeeded());
        h.Put($"failed_processing/{DevPrefix}dirty.fits", $"failed_processing/{DevPrefix}dirty.fits.meta");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"verdict    failed: ingestion of dirty ({DevPrefix}dirty.fits) failed: it is in failed_processing", run.Out);
    }

    [Fact]
    public async Task A_product_that_is_nowhere_after_a_succeeded_run_exits_4()
    {
        await using var h = await DevCluster(Succeeded());
        // Another run's products do not count.
        h.Put("processed/ffffffff-SKAMID-Karabodirty.fits", "processed/ffffffff-SKAMID-Karabodirty.fits.meta");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"but dirty is missing: {DevPrefix}dirty.fits: not in staging, processed or failed_processing", run.Out);
    }

    [Fact]
    public async Task Products_gone_after_the_retention_window_are_expired_not_missing_and_exit_0()
    {
        // The janitor removes processed products after srcnet:retention.processed (dev: the default
        // 30d) and never touches staging or failed_processing: a handed-over product found in none of
        // them, from a run that ended longer ago than that, was ingested (the claim's clock decides:
        // the listing runs in the fake ingestor's "pod", here on this machine's clock).
        await using var h = await DevCluster(Succeeded(), job => job.Status.CompletionTime = DateTime.UtcNow.AddDays(-31));

        var run = await h.Verify("--stack", "dev", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var product = System.Text.Json.Nodes.JsonNode.Parse(run.Out)!["products"]![0]!;
        Assert.Equal("expired", (string?)product["state"]);
        Assert.StartsWith("not in staging, processed or failed_processing, and the run ended 31d 00h ago: the janitor removes processed products after srcnet:retention.processed (30d)",
            (string?)product["detail"]);
        Assert.EndsWith("dirty since removed from processed/ by the janitor (srcnet:retention.processed): Rucio has it", (string?)System.Text.Json.Nodes.JsonNode.Parse(run.Out)!["message"]);
    }

    [Fact]
    public async Task Products_gone_inside_the_retention_window_are_missing()
    {
        await using var h = await DevCluster(Succeeded(), job => job.Status.CompletionTime = DateTime.UtcNow.AddDays(-29));
        var run = await h.Verify("--stack", "dev");
        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"but dirty is missing: {DevPrefix}dirty.fits: not in staging, processed or failed_processing", run.Out);
    }

    [Fact]
    public async Task A_missing_namespace_exits_4_and_names_the_cluster()
    {
        await using var h = await VerifyHarness.Start();

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"namespace srcnet-dev not found on cluster {h.Server.Url} (context fake): is the stack deployed? (pulumi up)", run.Out);
    }

    [Fact]
    public async Task No_Job_in_the_namespace_exits_4()
    {
        await using var h = await VerifyHarness.Start();
        h.Server.Namespaces.Add(Namespace(Ns));

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("no Job of stack dev (app.kubernetes.io/component=simulation,app.kubernetes.io/instance=dev) in namespace srcnet-dev", run.Out);
    }

    [Fact]
    public async Task Run_picks_an_older_Job_by_its_annotations()
    {
        await using var h = await DevCluster(Succeeded());
        var newer = DevJob("99999999", startedMinute: 60);
        h.Server.Jobs.Add(newer);
        h.Server.Pods.Add(PodOf(newer, Running()));
        h.Put($"processed/{DevPrefix}dirty.fits", $"processed/{DevPrefix}dirty.fits.meta");

        var newest = await h.Verify("--stack", "dev");
        var older = await h.Verify("--stack", "dev", "--run", DevObsId);

        Assert.True(newest.ExitCode == 3, newest.ToString());
        Assert.Contains("karabo-aastar-99999999", newest.Out);
        Assert.True(older.ExitCode == 0, older.ToString());
        Assert.Contains($"Job karabo-aastar-{DevRunId}", older.Out);
    }

    [Fact]
    public async Task Run_that_matches_nothing_exits_4()
    {
        await using var h = await DevCluster(Succeeded());

        var run = await h.Verify("--stack", "dev", "--run", "nope-SKAMID-Karabo");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("no run with OBS_ID or FILE_PREFIX 'nope-SKAMID-Karabo'", run.Out);
    }

    [Fact]
    public async Task No_ingestor_pod_after_a_succeeded_run_exits_4()
    {
        await using var h = await DevCluster(Succeeded());
        h.Server.Pods.RemoveAll(p => p.Metadata.Name == IngestorPodName);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("no ingestor pod (core-...) in namespace srcnet-dev: is the ingestor release ingestor installed?", run.Out);
        Assert.Empty(h.Server.ExecCommands);
    }
}
