using System.Text.Json;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Tests.Duration;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

/// <summary>
/// <c>srcnet estimate</c> of a campaign stack: each point, and the campaign as a whole at its
/// parallelism (scratch of the points at once, ingest of every point, the largest memory, and
/// with a calibration each point's duration and the campaign's).
/// </summary>
public class CampaignEstimateTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliRun.AtRoot(["estimate", "--stack", "campaign", "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void Every_point_is_estimated_and_the_totals_are_theirs()
    {
        var e = Json();
        var points = e.GetProperty("perPoint").EnumerateArray().ToList();
        Assert.Equal(9, e.GetProperty("points").GetInt32());
        Assert.Equal(9, points.Count);
        Assert.Equal(Enumerable.Range(0, 9), points.Select(p => p.GetProperty("index").GetInt32()));
        Assert.Equal(points.Sum(p => p.GetProperty("ingestBytes").GetInt64()), e.GetProperty("ingestBytes").GetInt64());
        Assert.Equal(points.Max(p => p.GetProperty("scratchBytes").GetInt64()), e.GetProperty("scratchBytesPerPoint").GetInt64());
        Assert.Equal(points.Max(p => p.GetProperty("memoryBytes").GetInt64()), e.GetProperty("memoryBytes").GetInt64());
        var values = points[0].GetProperty("values");
        Assert.Equal(("149.82", "1.91"), (values.GetProperty("phaseCenterRaDeg").GetString(), values.GetProperty("phaseCenterDecDeg").GetString()));
        Assert.StartsWith("cosmos-grid-", points[0].GetProperty("obsId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_parallelism_and_what_bounds_it_are_shown()
    {
        var e = Json();
        Assert.Equal(3, e.GetProperty("parallelism").GetInt32());
        Assert.True(e.GetProperty("parallelismAuto").GetBoolean());
        Assert.Equal("srcnet:quota.requestsCpu", e.GetProperty("parallelismBound").GetProperty("key").GetString());
        // 1Gi of node disk for each point running at once.
        Assert.Equal(3L << 30, e.GetProperty("scratchAtOnceBytes").GetInt64());

        var table = CliRun.AtRoot("estimate", "--stack", "campaign");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("3 point(s) at once (auto); bound: srcnet:quota.requestsCpu 8 holds 3 x 2", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_calibration_each_point_and_the_whole_campaign_have_a_duration()
    {
        using var dir = new TempDir();
        var path = dir.Write("seed-cpu.yaml", CalibrationFile.Write(Calibrations.Seed()));
        var e = Json("--calibration", path);

        var points = e.GetProperty("perPoint").EnumerateArray().ToList();
        var highs = points.Select(p => p.GetProperty("durationHighSeconds").GetDouble()).ToList();
        Assert.All(highs, h => Assert.True(h > 0));
        // 9 points, 3 at once, in index order on the first free slot.
        Assert.Equal(CampaignDuration.Makespan(highs, 3), e.GetProperty("durationHighSeconds").GetDouble(), 6);
        Assert.True(e.GetProperty("durationHighSeconds").GetDouble() < highs.Sum());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("durationHint").ValueKind);
    }

    [Fact]
    public void A_flag_for_one_run_is_refused_for_a_campaign()
    {
        var run = CliRun.AtRoot("estimate", "--stack", "campaign", "--npixel", "1024");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--npixel: applies to one run; the points of campaign stack campaign come from srcnet:campaign", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 10.0, 10, 10, 10 }, 2, 20)]
    [InlineData(new[] { 30.0, 10, 10, 10 }, 2, 30)]
    [InlineData(new[] { 10.0, 10, 10 }, 5, 10)]
    [InlineData(new[] { 5.0, 5, 5 }, 1, 15)]
    public void The_campaign_ends_when_its_last_point_does_with_points_started_in_order(double[] seconds, int slots, double end)
    {
        Assert.Equal(end, CampaignDuration.Makespan(seconds, slots));
    }
}
