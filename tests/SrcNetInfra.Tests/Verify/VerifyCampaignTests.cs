using System.Text.Json.Nodes;
using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Verification;
using SrcNetInfra.Tests.Support;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// <c>srcnet verify --stack campaign</c> (stacks/Pulumi.campaign.yaml: 9 points in namespace
/// srcnet-campaign, products [dirty]) end to end. Faked: the Kubernetes API server (HTTP and the exec
/// WebSocket, see <see cref="FakeApiServer"/>). There is no cluster, Job controller, kubelet, Kueue or
/// ingestor: the Indexed Job is the one Core plans, its status (completedIndexes, failedIndexes) and
/// its pods are written as the Job controller and the kubelet would report them, and the ingestor's
/// /tmp/ingest is a temporary directory.
/// </summary>
public class VerifyCampaignTests
{
    private const string Ns = "srcnet-campaign";
    private static readonly IReadOnlyList<PlannedPoint> Points = CampaignPoints.For(Campaign.Spec);

    /// <summary>The campaign's namespace with the ingestor running, and no campaign yet.</summary>
    private static async Task<VerifyHarness> CampaignNamespace()
    {
        var h = (await VerifyHarness.Start()).WithIngestAreas();
        h.Server.Namespaces.Add(Namespace(Ns));
        h.Server.Pods.Add(IngestorPod(Ns));
        return h;
    }

    /// <summary>The namespace with the ingestor running and the campaign's Job, its status set by <paramref name="status"/>.</summary>
    private static async Task<(VerifyHarness Harness, V1Job Job)> CampaignCluster(Action<V1Job>? status = null)
    {
        var h = await CampaignNamespace();
        var (job, _) = CampaignJob();
        status?.Invoke(job);
        h.Server.Jobs.Add(job);
        return (h, job);
    }

    /// <summary>Point <paramref name="index"/>'s dirty image and its metadata in an area of the ingest claim.</summary>
    private static void Ingested(VerifyHarness h, int index, string area = "processed")
    {
        var file = $"{area}/{Points[index].FilePrefix}dirty.fits";
        h.Put(file, file + ".meta");
    }

    /// <summary>Every point done, the Job complete, and every point's product in processed/.</summary>
    private static async Task<VerifyHarness> FinishedCampaign()
    {
        var (h, _) = await CampaignCluster(j =>
        {
            j.Status.CompletedIndexes = "0-8";
            j.Status.Conditions = [JobComplete()];
        });
        for (var i = 0; i < 9; i++) Ingested(h, i);
        return h;
    }

    /// <summary>Points 0-6 done (6 of them ingested, one still in staging), 7 running, 8 failed: out of memory twice.</summary>
    private static async Task<(VerifyHarness Harness, V1Job Job)> MidCampaign()
    {
        var (h, job) = await CampaignCluster(j =>
        {
            j.Status.CompletedIndexes = "0-6";
            j.Status.FailedIndexes = "8";
            j.Status.Active = 1;
        });
        for (var i = 0; i <= 6; i++) h.Server.Pods.Add(PointPod(job, i, Succeeded()));
        h.Server.Pods.Add(PointPod(job, 7, Running()));
        h.Server.Pods.Add(PointPod(job, 8, OomKilled(), "aaaaa", minute: 1));
        h.Server.Pods.Add(PointPod(job, 8, OomKilled(), "bbbbb", minute: 5));
        for (var i = 0; i <= 5; i++) Ingested(h, i);
        Ingested(h, 6, "staging/testing");
        return (h, job);
    }

