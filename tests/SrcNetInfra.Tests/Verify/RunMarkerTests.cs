using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>The first log line of every run, read back (offline: plain strings).</summary>
public class RunMarkerTests
{
    [Fact]
    public void The_marker_line_gives_both_ids()
    {
        var ids = RunMarker.Parse("srcnet-run: OBS_ID=20260501T130000Z_SKAMID_Karabo FILE_PREFIX=20260501T130000Z-SKAMID-Karabo\nSimulating\n");

        Assert.Equal(new RunIds("20260501T130000Z_SKAMID_Karabo", "20260501T130000Z-SKAMID-Karabo"), ids);
    }

    [Fact]
    public void Format_and_Parse_are_inverse()
    {
        var ids = new RunIds("1a2b3c4d_SKAMID_Karabo", "1a2b3c4d-SKAMID-Karabo");

        Assert.Equal(ids, RunMarker.Parse(RunMarker.Format(ids)));
        Assert.StartsWith(SimulationRun.RunMarker, RunMarker.Format(ids));
    }

    [Fact]
    public void The_marker_is_found_after_a_few_other_lines_and_with_CRLF()
    {
        Assert.NotNull(RunMarker.Parse("Defaulted container \"karabo\"\r\nsrcnet-run: OBS_ID=a FILE_PREFIX=b\r\n"));
    }

    [Fact]
    public void The_marker_far_down_the_log_is_not_taken()
    {
        var log = string.Concat(Enumerable.Repeat("noise\n", RunMarker.SearchLines)) + "srcnet-run: OBS_ID=a FILE_PREFIX=b\n";

        Assert.Null(RunMarker.Parse(log));
    }

    [Theory]
    [InlineData("")]
    [InlineData("srcnet-run: OBS_ID= FILE_PREFIX=b")]
    [InlineData("srcnet-run: OBS_ID=a")]
    [InlineData("srcnet-run: OBS_ID=a FILE_PREFIX=b;rm -rf /")]
    [InlineData("srcnet-run: OBS_ID=a FILE_PREFIX=$(id)")]
    [InlineData("srcnet-run: OBS_ID=a FILE_PREFIX=b*")]
    [InlineData("something else: OBS_ID=a FILE_PREFIX=b")]
    public void Anything_but_safe_ids_is_not_a_marker(string line)
    {
        // A prefix read from a cluster goes into a command in the ingestor's pod.
        Assert.Null(RunMarker.Parse(line));
    }

    [Fact]
    public void RunIds_match_either_id_exactly()
    {
        var ids = new RunIds("o", "p");

        Assert.True(ids.Matches("o"));
        Assert.True(ids.Matches("p"));
        Assert.False(ids.Matches("O"));
        Assert.False(ids.Matches("p-"));
    }
}
