using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// Room for the points still to run: their products stay in the ingest area, and the points running
/// at once add their temporary files. A claim that was big enough when the campaign was deployed can
/// fill since (another campaign, failed_processing/), and the campaign would fail mid-way.
/// </summary>
public class CampaignSpaceNeedTests
{
    private const long MB = 1_000_000;

    // Four points of 100 MB, 200 MB, 300 MB and 400 MB of products; 50 MB of temporary files per running point, 2 at once.
    private static readonly CampaignSpaceNeed Need = new([100 * MB, 200 * MB, 300 * MB, 400 * MB], 50 * MB, 2);

    private static PointReport Point(int index, PointState state) =>
        new(new DeployedPoint(index, new RunIds($"c-{index}_o", $"c-{index}-"), ["dirty"]), state, null, null);

    private static IngestAreaHealth Area(long freeBytes) =>
        new(null, null, new SpaceHealth(freeBytes, 10_000 * MB, 1 * MB), [], [], []);

    [Fact]
    public void Done_and_failed_points_need_nothing_more_the_others_their_products_and_the_running_points_temporary_files()
    {
        var points = new[] { Point(0, PointState.Done), Point(1, PointState.Failed), Point(2, PointState.Running), Point(3, PointState.Waiting) };
        Assert.Equal((300 * MB + 400 * MB + 2 * 50 * MB, 2), Need.Remaining(points));
    }

    [Fact]
    public void One_point_left_runs_alone()
    {
        Assert.Equal((400 * MB + 50 * MB, 1), Need.Remaining([Point(0, PointState.Done), Point(3, PointState.Stuck)]));
        Assert.Equal((0, 0), Need.Remaining([Point(0, PointState.Done), Point(1, PointState.Failed)]));
    }

    [Fact]
    public void Too_little_free_space_for_the_points_still_to_run_is_a_space_warning()
    {
        var points = new[] { Point(0, PointState.Done), Point(2, PointState.Running), Point(3, PointState.Waiting) };
        var area = Need.WithRemaining(Area(500 * MB), points);

        var finding = Assert.Single(area.Findings);
        Assert.Equal("space", finding.Kind);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.StartsWith("the campaign's 2 point(s) still to run need about 800 MB more on the ingest claim", finding.Message, StringComparison.Ordinal);
        Assert.Contains("but 500 MB is free: the claim would fill before the campaign ends", finding.Message, StringComparison.Ordinal);
        Assert.Equal(HealthWord.Attention, area.Word);
    }

    [Fact]
    public void Enough_room_or_an_unread_df_adds_nothing()
    {
        var points = new[] { Point(2, PointState.Running), Point(3, PointState.Waiting) };
        Assert.Empty(Need.WithRemaining(Area(800 * MB), points).Findings);
        var unread = new IngestAreaHealth(null, null, null, [], [], ["the free space (df -Pk)"]);
        Assert.Same(unread, Need.WithRemaining(unread, points));
    }
}
