using SrcNetInfra.Core.Duration;

namespace SrcNetInfra.Tests.Duration;

/// <summary>The stage times read out of a run's log, whatever else the log holds.</summary>
public class WorkflowLogTests
{
    private static double Seconds(string from, string to) =>
        (DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture) - DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture)).TotalSeconds;

    [Fact]
    public void A_finished_run_with_kubelet_timestamps_has_every_step_and_its_start_up()
    {
        var log = WorkflowLog.Parse(Logs.Read(Logs.ProdFinished));
        Assert.True(log.Finished);
        Assert.Null(log.StoppedIn);
        Assert.Equal("20261125T130000Z-x7k2p-SKAMID-Karabo", log.Ids?.FilePrefix);
        Assert.Equal(
            [RunStage.Startup, RunStage.Simulation, RunStage.DirtyImage, RunStage.DirtyMetadata, RunStage.CleanedImage, RunStage.CleanedMetadata],
            log.Stages.Select(s => s.Stage));
        var d = log.Durations;
        // From the marker's kubelet time to the workflow's first line.
        Assert.Equal(Seconds("2026-11-25 13:00:41.1182305", "2026-11-25 13:01:12.503122"), d[RunStage.Startup], 3);
        Assert.Equal(Seconds("2026-11-25 13:01:12.503122", "2026-11-25 13:04:02.117035"), d[RunStage.Simulation], 6);
        Assert.Equal(Seconds("2026-11-25 13:04:02.117035", "2026-11-25 13:05:01.640088"), d[RunStage.DirtyImage], 6);
        Assert.Equal(Seconds("2026-11-25 13:05:03.051275", "2026-11-25 13:12:38.409113"), d[RunStage.CleanedImage], 6);
        Assert.Equal(Seconds("2026-11-25 13:12:38.409113", "2026-11-25 13:12:40.220561"), d[RunStage.CleanedMetadata], 6);
        Assert.Equal(new DateTime(2026, 11, 25, 13, 1, 12, 503, DateTimeKind.Utc).AddTicks(1220), log.StartedAt);
    }

    [Fact]
    public void A_run_that_failed_mid_way_has_the_steps_it_finished()
    {
        var log = WorkflowLog.Parse(Logs.Read(Logs.ProdFailed));
        Assert.False(log.Finished);
        Assert.Equal(RunStage.CleanedImage, log.StoppedIn);
        Assert.Equal([RunStage.Startup, RunStage.Simulation, RunStage.DirtyImage, RunStage.DirtyMetadata], log.Durations.Keys.Order());
        Assert.Null(log.Stages.Single(s => s.Stage == RunStage.CleanedImage).End);
    }

    [Fact]
    public void A_GPU_run_saved_without_timestamps_has_no_start_up()
    {
        var log = WorkflowLog.Parse(Logs.Read(Logs.DevGpu));
        Assert.True(log.Finished);
        Assert.Equal("1a2b3c4d_SKAMID_Karabo", log.Ids?.ObsId);
        Assert.Equal([RunStage.Simulation, RunStage.DirtyImage, RunStage.DirtyMetadata], log.Durations.Keys);
        // "12:01:02" has no fraction: str(datetime) leaves out a zero microsecond.
        Assert.Equal(29.442981, log.Durations[RunStage.Simulation], 6);
    }

    [Fact]
    public void Other_timestamped_lines_and_tracebacks_are_not_steps()
    {
        var log = WorkflowLog.Parse("""
            2026-05-01 12:00:00 Starting simulation
            2026-05-01 12:00:05.000001: Infos in degree: RA=150.12, DEC=2.21, FOV=1.07
            2026-05-01 12:00:06 Creating dirty images of everything
            Iteration 0, scale 0 px : 52.62 mJy at 1012,1007
            prefix 2026-05-01 12:00:07 Creating dirty image
            2026-05-01 12:01:00 Creating dirty image
            2026-05-01 12:02:00 Simulation workflow finished
            2026-05-01 12:03:00 Creating cleaned image
            """);
        Assert.Equal([RunStage.Simulation, RunStage.DirtyImage], log.Stages.Select(s => s.Stage));
        Assert.Equal(60, log.Durations[RunStage.Simulation]);
        Assert.Equal(60, log.Durations[RunStage.DirtyImage]);
        Assert.True(log.Finished);
    }

    [Fact]
    public void Windows_line_ends_and_a_missing_last_newline_do_not_matter()
    {
        var log = WorkflowLog.Parse("2026-05-01 12:00:00 Starting simulation\r\n2026-05-01 12:00:30.5 Simulation workflow finished");
        Assert.Equal(30.5, log.Durations[RunStage.Simulation]);
        Assert.True(log.Finished);
    }

    [Fact]
    public void A_clock_that_goes_back_leaves_that_step_out_with_a_note()
    {
        var log = WorkflowLog.Parse("2026-05-01 12:00:00 Starting simulation\n2026-05-01 11:59:00 Creating dirty image\n2026-05-01 12:01:00 Simulation workflow finished\n");
        Assert.False(log.Durations.ContainsKey(RunStage.Simulation));
        Assert.Equal(120, log.Durations[RunStage.DirtyImage]);
        Assert.Contains(log.Notes, n => n.Contains("simulation step ends before it starts", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_logged_twice_keeps_the_first_with_a_note()
    {
        var log = WorkflowLog.Parse("2026-05-01 12:00:00 Starting simulation\n2026-05-01 12:00:10 Starting simulation\n2026-05-01 12:00:20 Creating dirty image\n");
        Assert.Equal(10, log.Durations[RunStage.Simulation]);
        Assert.Contains(log.Notes, n => n.Contains("twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Clocks_that_disagree_leave_the_start_up_out()
    {
        // The container's clock an hour behind the kubelet's (a TZ set in the image, say).
        var log = WorkflowLog.Parse("2026-05-01T12:00:00Z srcnet-run: OBS_ID=a_SKAMID_Karabo FILE_PREFIX=a-SKAMID-Karabo\n2026-05-01T12:00:40Z 2026-05-01 11:00:30 Starting simulation\n");
        Assert.DoesNotContain(RunStage.Startup, log.Stages.Select(s => s.Stage));
        Assert.Contains(log.Notes, n => n.Contains("clocks disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void A_log_without_step_lines_has_no_stages()
    {
        var log = WorkflowLog.Parse("srcnet-run: OBS_ID=a_SKAMID_Karabo FILE_PREFIX=a-SKAMID-Karabo\nTraceback (most recent call last):\nFileNotFoundError: f\"OUT_DIR='/ingest/staging'\" (ingestion-dir) doesn't exist!\n");
        Assert.Empty(log.Stages);
        Assert.False(log.Finished);
        Assert.Equal("a-SKAMID-Karabo", log.Ids?.FilePrefix);
    }
}
