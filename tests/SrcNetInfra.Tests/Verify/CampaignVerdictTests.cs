using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// The verdict on a campaign and its exit code, from plain observations (offline): 3 while points run
/// or wait, then 4 for failed points or products and 0 when every point is done and ingested; 4 at
/// once for what waiting cannot change.
/// </summary>
public class CampaignVerdictTests
{
    private static readonly VerifyTarget Target = VerifyTarget.For(Cluster.Campaign);
    private static readonly ClusterRef Server = new("https://k8s.example:6443", "chsrc");
    private static readonly IngestorObservation IngestorUp = new("core-1", new RunState(RunPhase.Running, "core-1", "Running", null, null, null, null));
    private static readonly RunState Oom = new(RunPhase.Failed, "pod-2", "Failed", "OOMKilled", 137, null, null);

    private static PointReport Point(int index, PointState state, ProductState? product = null, RunState? pod = null) =>
        new(new DeployedPoint(index, new RunIds($"c-{index}_o", $"c-{index}-"), ["dirty"]), state, pod,
            product is { } p ? [new ProductStatus("dirty", $"c-{index}-dirty.fits", p, null, null)] : null);

    private static Verdict Decide(IReadOnlyList<PointReport>? points, bool suspended = false, string? queue = null, bool? kueue = null,
        (string, string?)? jobFailed = null, IngestorObservation? ingestor = null, string? problem = null) =>
        Verdict.Decide(new VerifyObservation(Target, Server, NamespaceFound: true, JobName: "sweep-1", Ingestor: ingestor ?? IngestorUp,
            Campaign: new CampaignObservation("cosmos-grid", "sweep-points-1", 3, 3, suspended, queue, kueue, jobFailed, points, problem)));

    private static void Is(int exitCode, Verdict verdict, string contains)
    {
        Assert.Equal(exitCode, verdict.ExitCode);
        Assert.Contains(contains, verdict.Message);
    }

    [Fact]
    public void Every_point_done_and_ingested_is_0() =>
        Is(0, Decide([Point(0, PointState.Done, ProductState.Ingested), Point(1, PointState.Done, ProductState.Ingested)]),
            "every point is done and every selected product is ingested (2/2 done, 0 running, 0 failed, 0 waiting; 2/2 products ingested)");

    [Fact]
    public void Points_running_or_waiting_are_3_even_after_a_point_failed() =>
        Is(3, Decide([Point(0, PointState.Failed, pod: Oom), Point(1, PointState.Running), Point(2, PointState.Waiting)]),
            "campaign cosmos-grid is running: 0/3 done, 1 running, 1 failed, 1 waiting");

    [Fact]
    public void Failed_points_once_the_others_ended_are_4_naming_them() =>
        Is(4, Decide([Point(0, PointState.Done, ProductState.Ingested), Point(2, PointState.Failed, pod: Oom)]),
            "1 of 2 points failed: point 2 (c-2_o) failed (OOMKilled, exit code 137)");

    [Fact]
    public void A_stuck_point_is_4_at_once() =>
        Is(4, Decide([Point(0, PointState.Running), Point(1, PointState.Stuck, pod: new RunState(RunPhase.Unschedulable, "p", "Pending", "Unschedulable", null, "no node", null))]),
            "1 point cannot start: point 1 (c-1_o) cannot be scheduled: no node");

    [Fact]
    public void A_job_that_failed_as_a_whole_is_4_even_with_points_left() =>
        Is(4, Decide([Point(0, PointState.Failed, pod: Oom), Point(1, PointState.Waiting)], jobFailed: ("MaxFailedIndexesExceeded", "Job has exceeded the specified maximal number of failed indexes")),
            "campaign Job sweep-1 failed (MaxFailedIndexesExceeded: Job has exceeded the specified maximal number of failed indexes)");

    [Theory]
    [InlineData(ProductState.Waiting, 3, "waiting for the ingestor: 1 product(s) still in staging")]
    [InlineData(ProductState.Failed, 4, "ingestion of 1 product(s) failed, they are in failed_processing: c-1-dirty.fits")]
    [InlineData(ProductState.Missing, 4, "every point is done, but 1 product(s) are missing: c-1-dirty.fits")]
    public void Once_every_point_is_done_the_products_decide(ProductState product, int exitCode, string message) =>
        Is(exitCode, Decide([Point(0, PointState.Done, ProductState.Ingested), Point(1, PointState.Done, product)]), message);

    [Fact]
    public void Every_point_done_without_an_ingestor_is_4() =>
        Is(4, Verdict.Decide(new VerifyObservation(Target, Server, true, JobName: "sweep-1",
                Campaign: new CampaignObservation("cosmos-grid", "t", 1, 1, false, null, null, null, [Point(0, PointState.Done, ProductState.Ingested)]))),
            "no ingestor pod (core-...) in namespace srcnet-campaign");

    [Fact]
    public void A_suspended_job_waits_for_kueue_fails_without_it_and_without_a_queue()
    {
        IReadOnlyList<PointReport> waiting = [Point(0, PointState.Waiting)];
        Is(3, Decide(waiting, suspended: true, queue: "q", kueue: true), "waits for Kueue to admit it (LocalQueue q)");
        // Discovery could not be read: waiting may help.
        Is(3, Decide(waiting, suspended: true, queue: "q", kueue: null), "waits for Kueue to admit it (LocalQueue q)");
        Is(4, Decide(waiting, suspended: true, queue: "q", kueue: false), "serves no Kueue API (kueue.x-k8s.io): it never starts");
        Is(4, Decide(waiting, suspended: true), "is suspended and no Kueue queue admits it");
    }

    [Fact]
    public void No_campaign_job_or_an_unknown_point_table_is_4()
    {
        Is(4, Verdict.Decide(new VerifyObservation(Target, Server, true)), "no campaign Job of stack campaign");
        Is(4, Decide(null, problem: "ConfigMap x is not the point table"), "ConfigMap x is not the point table");
    }
}
