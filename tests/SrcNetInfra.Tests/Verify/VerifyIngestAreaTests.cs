using System.Text.Json.Nodes;
using k8s.Models;
using SrcNetInfra.Core.Verification;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// <c>srcnet verify</c> reports the ingest area's health beside the run's verdict, from the same one
/// exec, and the exit code stays the run's. Faked: the Kubernetes API server (see
/// <see cref="FakeApiServer"/>); the ingestor pod's /tmp/ingest is a temporary directory, its
/// <c>df</c> reports a 100 GiB claim with 60 GiB free unless a test says otherwise, and a test that
/// needs old entries sets the pod's clock ahead (a test cannot set an entry's ctime).
/// </summary>
public class VerifyIngestAreaTests
{
    private const string Ns = "srcnet-dev";
    private static readonly string Need = Core.Estimation.StorageRequest.Human(Dev.Sizing.Estimate.IngestPeakBytes);

    /// <summary>The dev stack with the ingestor running and one run whose pod has the given status; its products ingested when it succeeded.</summary>
    private static async Task<VerifyHarness> DevCluster(V1PodStatus status)
    {
        var h = await VerifyJobTests.DevCluster(status);
        if (status.Phase == "Succeeded") h.Put($"processed/testing/{DevPrefix}dirty.fits", $"processed/testing/{DevPrefix}dirty.fits.meta");
        return h;
    }

    /// <summary>A run directory as the run script leaves it (docs/handover.md#states).</summary>
    private static void RunDir(VerifyHarness h, string obsId, string state, bool heartbeat = false)
    {
        var dir = Directory.CreateDirectory(Path.Combine(h.IngestRoot, ".srcnet", "runs", obsId)).FullName;
        File.WriteAllText(Path.Combine(dir, "state"), state);
        if (heartbeat) File.WriteAllText(Path.Combine(dir, "heartbeat"), "pod\n");
    }

