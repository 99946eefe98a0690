using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>How the listing's survey sections are read back (the script's own output is in <see cref="IngestListingScriptTests"/>).</summary>
public class IngestAreaSurveyTests
{
    private static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    [Fact]
    public void Every_section_is_read()
    {
        var survey = IngestAreaSurvey.Parse(
        [
            "## now 1777640000",
            "## staging",
            "1777630000 /tmp/ingest/staging/testing/a.fits",
            "1777639000 /tmp/ingest/staging/testing/b with space.fits",
            "## staging-count 2 1",
            "## failed-count 3",
            "## failed-oldest",
            "1777000000 /tmp/ingest/failed_processing/old.fits",
            "## failed-newest",
            "1777600000 /tmp/ingest/failed_processing/new.fits",
            "1777500000 /tmp/ingest/failed_processing/mid.fits",
            "1777000000 /tmp/ingest/failed_processing/old.fits",
            "## df",
            "Filesystem     1024-blocks     Used Available Capacity Mounted on",
            "10.0.0.9:6789:/volumes/csi/x 1048576 524288 262144 67% /tmp/ingest",
            "## run 20260501T120000Z-x7k2p_SKAMID_Karabo",
            "1777630000 /tmp/ingest/.srcnet/runs/20260501T120000Z-x7k2p_SKAMID_Karabo",
            "1777631000 /tmp/ingest/.srcnet/runs/20260501T120000Z-x7k2p_SKAMID_Karabo/state",
            "| state=killed",
            "| exit_code=143",
            "| reason=SIGTERM",
            "## run state",
            "1777632000 /tmp/ingest/.srcnet/runs/state",
            "1777633000 /tmp/ingest/.srcnet/runs/state/heartbeat",
            "## runs-count 2",
            "## end",
        ]);

        Assert.Equal(At(1777640000), survey.Now);
        Assert.Empty(survey.MissingTools);
        Assert.True(survey.Complete);
        Assert.Equal((2, 1), (survey.Staging!.Waiting, survey.Staging.WaitingTooLong));
        Assert.Equal([new AreaEntry("/tmp/ingest/staging/testing/a.fits", At(1777630000)), new AreaEntry("/tmp/ingest/staging/testing/b with space.fits", At(1777639000))],
            survey.Staging.Oldest);
        Assert.Equal(3, survey.Failed!.Count);
        Assert.Equal(new AreaEntry("/tmp/ingest/failed_processing/old.fits", At(1777000000)), survey.Failed.Oldest);
        Assert.Equal(["new.fits", "mid.fits", "old.fits"], survey.Failed.Newest.Select(e => Path.GetFileName(e.Path)));
        Assert.Equal(new DiskSpace(1048576L * 1024, 262144L * 1024), survey.Space);
        Assert.Equal(2, survey.Runs!.Count);
        var killed = survey.Runs.Listed[0];
        Assert.Equal("20260501T120000Z-x7k2p_SKAMID_Karabo", killed.Name);
        Assert.Equal((At(1777630000), At(1777631000), (DateTimeOffset?)null), (killed.Modified, killed.StateWritten, killed.Heartbeat));
        Assert.Equal(("killed", "143", "SIGTERM"), (killed.Field("state"), killed.Field("exit_code"), killed.Field("reason")));
        // A run dir named "state" is still told apart from a state file.
        var odd = survey.Runs.Listed[1];
        Assert.Equal((At(1777632000), (DateTimeOffset?)null, At(1777633000)), (odd.Modified, odd.StateWritten, odd.Heartbeat));
    }

    [Fact]
    public void Missing_sections_are_null_and_a_cut_listing_is_incomplete()
    {
        var survey = IngestAreaSurvey.Parse(["## now ", "!! missing stat", "## staging", "## failed-count x"]);

        Assert.Null(survey.Now);
        Assert.Equal(["stat"], survey.MissingTools);
        Assert.Null(survey.Staging);
        Assert.Null(survey.Failed);
        Assert.Null(survey.Space);
        Assert.Null(survey.Runs);
        Assert.False(survey.Complete);
    }

    [Theory]
    [InlineData("Filesystem     1024-blocks     Used Available Capacity Mounted on", 1024)]
    [InlineData("Filesystem           1024-blocks    Used Available Capacity Mounted on", 1024)]
    [InlineData("Filesystem     1K-blocks     Used Available Use% Mounted on", 1024)]
    [InlineData("Filesystem           512-blocks      Used Available Capacity Mounted on", 512)]
    public void Df_is_read_in_the_block_size_its_header_names(string header, long block)
    {
        // coreutils df -Pk, busybox df -Pk, a df without -P, busybox with POSIXLY_CORRECT (512 even with -k).
        var survey = IngestAreaSurvey.Parse(["## df", header, "/dev/sdb1 2000000 1000000 800000 56% /tmp/ingest"]);

        Assert.Equal(new DiskSpace(2000000 * block, 800000 * block), survey.Space);
    }

    [Theory]
    [InlineData("df: /tmp/ingest: No such file or directory")]
    [InlineData("/dev/sdb1 2000000 1000000 800000 56% /tmp/ingest")]
    [InlineData("Filesystem 1024-blocks Used Available Capacity Mounted on\nnonsense")]
    [InlineData("Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/x 99999999999999999999 1 1 1% /")]
    public void Df_output_that_cannot_be_read_is_no_space_at_all(string output)
    {
        var survey = IngestAreaSurvey.Parse(["## df", .. output.Split('\n')]);

        Assert.Null(survey.Space);
    }
}
