using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// The one command verify runs in the ingestor's pod, and how its output is read. Offline; the
/// script itself runs under dash and busybox in <see cref="IngestListingScriptTests"/>.
/// </summary>
public class IngestListingTests
{
    private static readonly VerifyTarget Dev = VerifyTarget.For(Cluster.Dev);
    private const string Prefix = "1a2b3c4d-SKAMID-Karabo";

    [Fact]
    public void The_command_is_the_fixed_script_and_every_value_an_argument()
    {
        var command = IngestListing.Command(Prefix, Dev);

        Assert.Equal(
            ["/bin/sh", "-c", IngestListing.Script, "srcnet-verify", Prefix, "meta", "600", "/tmp/ingest",
             "/tmp/ingest/staging", "/tmp/ingest/processed", "/tmp/ingest/failed_processing"],
            command);
        Assert.DoesNotContain(Prefix, IngestListing.Script);
        Assert.Contains("-name \"$prefix*\"", IngestListing.Script);
        Assert.Contains($"-maxdepth {IngestListing.SearchDepth}", IngestListing.Script);
        Assert.DoesNotContain('\r', IngestListing.Script);
    }

    [Fact]
    public void The_script_is_sent_without_its_comments_and_fits_a_proxys_request_line()
    {
        var url = string.Join("&", IngestListing.Command(Prefix, Dev).Select(a => "command=" + Uri.EscapeDataString(a)));

        Assert.DoesNotContain(IngestListing.Script.Split('\n'), l => l.TrimStart().StartsWith('#'));
        Assert.Contains("prefix=$1 suffix=$2 stuck=$3 root=$4 staging=$5 processed=$6 failed=$7\n", IngestListing.Script, StringComparison.Ordinal);
        Assert.InRange(url.Length, 1, 6 * 1024);
    }

    [Fact]
    public void Without_a_run_only_the_area_is_listed()
    {
        var command = IngestListing.Command(null, Dev);

        Assert.Equal("", command[4]);
    }

    [Theory]
    [InlineData("$(touch /tmp/pwned)")]
    [InlineData("x; rm -rf /tmp/ingest")]
    [InlineData("a b")]
    [InlineData("*")]
    [InlineData("x'y")]
    [InlineData("`id`")]
    [InlineData("")]
    public void A_prefix_the_config_would_not_allow_is_refused(string prefix)
    {
        // It would be an argument, not script text; but a pattern character would widen the search.
        Assert.Throws<ArgumentException>(() => IngestListing.Command(prefix, Dev));
    }

    [Fact]
    public void The_stuck_limit_is_ten_scans_and_at_least_ten_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), Dev.Limits.StuckAfter);
        Assert.Equal(5, Dev.Limits.ScanSeconds);
        Assert.Equal(TimeSpan.FromMinutes(10), IngestAreaLimits.StuckAfterFor(1));
        Assert.Equal(TimeSpan.FromMinutes(10), IngestAreaLimits.StuckAfterFor(60));
        Assert.Equal(TimeSpan.FromSeconds(6000), IngestAreaLimits.StuckAfterFor(600));
        var slow = Plan.PlanStacks.Env(("srcnet:ingestor.config.frequency", "120"));
        Assert.Equal("1200", IngestListing.Command(Prefix, VerifyTarget.For(slow))[6]);
    }

    [Fact]
    public void A_campaigns_next_run_needs_the_largest_ingest_peak_of_its_points()
    {
        // Scratch is sized for the point with the most scratch; the ingest area's next run is the point
        // that puts the most there: here the small MeasurementSet of point 1 against point 0's dirty image.
        var env = Plan.PlanStacks.Env(
            ("srcnet:workflow.mode", "campaign"),
            ("srcnet:scratch.mode", "emptyDir"),
            ("srcnet:campaign.name", "peaks"),
            ("srcnet:campaign.points", "[{numTimeStamps: 400, imagingNpixel: 16, products: [dirty]}, {numTimeStamps: 40, imagingNpixel: 16, products: [visibility]}]"));
        var points = env.Sizing.Campaign!.Points;
        Assert.Equal(0, env.Sizing.Campaign.LargestScratchPoint);
        Assert.True(points[1].IngestPeakBytes > points[0].IngestPeakBytes, $"{points[1].IngestPeakBytes} <= {points[0].IngestPeakBytes}");

        Assert.Equal(points[1].IngestPeakBytes, IngestAreaLimits.For(env).NextRunBytes);
    }

    [Fact]
    public void The_next_runs_need_is_the_estimates_ingest_peak()
    {
        Assert.Equal(Cluster.Dev.Sizing.Estimate.IngestPeakBytes, Dev.Limits.NextRunBytes);
        Assert.Equal(("7d", "3h", true), (Dev.Limits.FailedRuns, Dev.Limits.StaleRunAfter, Dev.Limits.JanitorEnabled));
    }

    [Fact]
    public void Output_is_read_per_area_and_absent_areas_are_noted()
    {
        var output = """
            ## now 1777636800
            == /tmp/ingest/staging
            /tmp/ingest/staging/testing/1a2b3c4d-SKAMID-Karabocleaned.fits
            == /tmp/ingest/processed
            /tmp/ingest/processed/testing/1a2b3c4d-SKAMID-Karabodirty.fits
            /tmp/ingest/processed/testing/1a2b3c4d-SKAMID-Karabodirty.fits.meta
            == /tmp/ingest/failed_processing
            !! absent
            ## staging
            1777636000 /tmp/ingest/staging/testing/1a2b3c4d-SKAMID-Karabocleaned.fits
            ## staging-count 1 1

            """;

        var listing = IngestListing.Parse(output, Dev);

        Assert.Equal(
            [
                new ListedEntry(IngestArea.Staging, "/tmp/ingest/staging/testing/1a2b3c4d-SKAMID-Karabocleaned.fits"),
                new ListedEntry(IngestArea.Processed, "/tmp/ingest/processed/testing/1a2b3c4d-SKAMID-Karabodirty.fits"),
                new ListedEntry(IngestArea.Processed, "/tmp/ingest/processed/testing/1a2b3c4d-SKAMID-Karabodirty.fits.meta"),
            ],
            listing.Entries);
        Assert.Equal([IngestArea.Failed], listing.AbsentAreas);
        Assert.Equal("1a2b3c4d-SKAMID-Karabodirty.fits", listing.Entries[1].Name);
        // The survey's lines are not a run's entries.
        var staging = listing.Survey!.Staging!;
        Assert.Equal((1, 1), (staging.Waiting, staging.WaitingTooLong));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1777636000), Assert.Single(staging.Oldest).Changed);
    }

    [Fact]
    public void Lines_outside_a_known_area_are_ignored()
    {
        var listing = IngestListing.Parse("motd\n== /elsewhere\n/elsewhere/x\n", Dev);

        Assert.Empty(listing.Entries);
        Assert.Empty(listing.AbsentAreas);
        Assert.Null(listing.Survey);
    }

    [Fact]
    public void A_custom_outDir_is_looked_for_where_the_ingestor_sees_it()
    {
        var env = Plan.PlanStacks.Env(("srcnet:workflow.outDir", "/ingest/staging/sub/"));

        Assert.Equal("/tmp/ingest/staging/sub", VerifyTarget.For(env).StagingDir);
    }
}
