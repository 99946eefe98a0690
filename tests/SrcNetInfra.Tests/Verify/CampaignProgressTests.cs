using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Verification;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// A campaign's points from its Job's status, its pods and the ingest area's listing (offline, from
/// objects as the Job controller and the kubelet report them), and the point table read back.
/// </summary>
public class CampaignProgressTests
{
    private static readonly IReadOnlyList<DeployedPoint> Points =
        DeployedPoint.ParseTable(CampaignPoints.Table(CampaignPoints.For(Campaign.Spec)))!;

    [Theory]
    [InlineData("", new int[0])]
    [InlineData("0", new[] { 0 })]
    [InlineData("1,3-5,7", new[] { 1, 3, 4, 5, 7 })]
    [InlineData("0-2,x,4-a,6--7, 8", new[] { 0, 1, 2, 8 })]
    [InlineData("5-3", new int[0])]
    public void Completion_indexes_are_read_as_the_job_status_writes_them(string text, int[] expected) =>
        Assert.Equal(expected, CompletionIndexes.Parse(text, completions: 9).Order());

    [Fact]
    public void A_range_from_the_cluster_never_goes_beyond_the_jobs_completions()
    {
        Assert.Equal([7, 8], CompletionIndexes.Parse("7-2147483647", completions: 9).Order());
        Assert.Empty(CompletionIndexes.Parse("99999999999999", completions: 9));
    }

    [Fact]
    public void The_point_table_reads_back_as_written()
    {
        var planned = CampaignPoints.For(Campaign.Spec);
        Assert.Equal(planned.Select(p => (p.Index, p.ObsId, p.FilePrefix)), Points.Select(p => (p.Index, p.Ids.ObsId, p.Ids.FilePrefix)));
        Assert.All(Points, p => Assert.Equal(["dirty"], p.Products));
    }

    [Theory]
    [InlineData("index=1\tOBS_ID=a\tFILE_PREFIX=b\tSRCNET_PRODUCTS=dirty\n")]
    [InlineData("index=0\tOBS_ID=a b\tFILE_PREFIX=b\tSRCNET_PRODUCTS=dirty\n")]
    [InlineData("index=0\tOBS_ID=a\tFILE_PREFIX=b*\tSRCNET_PRODUCTS=dirty\n")]
    [InlineData("index=0\tOBS_ID=a\tFILE_PREFIX=b\tSRCNET_PRODUCTS=dirty,images\n")]
    [InlineData("index=0\tOBS_ID=a\tFILE_PREFIX=b\n")]
    [InlineData("not a table\n")]
    public void A_table_that_is_not_one_is_refused(string table) => Assert.Null(DeployedPoint.ParseTable(table));

    [Fact]
    public void Each_point_takes_its_state_from_the_jobs_indexes_and_its_newest_pod()
    {
        var (job, _) = CampaignJob();
        job.Status.CompletedIndexes = "0,1";
        job.Status.FailedIndexes = "2";
        var pods = new List<V1Pod>
        {
            PointPod(job, 0, Succeeded()),
            // Point 1 succeeded on its second try; the first pod's failure is history.
            PointPod(job, 1, OomKilled(), "aaaaa", minute: 1),
            PointPod(job, 1, Succeeded(), "bbbbb", minute: 5),
            PointPod(job, 2, OomKilled()),
            PointPod(job, 3, Running()),
            PointPod(job, 4, Creating()),
            // A failed try of a point with tries left: another pod follows.
            PointPod(job, 5, OomKilled()),
            PointPod(job, 6, Unschedulable("0/3 nodes are available")),
            PointPod(job, 7, new V1PodStatus
            {
                Phase = "Pending",
                ContainerStatuses = [Container(SimulationRun.ContainerName, waiting: new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = "not found" })],
            }),
            // A pod of another Job's index is not this Job's.
            PodOf(new V1Job { Metadata = new V1ObjectMeta { Name = "other" }, Spec = job.Spec }, Running()),
        };

        var reports = CampaignProgress.Points(job, Points, RunSelection.PodsOf(job, pods), listing: null, "meta");

        Assert.Equal(
            [PointState.Done, PointState.Done, PointState.Failed, PointState.Running, PointState.Running, PointState.Running, PointState.Stuck, PointState.Stuck, PointState.Waiting],
            reports.Select(r => r.State));
        Assert.Equal("failed (OOMKilled, exit code 137)", reports[2].Detail);
        Assert.Equal("pending (ContainerCreating)", reports[4].Detail);
        Assert.Equal("to be tried again; last try failed (OOMKilled, exit code 137)", reports[5].Detail);
        Assert.Equal("failed (ImagePullBackOff): not found", reports[7].Detail);
        Assert.Null(reports[8].Pod);
        // Without a listing, no product is looked for.
        Assert.All(reports, r => Assert.Null(r.Products));
    }

    [Fact]
    public void A_done_points_products_are_found_by_their_exact_names_in_the_listing()
    {
        var (job, _) = CampaignJob();
        job.Status.CompletedIndexes = "0-2";
        var p = Points.Select(x => x.Ids.FilePrefix).ToList();
        var listing = new IngestListing(
        [
            new(IngestArea.Processed, $"/tmp/ingest/processed/{p[0]}dirty.fits"),
            new(IngestArea.Processed, $"/tmp/ingest/processed/{p[0]}dirty.fits.meta"),
            new(IngestArea.Staging, $"/tmp/ingest/staging/testing/{p[1]}dirty.fits"),
            new(IngestArea.Staging, $"/tmp/ingest/staging/testing/{p[1]}dirty.fits.meta"),
            // Point 3 is not done: its products are not looked for even if some are there.
            new(IngestArea.Staging, $"/tmp/ingest/staging/testing/{p[3]}dirty.fits"),
        ], []);

        var reports = CampaignProgress.Points(job, Points, [], listing, "meta");

        Assert.Equal(ProductState.Ingested, Assert.Single(reports[0].Products!).State);
        Assert.Equal(ProductState.Waiting, Assert.Single(reports[1].Products!).State);
        Assert.Equal(ProductState.Missing, Assert.Single(reports[2].Products!).State);
        Assert.Null(reports[3].Products);
    }

    [Fact]
    public void The_ingest_area_is_listed_by_what_every_points_file_prefix_starts_with()
    {
        Assert.Equal("cosmos-grid-", CampaignProgress.ListingPrefix(Points));
        Assert.Equal(Points[4].Ids.FilePrefix, CampaignProgress.ListingPrefix([Points[4]]));
        Assert.Null(CampaignProgress.ListingPrefix([Points[0] with { Ids = new RunIds("a", "a-") }, Points[1] with { Ids = new RunIds("b", "b-") }]));
        Assert.Null(CampaignProgress.ListingPrefix([]));
    }
}
