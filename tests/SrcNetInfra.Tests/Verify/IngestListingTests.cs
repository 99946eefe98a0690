using System.Diagnostics;
using SrcNetInfra.Core.Verification;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// The one command verify runs in the ingestor's pod, and how its output is read. Offline; one test
/// runs the script with the local /bin/sh on a temporary directory (no pod, no cluster).
/// </summary>
public class IngestListingTests
{
    private static readonly VerifyTarget Dev = VerifyTarget.For(Cluster.Dev);
    private const string Prefix = "1a2b3c4d-SKAMID-Karabo";

    [Fact]
    public void The_command_passes_the_prefix_and_the_areas_as_arguments_not_as_script_text()
    {
        var command = IngestListing.Command(Prefix, Dev);

        Assert.Equal(["/bin/sh", "-c", IngestListing.Script, "srcnet-verify", Prefix, "/tmp/ingest/staging", "/tmp/ingest/processed", "/tmp/ingest/failed_processing"], command);
        Assert.DoesNotContain(Prefix, IngestListing.Script);
        Assert.Contains("-name \"$p*\"", IngestListing.Script);
        Assert.Contains($"-maxdepth {IngestListing.SearchDepth}", IngestListing.Script);
    }

    [Fact]
    public void Output_is_read_per_area_and_absent_areas_are_noted()
    {
        var output = """
            == /tmp/ingest/staging
            /tmp/ingest/staging/testing/1a2b3c4d-SKAMID-Karabocleaned.fits
            == /tmp/ingest/processed
            /tmp/ingest/processed/testing/1a2b3c4d-SKAMID-Karabodirty.fits
            /tmp/ingest/processed/testing/1a2b3c4d-SKAMID-Karabodirty.fits.meta
            == /tmp/ingest/failed_processing
            !! absent

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
    }

    [Fact]
    public void Lines_outside_a_known_area_are_ignored()
    {
        var listing = IngestListing.Parse("motd\n== /elsewhere\n/elsewhere/x\n", Dev);

        Assert.Empty(listing.Entries);
        Assert.Empty(listing.AbsentAreas);
    }

    [Fact]
    public void A_custom_outDir_is_looked_for_where_the_ingestor_sees_it()
    {
        var env = Plan.PlanStacks.Env(("srcnet:workflow.outDir", "/ingest/staging/sub/"));

        Assert.Equal("/tmp/ingest/staging/sub", VerifyTarget.For(env).StagingDir);
    }

    [Fact]
    public void The_script_lists_what_find_finds_a_few_levels_deep()
    {
        using var dir = new TempDir();
        dir.Write("staging/testing/" + Prefix + "dirty.fits", "x");
        dir.Write("staging/testing/other-SKAMID-Karabodirty.fits", "x");
        dir.Write("processed/a/b/" + Prefix + "cleaned.fits", "x");
        dir.Write("processed/a/b/c/d/" + Prefix + "too-deep.fits", "x");
        var areas = new[] { "staging", "processed", "failed_processing" }.Select(a => Path.Combine(dir.Path, a)).ToArray();

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["-c", IngestListing.Script, "srcnet-verify", Prefix, .. areas]) start.ArgumentList.Add(arg);
        using var sh = Process.Start(start)!;
        var output = sh.StandardOutput.ReadToEnd();
        sh.WaitForExit();

        Assert.Equal(0, sh.ExitCode);
        var target = Dev with { StagingDir = areas[0], ProcessedDir = areas[1], FailedDir = areas[2] };
        var listing = IngestListing.Parse(output, target);
        Assert.Equal([Prefix + "dirty.fits", Prefix + "cleaned.fits"], listing.Entries.Select(e => e.Name));
        Assert.Equal([IngestArea.Failed], listing.AbsentAreas);
    }
}