    [Fact]
    public async Task A_clean_area_is_ok_and_listed_in_the_same_exec_as_the_products()
    {
        await using var h = await DevCluster(Succeeded());

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"area       staging 0 waiting; failed_processing 0; 64.4 GB free of 107 GB (the next run needs {Need}); 0 leftover run directories\n", run.Out);
        Assert.Contains("health     ok\n", run.Out);
        Assert.DoesNotContain("warning", run.Out);
        Assert.DoesNotContain("notice", run.Out);
        Assert.EndsWith($"verdict    succeeded: run karabo-aastar-{DevRunId} succeeded and every selected product is ingested (dirty)\n", run.Out);
        Assert.Single(h.Server.ExecCommands);
    }

    [Fact]
    public async Task A_product_stuck_in_staging_is_a_warning_and_a_succeeded_run_still_exits_0()
    {
        await using var h = await DevCluster(Succeeded());
        h.Put("staging/testing/ffffffff-SKAMID-Karabodirty.fits", "staging/testing/ffffffff-SKAMID-Karabodirty.fits.meta");
        h.PodClockAhead(TimeSpan.FromHours(2));

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("area       staging 1 waiting, 1 longer than 10m 00s;", run.Out);
        Assert.Contains("warning    1 product waiting in staging longer than 10m 00s (the ingestor scans it every 5 s): testing/ffffffff-SKAMID-Karabodirty.fits (2h 00m)", run.Out);
        Assert.Contains("health     attention: 1 finding above; they do not change the verdict or the exit code\n", run.Out);
        Assert.Contains("verdict    succeeded", run.Out);
    }

    [Fact]
    public async Task The_runs_own_stuck_product_stays_in_progress()
    {
        await using var h = await DevCluster(Succeeded());
        h.Put($"staging/testing/{DevPrefix}cleaned.fits");
        File.Delete(Path.Combine(h.IngestRoot, "processed", "testing", DevPrefix + "dirty.fits"));
        h.Put($"staging/testing/{DevPrefix}dirty.fits", $"staging/testing/{DevPrefix}dirty.fits.meta");
        h.PodClockAhead(TimeSpan.FromHours(1));

        var run = await h.Verify("--stack", "dev");

        // Exit codes stay as documented: still in staging is 3, however long it has waited.
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("warning    2 products waiting in staging longer than 10m 00s", run.Out);
        Assert.Contains("verdict    in-progress: waiting for the ingestor: dirty still in staging", run.Out);
    }

    [Fact]
    public async Task Everything_in_failed_processing_is_named()
    {
        await using var h = await DevCluster(Succeeded());
        h.Put("failed_processing/testing/eeeeeeee-SKAMID-Karabodirty.fits", "failed_processing/testing/eeeeeeee-SKAMID-Karabodirty.fits.meta",
            "failed_processing/testing/dddddddd-SKAMID-Karabomeasurements.ms", "failed_processing/testing/dddddddd-SKAMID-Karabomeasurements.ms.meta");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("failed_processing 2;", run.Out);
        Assert.Contains("warning    failed_processing/ holds 2 products the ingestor could not ingest, the oldest testing/", run.Out);
        Assert.Contains("testing/eeeeeeee-SKAMID-Karabodirty.fits", run.Out);
        Assert.Contains("testing/dddddddd-SKAMID-Karabomeasurements.ms", run.Out);
        Assert.Contains("health     attention", run.Out);
    }

    [Fact]
    public async Task Too_little_free_space_for_the_next_run_is_a_warning()
    {
        await using var h = await DevCluster(Succeeded());
        h.Claim(totalBytes: 1L << 30, freeBytes: 1L << 20);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"warning    1.05 MB free of 1.07 GB on the ingest claim, but the next run needs {Need} there at its peak", run.Out);
        Assert.Contains("health     attention", run.Out);
    }

    [Fact]
    public async Task Leftovers_of_failed_and_dead_runs_are_notices()
    {
        await using var h = await DevCluster(Succeeded());
        RunDir(h, "old1_SKAMID_Karabo", "state=failed\nobs_id=old1_SKAMID_Karabo\nexit_code=1\nreason=the workflow failed\n");
        RunDir(h, "old2_SKAMID_Karabo", "state=running\nobs_id=old2_SKAMID_Karabo\n", heartbeat: true);
        h.PodClockAhead(TimeSpan.FromHours(4));

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 leftover run directories", run.Out);
        Assert.Contains("notice     1 run directory of failed or killed runs in .srcnet/runs/: old1_SKAMID_Karabo (failed, exit code 1, the workflow failed, 4h 00m ago)", run.Out);
        Assert.Contains("notice     1 run directory in .srcnet/runs/ without a heartbeat for longer than 3h (srcnet:retention.staleRunAfter): old2_SKAMID_Karabo (running, 4h 00m without a sign of life)", run.Out);
        Assert.Contains("health     attention: 2 findings above", run.Out);
    }

    [Fact]
    public async Task A_live_runs_directory_is_no_leftover()
    {
        await using var h = await DevCluster(Running());
        RunDir(h, DevObsId, $"state=running\nobs_id={DevObsId}\n", heartbeat: true);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("0 leftover run directories", run.Out);
        Assert.Contains("health     ok", run.Out);
    }

    [Fact]
    public async Task A_failed_run_gets_the_areas_health_with_its_own_run_directory()
    {
        await using var h = await DevCluster(OomKilled());
        RunDir(h, DevObsId, $"state=killed\nobs_id={DevObsId}\nexit_code=143\nreason=SIGTERM\n");

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"notice     1 run directory of failed or killed runs in .srcnet/runs/: {DevObsId} (killed, exit code 143, SIGTERM,", run.Out);
        Assert.Contains("verdict    failed: run karabo-aastar-1a2b3c4d failed (OOMKilled, exit code 137)", run.Out);
        // The run's products are not looked for: the exec has no prefix.
        Assert.Equal("", Assert.Single(h.Server.ExecCommands)[4]);
    }

    [Fact]
    public async Task The_health_as_json()
    {
        await using var h = await DevCluster(Succeeded());
        h.Put("staging/testing/ffffffff-SKAMID-Karabodirty.fits", "staging/testing/ffffffff-SKAMID-Karabodirty.fits.meta",
            "failed_processing/testing/eeeeeeee-SKAMID-Karabodirty.fits");
        RunDir(h, "old1_SKAMID_Karabo", "state=failed\nexit_code=1\npod=karabo-aastar-old1-abcde\n");
        h.Claim(totalBytes: 1L << 30, freeBytes: 1L << 20);
        h.PodClockAhead(TimeSpan.FromHours(1));

        var run = await h.Verify("--stack", "dev", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("succeeded", (string?)json["verdict"]);
        Assert.Equal("attention", (string?)json["health"]);
        var area = json["ingestArea"]!;
        Assert.Equal(["staging", "failedProcessing", "space", "leftovers", "findings", "unread"], area.AsObject().Select(p => p.Key));
        Assert.Equal(1, (int?)area["staging"]!["waiting"]);
        Assert.Equal(1, (int?)area["staging"]!["stuckCount"]);
        Assert.Equal(600, (int?)area["staging"]!["stuckAfterSeconds"]);
        var stuck = Assert.Single(area["staging"]!["stuck"]!.AsArray())!;
        Assert.Equal("testing/ffffffff-SKAMID-Karabodirty.fits", (string?)stuck["name"]);
        Assert.Equal("/tmp/ingest/staging/testing/ffffffff-SKAMID-Karabodirty.fits", (string?)stuck["path"]);
        Assert.InRange((long)stuck["ageSeconds"]!, 3590, 3700);
        var failed = area["failedProcessing"]!;
        Assert.Equal(1, (int?)failed["count"]);
        Assert.Equal("testing/eeeeeeee-SKAMID-Karabodirty.fits", (string?)failed["oldest"]!["name"]);
        Assert.Equal(["testing/eeeeeeee-SKAMID-Karabodirty.fits"], failed["names"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(0, (int?)failed["more"]);
        var space = area["space"]!;
        Assert.Equal(1L << 20, (long)space["freeBytes"]!);
        Assert.Equal(1L << 30, (long)space["totalBytes"]!);
        Assert.Equal(Dev.Sizing.Estimate.IngestPeakBytes, (long)space["nextRunBytes"]!);
        Assert.False((bool)space["enough"]!);
        var leftover = Assert.Single(area["leftovers"]!.AsArray())!;
        Assert.Equal(("old1_SKAMID_Karabo", "/tmp/ingest/.srcnet/runs/old1_SKAMID_Karabo", "failed", "failed", "1", "karabo-aastar-old1-abcde"),
            ((string?)leftover["name"], (string?)leftover["path"], (string?)leftover["kind"], (string?)leftover["state"], (string?)leftover["exitCode"], (string?)leftover["pod"]));
        Assert.Null(leftover["reason"]);
        Assert.Equal(["stuck", "failed-processing", "space", "leftover"], area["findings"]!.AsArray().Select(f => (string?)f!["kind"]));
        Assert.Equal(["warning", "warning", "warning", "notice"], area["findings"]!.AsArray().Select(f => (string?)f!["severity"]));
        Assert.Empty(area["unread"]!.AsArray());
    }

    [Fact]
    public async Task An_ingestor_that_is_not_running_leaves_the_health_unknown()
    {
        await using var h = await DevCluster(Running());
        h.Server.Pods.RemoveAll(p => p.Metadata.Name == IngestorPodName);
        h.Server.Pods.Add(IngestorPod(Ns, phase: "Pending"));

        var text = await h.Verify("--stack", "dev");
        var json = JsonNode.Parse((await h.Verify("--stack", "dev", "--json")).Out)!;

        Assert.True(text.ExitCode == 3, text.ToString());
        Assert.Contains($"health     unknown: the ingest area was not listed (ingestor pod {IngestorPodName} is not running)", text.Out);
        Assert.Null(json["ingestArea"]);
        Assert.Equal("unknown", (string?)json["health"]);
        Assert.Empty(h.Server.ExecCommands);
    }

    [Fact]
    public async Task A_listing_only_for_the_health_that_fails_is_a_note_and_the_verdict_stands()
    {
        await using var h = await DevCluster(OomKilled());
        h.Server.Forbid = path => path.EndsWith("/exec", StringComparison.Ordinal);

        var run = await h.Verify("--stack", "dev");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("note       the ingest area's health is unknown: ", run.Out);
        Assert.Contains("health     unknown: the ingest area was not listed (see the note)", run.Out);
        Assert.Contains("verdict    failed: run karabo-aastar-1a2b3c4d failed (OOMKilled", run.Out);
    }

    [Fact]
    public async Task A_prefix_with_shell_metacharacters_from_the_cluster_is_never_passed_on()
    {
        await using var h = (await VerifyHarness.Start()).WithIngestAreas();
        h.Server.Namespaces.Add(Namespace(Ns));
        h.Server.Pods.Add(IngestorPod(Ns));
        var job = DevJob();
        job.Metadata.Annotations[Core.Plan.Annotations.FilePrefix] = "$(touch pwned)";
        h.Server.Jobs.Add(job);
        var pod = PodOf(job, Succeeded());
        h.Server.Pods.Add(pod);
        h.Server.Logs[pod.Metadata.Name] = "srcnet-run: OBS_ID=x FILE_PREFIX=`touch pwned2`\n";

        var run = await h.Verify("--stack", "dev");

        // Neither id is taken, so the products cannot be looked for (4); the area still is, without a prefix.
        Assert.True(run.ExitCode == 4, run.ToString());
        var exec = Assert.Single(h.Server.ExecCommands);
        Assert.Equal("", exec[4]);
        Assert.DoesNotContain(exec, a => a.Contains("pwned", StringComparison.Ordinal));
        Assert.Contains("health     ok", run.Out);
        Assert.Empty(Directory.EnumerateFileSystemEntries(h.IngestRoot, "pwned*", SearchOption.AllDirectories));
    }
}