    [Fact]
    public async Task Points_whose_products_the_janitor_removed_after_retention_count_as_ingested()
    {
        // The campaign stack keeps processed products 30d (the default srcnet:retention.processed).
        // Points 0-4 still have theirs in processed; 5-7 ended 31 days ago and theirs are gone (expired);
        // point 8 ended 2 days ago and its product is gone too: that one is missing.
        var (h, job) = await CampaignCluster(j => j.Status.CompletedIndexes = "0-8");
        await using var _h = h;
        for (var i = 0; i <= 8; i++)
        {
            var status = Succeeded();
            status.ContainerStatuses[0].State.Terminated.FinishedAt = DateTime.UtcNow.AddDays(i == 8 ? -2 : -31);
            h.Server.Pods.Add(PointPod(job, i, status));
        }
        for (var i = 0; i <= 4; i++) Ingested(h, i);

        var run = await h.Verify("--stack", "campaign", "--json");

        Assert.True(run.ExitCode == 4, run.ToString());
        var points = JsonNode.Parse(run.Out)!["campaign"]!["points"]!.AsArray();
        string? StateOf(int index) => (string?)points[index]!["products"]![0]!["state"];
        Assert.Equal("ingested", StateOf(0));
        Assert.Equal("expired", StateOf(5));
        Assert.Equal("missing", StateOf(8));
        Assert.Contains("1 product(s) are missing", (string?)JsonNode.Parse(run.Out)!["message"]);
        Assert.Contains("8/9 products ingested", (string?)JsonNode.Parse(run.Out)!["message"]);
    }

