using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SrcNetInfra.Core.Plan;
using static SrcNetInfra.Tests.Scripts.ScriptSandbox;

namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// The janitor (Plan/Scripts/janitor.sh) under dash and busybox sh, on an ingest area whose ages
/// are set file by file: it removes expired products from processed/, expired run directories and
/// old ledger entries, logs each with the space it held and the total, never touches staging/ or
/// failed_processing/, and is safe to run twice at once.
/// </summary>
public partial class JanitorTests
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private static readonly DateTime ThreeHoursAgo = Now.AddHours(-3);
    private static readonly DateTime TenMinutesAgo = Now.AddMinutes(-10);

    /// <summary>What the janitor must remove (each one log line) and keep, relative to the ingest root.</summary>
    private static readonly string[] Removed =
    [
        "processed/testing/old-dirty.fits processed/testing/old-dirty.fits.meta",
        "processed/testing/old-vis.ms processed/testing/old-vis.ms.meta",
        "processed/flat.fits processed/flat.fits.meta",
        "processed/testing/orphan.fits",
        ".srcnet/runs/failed-old",
        ".srcnet/runs/killed-old",
        ".srcnet/runs/running-dead",
        ".srcnet/runs/handing-over-dead",
        ".srcnet/ledger/old-run",
    ];

    private static readonly string[] Kept =
    [
        "processed/testing/young-dirty.fits", "processed/testing/young-dirty.fits.meta",
        "processed/testing/late-meta.fits", "processed/testing/late-meta.fits.meta",
        "processed/testing/late-vis.ms/table.dat", "processed/testing/late-vis.ms.meta",
        "processed/testing/young-orphan.fits",
        "staging/testing/stuck.fits", "staging/testing/stuck.fits.meta",
        "failed_processing/testing/bad.fits", "failed_processing/testing/bad.fits.meta",
        ".srcnet/runs/failed-young/state", ".srcnet/runs/running-alive/heartbeat", ".srcnet/runs/weird/state",
        ".srcnet/ledger/young-run",
    ];

    /// <summary>
    /// An ingest area with products, run dirs and ledger entries of every kind. Retention 60m,
    /// failed runs 120m, stale after 30m, ledger 1d. Returns the bytes of the files to be removed.
    /// </summary>
    private static long Populate(ScriptSandbox sandbox)
    {
        long removedBytes = 0;
        void Put(string relative, int bytes, DateTime at, bool removed)
        {
            var path = sandbox.Write(relative, 0, at);
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(bytes)); // incompressible: du is at least the size
            File.SetLastWriteTimeUtc(path, at);
            if (removed) removedBytes += bytes;
        }
        void State(string run, string state, DateTime at, DateTime? heartbeat, bool removed)
        {
            Put($".srcnet/runs/{run}/out/testing/x.fits", 8192, at, removed);
            var file = sandbox.Write($".srcnet/runs/{run}/state", 0, at);
            File.WriteAllText(file, $"state={state}\nobs_id={run}\n");
            File.SetLastWriteTimeUtc(file, at);
            if (heartbeat is { } beat) sandbox.Write($".srcnet/runs/{run}/heartbeat", 0, beat);
        }

        Put("processed/testing/old-dirty.fits", 16384, ThreeHoursAgo, true);
        Put("processed/testing/old-dirty.fits.meta", 100, ThreeHoursAgo, true);
        Put("processed/testing/old-vis.ms/table.dat", 20000, ThreeHoursAgo, true);
        Put("processed/testing/old-vis.ms/ANTENNA/table.dat", 5000, ThreeHoursAgo, true);
        Put("processed/testing/old-vis.ms.meta", 100, ThreeHoursAgo, true);
        Put("processed/flat.fits", 4096, ThreeHoursAgo, true);
        Put("processed/flat.fits.meta", 100, ThreeHoursAgo, true);
        Put("processed/testing/orphan.fits", 3000, ThreeHoursAgo, true);
        Put("processed/testing/young-dirty.fits", 4096, TenMinutesAgo, false);
        Put("processed/testing/young-dirty.fits.meta", 100, TenMinutesAgo, false);
        // Old data whose metadata is younger: a product is as old as its metadata (written last).
        Put("processed/testing/late-meta.fits", 4096, ThreeHoursAgo, false);
        Put("processed/testing/late-meta.fits.meta", 100, TenMinutesAgo, false);
        Put("processed/testing/late-vis.ms/table.dat", 4096, ThreeHoursAgo, false);
        Put("processed/testing/late-vis.ms.meta", 100, TenMinutesAgo, false);
        Put("processed/testing/young-orphan.fits", 100, TenMinutesAgo, false);
        // Never the janitor's, however old.
        Put("staging/testing/stuck.fits", 4096, Now.AddDays(-3), false);
        Put("staging/testing/stuck.fits.meta", 100, Now.AddDays(-3), false);
        Put("failed_processing/testing/bad.fits", 4096, Now.AddDays(-3), false);
        Put("failed_processing/testing/bad.fits.meta", 100, Now.AddDays(-3), false);

        State("failed-old", "failed", ThreeHoursAgo, null, true);
        State("failed-young", "failed", Now.AddMinutes(-90), null, false);
        State("killed-old", "killed", ThreeHoursAgo, null, true);
        State("running-alive", "running", ThreeHoursAgo, Now, false);
        State("running-dead", "running", ThreeHoursAgo, Now.AddMinutes(-45), true);
        State("handing-over-dead", "handing-over", ThreeHoursAgo, Now.AddMinutes(-45), true);
        State("weird", "paused", ThreeHoursAgo, Now.AddDays(-1), false);
        Put(".srcnet/ledger/old-run", 100, Now.AddDays(-2), true);
        Put(".srcnet/ledger/young-run", 100, Now.AddHours(-1), false);

        sandbox.Environment[ContainerScripts.RetentionVariable] = "60m";
        sandbox.Environment[ContainerScripts.FailedRunRetentionVariable] = "120m";
        sandbox.Environment[ContainerScripts.StaleRunAfterVariable] = "30m";
        sandbox.Environment[ContainerScripts.LedgerRetentionVariable] = "1d";
        return removedBytes;
    }

    [GeneratedRegex(@"^srcnet-janitor: removed (?<paths>.+) \((?<bytes>\d+) bytes\): .+$")]
    private static partial Regex RemovedLine();

    [GeneratedRegex(@"^srcnet-janitor: done: removed (?<count>\d+) entries, freed (?<bytes>\d+) bytes")]
    private static partial Regex DoneLine();

    private static (string[] Paths, long Bytes)[] Removals(ScriptResult result) =>
        [.. result.OutLines.Select(l => RemovedLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["paths"].Value.Split(' '), long.Parse(m.Groups["bytes"].Value, CultureInfo.InvariantCulture)))];

    private static (int Count, long Bytes) Done(ScriptResult result)
    {
        var done = result.OutLines.Select(l => DoneLine().Match(l)).Single(m => m.Success);
        return (int.Parse(done.Groups["count"].Value, CultureInfo.InvariantCulture), long.Parse(done.Groups["bytes"].Value, CultureInfo.InvariantCulture));
    }

    private static void AssertOnlyExpiredEntriesAreGone(ScriptSandbox sandbox)
    {
        foreach (var entry in Removed.SelectMany(r => r.Split(' ')))
        {
            Assert.False(File.Exists(Path.Combine(sandbox.Root, entry)) || Directory.Exists(Path.Combine(sandbox.Root, entry)), $"{entry} is still there");
        }
        foreach (var entry in Kept) Assert.True(File.Exists(Path.Combine(sandbox.Root, entry)), $"{entry} was removed");
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Removes_exactly_what_expired_and_logs_each_removal_with_the_space_freed(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        var removedBytes = Populate(sandbox);
        var untouched = new[] { "staging", "failed_processing" }
            .SelectMany(area => FilesUnder(Path.Combine(sandbox.Root, area)).Select(f => Path.Combine(sandbox.Root, area, f)))
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var result = sandbox.Janitor();

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertOnlyExpiredEntriesAreGone(sandbox);
        Assert.All(untouched, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
        var removals = Removals(result);
        Assert.Equal(Removed.Order(StringComparer.Ordinal), removals.Select(r => string.Join(' ', r.Paths)).Order(StringComparer.Ordinal));
        var (count, freed) = Done(result);
        Assert.Equal(Removed.Length, count);
        Assert.Equal(removals.Sum(r => r.Bytes), freed);
        // du counts blocks: at least the bytes written, at most a few blocks more per file and directory.
        Assert.InRange(freed, removedBytes, removedBytes + 40 * 8192);
        Assert.Contains(result.OutLines, l => l.Contains("leaving .srcnet/runs/weird alone: unknown state 'paused'", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Two_janitors_at_once_remove_each_entry_once_and_both_succeed(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        Populate(sandbox);

        var first = sandbox.StartJanitor();
        var second = sandbox.StartJanitor();
        var results = new[] { first.Finish(), second.Finish() };

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        AssertOnlyExpiredEntriesAreGone(sandbox);
        var removals = results.SelectMany(Removals).ToArray();
        Assert.Equal(Removed.Order(StringComparer.Ordinal), removals.Select(r => string.Join(' ', r.Paths)).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(sandbox.Root, ".srcnet", "janitor.lock")), "the lock was left behind");
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_janitor_leaves_the_work_to_one_holding_the_lock(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        Populate(sandbox);
        var lockDir = Directory.CreateDirectory(Path.Combine(sandbox.Root, ".srcnet", "janitor.lock"));
        File.WriteAllText(Path.Combine(lockDir.FullName, "owner"), "janitor-28811-abcde since 2026-12-01T10:00:00Z\n");

        var result = sandbox.Janitor();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("another janitor is at work (janitor-28811-abcde since", Assert.Single(result.OutLines), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(sandbox.Root, "processed/testing/old-dirty.fits")));
        Assert.True(lockDir.Exists);
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_lock_left_by_a_janitor_killed_outright_is_taken_over_after_an_hour(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        var product = sandbox.Write("processed/testing/old.fits", 100, ThreeHoursAgo);
        sandbox.Write("processed/testing/old.fits.meta", 100, ThreeHoursAgo);
        sandbox.Environment[ContainerScripts.RetentionVariable] = "60m";
        var lockDir = Directory.CreateDirectory(Path.Combine(sandbox.Root, ".srcnet", "janitor.lock"));
        Directory.SetLastWriteTimeUtc(lockDir.FullName, Now.AddMinutes(-61));

        var result = sandbox.Janitor();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutLines, l => l.Contains("taking over a lock older than 60 minutes", StringComparison.Ordinal));
        Assert.False(File.Exists(product));
        Assert.False(Directory.Exists(lockDir.FullName));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void An_ingest_area_without_its_directories_is_nothing_to_do(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);

        var result = sandbox.Janitor();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((0, 0L), Done(result));
        Assert.Equal([".srcnet"], EntriesUnder(sandbox.Root));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_missing_ingest_root_is_an_error(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment[ContainerScripts.IngestRootVariable] = Path.Combine(sandbox.Dir, "not-mounted");

        var result = sandbox.Janitor();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is the claim mounted?", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ShellsAndDurations() =>
        ScriptShell.Each("90m", "12h", "999999d", "30", "0d", "030d", "1w", "1.5d", "1000000d", "1dd");

    /// <summary>The plan can check a retention with <see cref="ContainerScripts.IsDuration"/> before the janitor ever sees it.</summary>
    [SkippableTheory]
    [MemberData(nameof(ShellsAndDurations))]
    public void The_janitor_accepts_exactly_the_durations_ContainerScripts_accepts(string shell, string value)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment[ContainerScripts.FailedRunRetentionVariable] = value;

        var result = sandbox.Janitor();

        if (ContainerScripts.IsDuration(value))
        {
            Assert.True(result.ExitCode == 0, result.ToString());
        }
        else
        {
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("srcnet-janitor: error: SRCNET_FAILED_RUN_RETENTION '", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
            Assert.Empty(EntriesUnder(sandbox.Root));
        }
    }
}
