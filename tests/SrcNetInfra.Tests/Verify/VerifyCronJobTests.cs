using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// <c>srcnet verify --stack prod</c> (a CronJob stack, namespace datalake-ingestion, products
/// [dirty, cleaned]) end to end: a CronJob run's FILE_PREFIX is only in its log's first line.
/// Faked: the Kubernetes API server (see <see cref="FakeApiServer"/>); no real cluster, kubelet or ingestor.
/// </summary>
public class VerifyCronJobTests
{
    private const string Ns = "datalake-ingestion";

    private static async Task<VerifyHarness> ProdCluster(bool cronJob = true)
    {
        var h = (await VerifyHarness.Start()).WithIngestAreas();
        h.Server.Namespaces.Add(Namespace(Ns));
        h.Server.Pods.Add(IngestorPod(Ns));
        if (cronJob) h.Server.CronJobs.Add(ProdCronJob());
        return h;
    }

    /// <summary>A finished hourly run: its Job, its succeeded pod and its log starting with the marker.</summary>
    private static void AddRun(VerifyHarness h, int hour, k8s.Models.V1PodStatus? status = null)
    {
        var job = ProdRun(ProdCronJob(), hour);
        h.Server.Jobs.Add(job);
        var pod = PodOf(job, status ?? Succeeded());
        h.Server.Pods.Add(pod);
        h.Server.Logs[pod.Metadata.Name] = LogOf(ProdIds(hour), "Simulating", "Imaging");
    }

    private static void Ingested(VerifyHarness h, int hour, params string[] products)
    {
        var prefix = ProdIds(hour).FilePrefix;
        foreach (var p in products) h.Put($"processed/{prefix}{p}.fits", $"processed/{prefix}{p}.fits.meta");
    }

    [Fact]
    public async Task The_newest_run_is_found_through_the_CronJob_and_its_prefix_through_its_log()
    {
        await using var h = await ProdCluster();
        AddRun(h, 1);
        AddRun(h, 2);
        Ingested(h, 2, "dirty", "cleaned");

        var run = await h.Verify("--stack", "prod");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("CronJob karabo-aastar (0 * * * *)", run.Out);
        Assert.Contains($"FILE_PREFIX {ProdIds(2).FilePrefix}", run.Out);
        Assert.Contains(ProdIds(2).FilePrefix, Assert.Single(h.Server.ExecCommands));
        // The marker is read from the start of the log, with a small limit.
        Assert.Contains(h.Server.Requests, r => r.Path.EndsWith("/log", StringComparison.Ordinal) && r.Query.Contains("limitBytes=2048", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_picks_an_older_run_by_the_marker_in_its_log()
    {
        await using var h = await ProdCluster();
        AddRun(h, 1);
        AddRun(h, 2, Running());
        AddRun(h, 3, Running());
        Ingested(h, 1, "dirty", "cleaned");

        var run = await h.Verify("--stack", "prod", "--run", ProdIds(1).FilePrefix);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"job        {ProdRun(ProdCronJob(), 1).Metadata.Name}", run.Out);
        Assert.Contains($"OBS_ID {ProdIds(1).ObsId}", run.Out);
        // Newest first: the two newer runs' logs were read and did not match.
        Assert.Equal(3, h.Server.Requests.Count(r => r.Path.EndsWith("/log", StringComparison.Ordinal)));
        Assert.Contains(ProdIds(1).FilePrefix, Assert.Single(h.Server.ExecCommands));
    }

    [Fact]
    public async Task A_failed_ingestion_of_one_product_exits_4_naming_the_product()
    {
        await using var h = await ProdCluster();
        AddRun(h, 1);
        var prefix = ProdIds(1).FilePrefix;
        h.Put($"processed/{prefix}dirty.fits", $"processed/{prefix}dirty.fits.meta",
              $"failed_processing/{prefix}cleaned.fits", $"failed_processing/{prefix}cleaned.fits.meta");

        var run = await h.Verify("--stack", "prod");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"dirty      {prefix}dirty.fits    ingested", run.Out);
        Assert.Contains($"cleaned    {prefix}cleaned.fits  failed", run.Out);
        Assert.Contains($"verdict    failed: ingestion of cleaned ({prefix}cleaned.fits) failed", run.Out);
    }

    [Fact]
    public async Task No_run_yet_exits_3_and_says_when_the_next_one_starts()
    {
        await using var h = await ProdCluster();

        var run = await h.Verify("--stack", "prod");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Matches(@"verdict    in-progress: no run has started yet; next at \d{4}-\d\d-\d\d \d\d:00 UTC \(0 \* \* \* \*\)", run.Out);
        // Before the first run the area is still looked at: is there room for it?
        Assert.Equal("", Assert.Single(h.Server.ExecCommands)[4]);
        Assert.Contains($"(the next run needs {Core.Estimation.StorageRequest.Human(Prod.Sizing.Estimate.IngestPeakBytes)})", run.Out);
        Assert.Contains("health     ok", run.Out);
    }

    [Fact]
    public async Task A_CronJob_that_is_not_deployed_exits_4()
    {
        await using var h = await ProdCluster(cronJob: false);

        var run = await h.Verify("--stack", "prod");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("CronJob karabo-aastar not found in namespace datalake-ingestion", run.Out);
    }

    [Fact]
    public async Task A_run_whose_pod_is_gone_cannot_be_checked_and_exits_4()
    {
        await using var h = await ProdCluster();
        var job = ProdRun(ProdCronJob(), 1);
        job.Status.Conditions = [JobComplete()];
        h.Server.Jobs.Add(job);

        var run = await h.Verify("--stack", "prod");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("its FILE_PREFIX is unknown", run.Out);
    }
}