    [Fact]
    public async Task A_failed_points_log_tail_is_shown_from_its_last_try()
    {
        var (h, job) = await MidCampaign();
        await using var _ = h;
        var lastTry = $"{job.Metadata.Name}-8-bbbbb";
        h.Server.Logs[$"{job.Metadata.Name}-8-aaaaa"] = "first try\n";
        h.Server.Logs[lastTry] = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"line {i}")) + "\nKilled\n";

        var text = await h.Verify("--stack", "campaign");
        var json = await h.Verify("--stack", "campaign", "--json");

        Assert.Contains($"log        last 20 lines of {lastTry} (point 8):\n  | line 12\n", text.Out);
        Assert.EndsWith("  | Killed", text.Out[..text.Out.IndexOf("verdict", StringComparison.Ordinal)].TrimEnd('\n'));
        Assert.DoesNotContain("first try", text.Out);
        var points = JsonNode.Parse(json.Out)!["campaign"]!["points"]!.AsArray();
        Assert.Equal("Killed", (string?)points[8]!["pod"]!["logTail"]!.AsArray()[^1]);
        // Only failed points' logs are read.
        Assert.Null(points[7]!["pod"]!["logTail"]);
        Assert.Empty(h.Server.RequestsTo($"/pods/{job.Metadata.Name}-7-x7k2p/log"));
    }

    [Fact]
    public async Task A_cluster_that_dropped_backoffLimitPerIndex_is_noted()
    {
        // An API server without the feature drops the unknown field from the stored Job, and the Job
        // controller then applies the Job-wide backoffLimit (default 6) to every point's failures.
        var (h, _) = await CampaignCluster(j =>
        {
            j.Spec.BackoffLimitPerIndex = null;
            j.Spec.BackoffLimit = 6;
            j.Status.Active = 3;
        });
        await using var _h = h;

        var run = await h.Verify("--stack", "campaign", "--json");

        var notes = JsonNode.Parse(run.Out)!["notes"]!.AsArray().Select(n => (string?)n).ToList();
        Assert.Contains(notes, n => n!.Contains("has no backoffLimitPerIndex: the cluster dropped it", StringComparison.Ordinal)
                                    && n.Contains("(backoffLimit 6)", StringComparison.Ordinal)
                                    && n.EndsWith("a campaign needs Kubernetes 1.29 or later", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_with_its_per_point_retries_gets_no_such_note()
    {
        var (h, _) = await CampaignCluster(j => j.Status.Active = 3);
        await using var _h = h;
        var run = await h.Verify("--stack", "campaign", "--json");
        Assert.DoesNotContain("backoffLimitPerIndex", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_under_way_exits_3_with_each_points_state_and_a_progress_line()
    {
        var (h, job) = await MidCampaign();
        await using var _ = h;

        var run = await h.Verify("--stack", "campaign");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"workload   Indexed Job {job.Metadata.Name} (", run.Out);
        Assert.Contains($"campaign   cosmos-grid: 9 points, 3 at once, point table {job.Metadata.Annotations[Annotations.CampaignPointTable]}", run.Out);
        Assert.Contains($"    0  done     {Points[0].ObsId}  dirty ingested", run.Out);
        Assert.Contains($"    6  done     {Points[6].ObsId}  dirty waiting", run.Out);
        Assert.Contains($"    7  running  {Points[7].ObsId}", run.Out);
        // The reason is the newest try's, from its pod.
        Assert.Contains($"    8  failed   {Points[8].ObsId}  failed (OOMKilled, exit code 137)", run.Out);
        Assert.Contains("progress   7/9 done, 1 running, 1 failed, 0 waiting; 6/9 products ingested", run.Out);
        // A failed point does not end the wait while others run: the campaign is still under way.
        Assert.Contains("verdict    in-progress: campaign cosmos-grid is running: 7/9 done", run.Out);

        // One listing of the ingest area, by the prefix every point's FILE_PREFIX starts with.
        var exec = Assert.Single(h.Server.ExecCommands);
        Assert.Contains("cosmos-grid-", exec);
        // The Job reads the stack file's own point table (same name, so same points): no ConfigMap is read.
        Assert.Empty(h.Server.RequestsTo($"/configmaps/{job.Metadata.Annotations[Annotations.CampaignPointTable]}"));
        // Only this campaign's Jobs are asked for.
        Assert.Contains(h.Server.Requests, r => r.Path.EndsWith("/jobs", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.Query).Contains("srcnet.skao.int/campaign=cosmos-grid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_has_every_point_its_pod_and_products_and_the_progress()
    {
        var (h, _) = await MidCampaign();
        await using var _h = h;

        var run = await h.Verify("--stack", "campaign", "--json");

        Assert.True(run.ExitCode == 3, run.ToString());
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("Job", (string?)json["workload"]!["kind"]);
        var campaign = json["campaign"]!;
        Assert.Equal("cosmos-grid", (string?)campaign["name"]);
        Assert.Equal(9, (int)campaign["total"]!);
        Assert.Equal(3, (int)campaign["parallelism"]!);
        var progress = campaign["progress"]!;
        Assert.Equal([7, 1, 1, 0, 0, 6, 9], new[] { "done", "running", "failed", "waiting", "stuck", "productsIngested", "productsExpected" }.Select(k => (int)progress[k]!));
        var points = campaign["points"]!.AsArray();
        Assert.Equal(9, points.Count);
        Assert.Equal(Points.Select(p => p.ObsId), points.Select(p => (string?)p!["obsId"]));
        Assert.Equal(["done", "done", "done", "done", "done", "done", "done", "running", "failed"], points.Select(p => (string?)p!["state"]));
        Assert.Equal("OOMKilled", (string?)points[8]!["pod"]!["reason"]);
        Assert.Equal(137, (int)points[8]!["pod"]!["exitCode"]!);
        Assert.EndsWith("-8-bbbbb", (string?)points[8]!["pod"]!["name"], StringComparison.Ordinal);
        Assert.Equal("ingested", (string?)points[0]!["products"]![0]!["state"]);
        Assert.Equal("waiting", (string?)points[6]!["products"]![0]!["state"]);
        Assert.Null(points[7]!["products"]);
        Assert.Equal("in-progress", (string?)json["verdict"]);
        Assert.Equal(3, (int)json["exitCode"]!);
    }

    [Fact]
    public async Task A_finished_campaign_with_every_product_ingested_exits_0()
    {
        await using var h = await FinishedCampaign();

        var run = await h.Verify("--stack", "campaign");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("progress   9/9 done, 0 running, 0 failed, 0 waiting; 9/9 products ingested", run.Out);
        Assert.Contains("verdict    succeeded: campaign cosmos-grid: every point is done and every selected product is ingested", run.Out);
    }

    [Fact]
    public async Task A_listing_of_more_than_a_mebibyte_is_read_whole()
    {
        // The listing holds every entry whose name starts with the prefix the points share: for a campaign of
        // thousands of points, products and their metadata, megabytes. (Here: older products of the campaign.)
        await using var h = await FinishedCampaign();
        var older = Directory.CreateDirectory(Path.Combine(h.IngestRoot, "staging", "testing")).FullName;
        for (var i = 0; i < 9000; i++) File.Create(Path.Combine(older, $"cosmos-grid-{i:x10}-SKAMID-Karabo-{new string('x', 80)}dirty.fits")).Dispose();

        // Listing 9,000 files takes seconds, many more on a loaded machine: not what is tested here.
        var run = await h.Verify("--stack", "campaign", "--timeout", "120s");

        Assert.True(run.ExitCode == 0, run.ToString()[..Math.Min(3000, run.ToString().Length)]);
        Assert.Contains("9/9 products ingested", run.Out);
    }

    [Fact]
    public async Task A_listing_beyond_what_verify_reads_is_an_error_not_missing_products()
    {
        await using var h = await FinishedCampaign();
        // A pod whose df floods its output: what follows the cut is never read as absent.
        h.Server.PodTools["df"] = "head -c 17000000 /dev/zero | tr '\\000' x; echo";

        var run = await h.Verify("--stack", "campaign");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is larger than 16 MiB, the most verify reads", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_that_ended_with_a_failed_point_exits_4_naming_it_and_why()
    {
        var (h, job) = await CampaignCluster(j =>
        {
            j.Status.CompletedIndexes = "0-7";
            j.Status.FailedIndexes = "8";
            j.Status.Conditions = [JobFailed("FailedIndexes", "Job has failed indexes")];
        });
        await using var _ = h;
        for (var i = 0; i < 8; i++) Ingested(h, i);
        h.Server.Pods.Add(PointPod(job, 8, OomKilled()));

        var run = await h.Verify("--stack", "campaign");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"verdict    failed: campaign Job {job.Metadata.Name} failed (FailedIndexes: Job has failed indexes); 8/9 done, 0 running, 1 failed", run.Out);
        Assert.Contains($"    8  failed   {Points[8].ObsId}  failed (OOMKilled, exit code 137)", run.Out);
    }

    [Fact]
    public async Task A_done_point_whose_product_is_in_failed_processing_fails_the_campaign_once_every_point_is_done()
    {
        var (h, _) = await CampaignCluster(j => j.Status.CompletedIndexes = "0-8");
        await using var _h = h;
        for (var i = 0; i < 8; i++) Ingested(h, i);
        Ingested(h, 8, "failed_processing");

        var run = await h.Verify("--stack", "campaign");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"    8  done     {Points[8].ObsId}  dirty failed", run.Out);
        Assert.Contains($"verdict    failed: ingestion of 1 product(s) failed, they are in failed_processing: {Points[8].FilePrefix}dirty.fits", run.Out);
    }

    [Fact]
    public async Task A_point_whose_pod_cannot_be_scheduled_exits_4_at_once()
    {
        const string message = "0/6 nodes are available: 6 Insufficient memory.";
        var (h, job) = await CampaignCluster(j => j.Status.CompletedIndexes = "0");
        await using var _ = h;
        Ingested(h, 0);
        h.Server.Pods.Add(PointPod(job, 1, Running()));
        h.Server.Pods.Add(PointPod(job, 2, Unschedulable(message)));

        var run = await h.Verify("--stack", "campaign");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"    2  stuck    {Points[2].ObsId}  cannot be scheduled: {message}", run.Out);
        Assert.Contains("progress   1/9 done, 1 running, 0 failed, 6 waiting, 1 stuck; 1/9 products ingested", run.Out);
        Assert.Contains($"verdict    failed: 1 point cannot start: point 2 ({Points[2].ObsId}) cannot be scheduled: {message}; the campaign cannot end", run.Out);
    }

    [Fact]
    public async Task With_run_only_that_point_is_reported_and_decides_the_exit_code()
    {
        var (h, _) = await MidCampaign();
        await using var _h = h;

        var done = await h.Verify("--stack", "campaign", "--run", Points[3].ObsId);
        var failed = await h.Verify("--stack", "campaign", "--run", Points[8].FilePrefix);
        var unknown = await h.Verify("--stack", "campaign", "--run", "cosmos-grid-0000000000_SKAMID_Karabo");

        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.Contains("progress   1/1 done, 0 running, 0 failed, 0 waiting; 1/1 products ingested", done.Out);
        Assert.DoesNotContain(Points[4].ObsId, done.Out);
        Assert.True(failed.ExitCode == 4, failed.ToString());
        Assert.Contains($"verdict    failed: 1 of 1 points failed: point 8 ({Points[8].ObsId}) failed (OOMKilled, exit code 137)", failed.Out);
        Assert.True(unknown.ExitCode == 4, unknown.ToString());
        Assert.Contains("verdict    failed: no point of campaign cosmos-grid has OBS_ID or FILE_PREFIX 'cosmos-grid-0000000000_SKAMID_Karabo'", unknown.Out);
    }

    [Fact]
    public async Task A_campaign_not_yet_deployed_exits_4()
    {
        await using var h = await CampaignNamespace();

        var run = await h.Verify("--stack", "campaign");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("verdict    failed: no campaign Job of stack campaign (", run.Out);
        Assert.Contains("not deployed (pulumi up)", run.Out);
    }

    [Fact]
    public async Task Points_a_changed_stack_file_no_longer_has_are_read_from_the_jobs_point_table()
    {
        // The Job was deployed from the stack as it is; the stack file now has a fourth RA value.
        var (h, job) = await CampaignCluster(j => j.Status.CompletedIndexes = "0-8");
        await using var _ = h;
        var (_, table) = CampaignJob();
        h.Server.Add(table);
        for (var i = 0; i < 9; i++) Ingested(h, i);
        var extended = Path.Combine(h.IngestRoot, "..", "Pulumi.campaign.yaml");
        File.WriteAllText(extended, File.ReadAllText(Repo.StackFile("campaign"))
            .Replace("phaseCenterRaDeg: [149.82, 150.12, 150.42]", "phaseCenterRaDeg: [149.82, 150.12, 150.42, 150.72]", StringComparison.Ordinal));

        var run = await h.Verify("--config-file", extended);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(h.Server.RequestsTo($"/configmaps/{table.Metadata.Name}"));
        Assert.Contains("progress   9/9 done", run.Out);

        // Without the right to read it, the points are unknown, and the report says what to grant.
        h.Server.Forbid = path => path.Contains("/configmaps/", StringComparison.Ordinal);
        var forbidden = await h.Verify("--config-file", extended);
        Assert.True(forbidden.ExitCode == 4, forbidden.ToString());
        Assert.Contains($"reads point table {table.Metadata.Name}, which is not the stack file's", forbidden.Out);
        Assert.Contains("the account needs get on configmaps in namespace srcnet-campaign", forbidden.Out);
    }

    [Fact]
    public async Task A_queued_campaign_waits_for_kueue_and_fails_where_the_cluster_has_none()
    {
        await using var h = await CampaignNamespace();
        var queued = StackBeside(h, File.ReadAllText(Repo.StackFile("campaign"))
            .Replace("    # queue: srcnet-campaigns\n", "    queue: srcnet-campaigns\n", StringComparison.Ordinal));
        var (job, table) = CampaignJob(queued.Env);
        h.Server.Jobs.Add(job);
        h.Server.Add(table);

        // The fake's discovery lists no kueue.x-k8s.io group: nothing will ever unsuspend the Job.
        var without = await h.Verify("--config-file", queued.Path);
        Assert.True(without.ExitCode == 4, without.ToString());
        Assert.Contains("serves no Kueue API (kueue.x-k8s.io): it never starts", without.Out);

        h.Server.ApiGroups.Add("kueue.x-k8s.io");
        var with = await h.Verify("--config-file", queued.Path);
        Assert.True(with.ExitCode == 3, with.ToString());
        Assert.Contains("campaign   cosmos-grid: 9 points, 3 at once, point table ", with.Out);
        Assert.Contains(", Kueue LocalQueue srcnet-campaigns, suspended", with.Out);
        Assert.Contains($"verdict    in-progress: campaign Job {job.Metadata.Name} waits for Kueue to admit it (LocalQueue srcnet-campaigns); 0/9 done, 0 running, 0 failed, 9 waiting", with.Out);
    }

    /// <summary>A stack file written beside the harness's ingest area (removed with it), checked as verify checks it.</summary>
    private static (Core.Validation.CheckedEnvironment Env, string Path) StackBeside(VerifyHarness h, string yaml)
    {
        var path = Path.Combine(h.IngestRoot, "..", "Pulumi.campaign.yaml");
        File.WriteAllText(path, yaml);
        var result = Core.Validation.EnvironmentCheck.RunFile(path);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return (result.Environment!, path);
    }
}
