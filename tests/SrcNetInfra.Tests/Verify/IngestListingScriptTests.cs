using System.Diagnostics;
using SrcNetInfra.Core.Verification;
using SrcNetInfra.Tests.Scripts;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// The listing script (Verification/Scripts/ingest-listing.sh) run as the ingestor's pod would run
/// it, under dash with the Debian tools and under busybox sh with busybox's applets only, on a
/// temporary ingest area; its output is read back with <see cref="IngestListing.Parse"/>. Ages
/// come from the entries' ctime, which a test cannot set: a <c>date</c> on the PATH sets the pod's
/// clock ahead instead, which ages everything at once.
/// </summary>
public class IngestListingScriptTests
{
    private const string Prefix = "1a2b3c4d-SKAMID-Karabo";

    private sealed class Area : IDisposable
    {
        private readonly TempDir dir = new();
        private readonly string shims;

        public Area(string shell)
        {
            Shell = ScriptShell.Get(shell);
            Directory.CreateDirectory(Root);
            shims = Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "shims")).FullName;
            Target = VerifyTarget.For(Cluster.Dev) with
            {
                IngestRoot = Root,
                StagingDir = Root + "/staging",
                ProcessedDir = Root + "/processed",
                FailedDir = Root + "/failed_processing",
            };
        }

        public ScriptShell Shell { get; }
        public string Root => System.IO.Path.Combine(dir.Path, "ingest");
        public VerifyTarget Target { get; set; }

        /// <summary>Files (a name ending in .ms is made a MeasurementSet directory) below the ingest root.</summary>
        public void Put(params string[] relative)
        {
            foreach (var r in relative)
            {
                var path = System.IO.Path.Combine(Root, r);
                if (r.EndsWith(".ms", StringComparison.Ordinal))
                {
                    Directory.CreateDirectory(System.IO.Path.Combine(path, "ANTENNA"));
                    File.WriteAllText(System.IO.Path.Combine(path, "table.dat"), "");
                    continue;
                }
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "x");
            }
        }

        /// <summary>A run directory with a state file of these key=value lines (none: no state file).</summary>
        public void Run(string name, string? state, bool heartbeat = false)
        {
            var runDir = Directory.CreateDirectory(System.IO.Path.Combine(Root, ".srcnet", "runs", name)).FullName;
            if (state is not null) File.WriteAllText(System.IO.Path.Combine(runDir, "state"), state);
            if (heartbeat) File.WriteAllText(System.IO.Path.Combine(runDir, "heartbeat"), "pod\n");
        }

        /// <summary>The pod's clock, <paramref name="ahead"/> of this machine's.</summary>
        public void ClockAhead(TimeSpan ahead) =>
            Shim("date", $"echo {DateTimeOffset.UtcNow.Add(ahead).ToUnixTimeSeconds()}");

        private void Shim(string name, string body)
        {
            var path = System.IO.Path.Combine(shims, name);
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public (IngestListing Listing, ScriptResult Result) List(string? prefix, string? path = null) =>
            ListRaw(IngestListing.Command(prefix, Target).Skip(1).ToArray(), path);

        /// <summary>Runs <c>SHELL -c SCRIPT srcnet-verify ARGS</c> with a clean environment.</summary>
        public (IngestListing Listing, ScriptResult Result) ListRaw(string[] argsAfterShell, string? path = null)
        {
            var start = new ProcessStartInfo(Shell.Command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.Path };
            foreach (var arg in Shell.Command.Skip(1).Concat(argsAfterShell)) start.ArgumentList.Add(arg);
            start.Environment.Clear();
            start.Environment["PATH"] = path ?? shims + ":" + Shell.ToolPath;
            var result = new ScriptProcess(Process.Start(start)!, TimeSpan.FromSeconds(20)).Finish();
            Assert.True(result.ExitCode == 0, result.ToString());
            return (IngestListing.Parse(result.Out, Target), result);
        }

        public string FileUnderTest(string relative) => System.IO.Path.Combine(dir.Path, relative);

        public void Dispose() => dir.Dispose();
    }

    [Theory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void It_lists_the_runs_entries_a_few_levels_deep(string shell)
    {
        using var area = new Area(shell);
        area.Put($"staging/testing/{Prefix}dirty.fits", "staging/testing/other-SKAMID-Karabodirty.fits",
            $"processed/a/b/{Prefix}cleaned.fits", $"processed/a/b/c/d/{Prefix}too-deep.fits");

        var (listing, _) = area.List(Prefix);

        Assert.Equal([Prefix + "dirty.fits", Prefix + "cleaned.fits"], listing.Entries.Select(e => e.Name));
        Assert.Equal([IngestArea.Failed], listing.AbsentAreas);
    }

    [Theory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void It_surveys_staging_failed_processing_the_filesystem_and_the_run_directories(string shell)
    {
        using var area = new Area(shell);
        area.Put("staging/testing/a-dirty.fits", "staging/testing/a-dirty.fits.meta", "staging/testing/b-measurements.ms",
            "failed_processing/testing/c-dirty.fits", "failed_processing/testing/c-dirty.fits.meta",
            "failed_processing/testing/d-measurements.ms", "failed_processing/testing/d-measurements.ms.meta", "failed_processing/flat.fits");
        area.Run("r-failed", "state=failed\nobs_id=r-failed\npod=karabo-aastar-1-x\nexit_code=1\nreason=missing: x.fits\n");
        area.Run("r-running", "state=running\n", heartbeat: true);
        area.Run("r-bare", null);

        var (listing, result) = area.List(null);

        var survey = listing.Survey!;
        Assert.True(survey.Complete, result.ToString());
        Assert.Empty(survey.MissingTools);
        Assert.InRange(survey.Now!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        // Metadata files are not counted; a MeasurementSet is one product, not its tables.
        Assert.Equal(2, survey.Staging!.Waiting);
        Assert.Equal(0, survey.Staging.WaitingTooLong);
        Assert.Equal(["a-dirty.fits", "b-measurements.ms"], survey.Staging.Oldest.Select(e => Path.GetFileName(e.Path)).Order(StringComparer.Ordinal));
        Assert.Equal(3, survey.Failed!.Count);
        Assert.Equal(3, survey.Failed.Newest.Count);
        Assert.NotNull(survey.Failed.Oldest);
        Assert.Equal(["c-dirty.fits", "d-measurements.ms", "flat.fits"], survey.Failed.Newest.Select(e => Path.GetFileName(e.Path)).Order(StringComparer.Ordinal));
        // The real df of the temporary directory's filesystem.
        Assert.InRange(survey.Space!.TotalBytes, 1, long.MaxValue);
        Assert.InRange(survey.Space.FreeBytes, 0, survey.Space.TotalBytes);
        Assert.Equal(3, survey.Runs!.Count);
        var failed = survey.Runs.Listed.Single(r => r.Name == "r-failed");
        Assert.Equal(("failed", "1", "missing: x.fits", "karabo-aastar-1-x"), (failed.Field("state"), failed.Field("exit_code"), failed.Field("reason"), failed.Field("pod")));
        Assert.NotNull(failed.StateWritten);
        Assert.NotNull(failed.Modified);
        Assert.Null(failed.Heartbeat);
        Assert.NotNull(survey.Runs.Listed.Single(r => r.Name == "r-running").Heartbeat);
        var bare = survey.Runs.Listed.Single(r => r.Name == "r-bare");
        Assert.Empty(bare.State);
        Assert.Null(bare.StateWritten);
    }

    [Theory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Products_are_counted_as_late_only_after_the_stuck_limit_by_the_pods_clock(string shell)
    {
        using var area = new Area(shell);
        area.Put("staging/testing/a-dirty.fits", "staging/testing/a-dirty.fits.meta", "staging/other/b-cleaned.fits");

        area.ClockAhead(TimeSpan.FromMinutes(9));
        var (early, _) = area.List(null);
        area.ClockAhead(TimeSpan.FromMinutes(11));
        var (late, _) = area.List(null);

        Assert.Equal((2, 0), (early.Survey!.Staging!.Waiting, early.Survey.Staging.WaitingTooLong));
        Assert.Equal((2, 2), (late.Survey!.Staging!.Waiting, late.Survey.Staging.WaitingTooLong));
        var health = IngestAreaHealth.Decide(late.Survey, area.Target);
        Assert.Equal(["other/b-cleaned.fits", "testing/a-dirty.fits"], health.Staging!.StuckEntries.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Long_lists_are_cut_and_counted(string shell)
    {
        using var area = new Area(shell);
        area.Put([.. Enumerable.Range(0, 25).Select(i => $"staging/testing/s{i:00}.fits")]);
        area.Put([.. Enumerable.Range(0, 30).Select(i => $"failed_processing/testing/f{i:00}.fits")]);
        for (var i = 0; i < 55; i++) area.Run($"run-{i:00}", "state=failed\n");

        var (listing, result) = area.List(null);

        var survey = listing.Survey!;
        Assert.True(survey.Complete, result.ToString());
        Assert.Equal((25, 20), (survey.Staging!.Waiting, survey.Staging.Oldest.Count));
        Assert.Equal((30, 20), (survey.Failed!.Count, survey.Failed.Newest.Count));
        Assert.Equal((55, 50), (survey.Runs!.Count, survey.Runs.Listed.Count));
        Assert.InRange(result.Out.Length, 1, 64 * 1024);
    }

    [Theory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Values_with_shell_metacharacters_are_only_ever_data(string shell)
    {
        using var area = new Area(shell);
        const string hostile = "a $(touch pwned) `touch pwned2`; touch pwned3 'q' \"d\" *";
        var staging = area.Root + "/" + hostile;
        area.Put($"{hostile}/testing/{Prefix}dirty.fits", $"{hostile}/testing/{Prefix}dirty.fits.meta");
        area.Target = area.Target with { StagingDir = staging, MetadataSuffix = "meta; touch pwned4" };

        // The script with every value hostile, as it would run if Command did not refuse the prefix.
        var (listing, result) = area.ListRaw(["-c", IngestListing.Script, IngestListing.Name, "$(touch pwned5)", "meta; touch pwned4", "600", area.Root,
            staging, area.Root + "/processed", area.Root + "/failed_processing"]);
        var (ours, _) = area.List(Prefix);

        Assert.Empty(Directory.EnumerateFileSystemEntries(area.FileUnderTest(""), "pwned*"));
        Assert.DoesNotContain("pwned", result.Error, StringComparison.Ordinal);
        Assert.Empty(listing.Entries);
        // The hostile directory was searched as the directory it is.
        Assert.Equal([Prefix + "dirty.fits", Prefix + "dirty.fits.meta"], ours.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, ours.Survey!.Staging!.Waiting);
    }

    [Theory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Names_with_line_breaks_cannot_forge_lines_or_stop_the_survey(string shell)
    {
        // Anything that writes to the claim can name a file so that `stat` prints a line break and then
        // a line of the script's own protocol (a header, a count, a forged entry), or a word that the
        // shell's arithmetic would read (under bash as /bin/sh, x[$(cmd)] runs cmd).
        using var area = new Area(shell);
        area.Put("staging/testing/a-dirty.fits", "failed_processing/testing/c-dirty.fits");
        var forged = new[]
        {
            "staging/testing/s\n## end",
            "staging/testing/t\nx[$(touch\tpwned)] y",
            $"staging/testing/{Prefix}x\n1 {Prefix}cleaned.fits",
            "failed_processing/testing/f\n## failed-count 0",
            "failed_processing/testing/g\n1 /forged/entry",
        };
        area.Put(forged);
        area.Run("r\n## runs-count 0", "state=failed\n");

        var (listing, result) = area.List(Prefix);

        var survey = listing.Survey!;
        Assert.True(survey.Complete, result.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(area.FileUnderTest(""), "pwned*"));
        Assert.DoesNotContain("arithmetic", result.Error, StringComparison.Ordinal);
        // The real entries only, and the counts of what is really there.
        Assert.Empty(listing.Entries);
        Assert.Equal(1, survey.Staging!.Waiting);
        Assert.Equal("a-dirty.fits", Path.GetFileName(Assert.Single(survey.Staging.Oldest).Path));
        Assert.Equal(1, survey.Failed!.Count);
        Assert.Equal("c-dirty.fits", Path.GetFileName(Assert.Single(survey.Failed.Newest).Path));
        Assert.Equal(0, survey.Runs!.Count);
    }

    [Fact]
    public void A_pod_without_stat_or_date_says_so()
    {
        using var area = new Area(ScriptShell.DashName);
        area.Put("staging/testing/a-dirty.fits");
        var tools = Directory.CreateDirectory(area.FileUnderTest("tools")).FullName;
        foreach (var tool in new[] { "find", "sort", "head", "wc", "df" })
            File.CreateSymbolicLink(Path.Combine(tools, tool), Path.Combine("/usr/bin", tool));

        var (listing, result) = area.List(null, path: tools);

        Assert.Equal(["stat"], listing.Survey!.MissingTools);
        Assert.Null(listing.Survey.Now);
        Assert.True(listing.Survey.Complete, result.ToString());
        var health = IngestAreaHealth.Decide(listing.Survey, area.Target);
        Assert.Equal(HealthWord.Unknown, health.Word);
        Assert.Equal(["the ingestor's pod has no stat, so the area cannot be read"], health.Unread);
        Assert.Null(health.Staging);
    }
}
