using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// The ingest area's health decided from a survey, against the dev stack's limits: stuck after
/// 10 minutes (frequency 5 s), failed run dirs kept 7d, stale after 3h, the next run needs the
/// estimate's ingest peak (4.21 MB).
/// </summary>
public class IngestAreaHealthTests
{
    private static readonly VerifyTarget Dev = VerifyTarget.For(Cluster.Dev);
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Need = Dev.Limits.NextRunBytes;

    private static AreaEntry Staged(string name, TimeSpan age) => new($"/tmp/ingest/staging/{name}", Now - age);

    private static AreaEntry InFailed(string name, TimeSpan age) => new($"/tmp/ingest/failed_processing/{name}", Now - age);

    private static RunDirectory Run(string name, string? state, TimeSpan? stateAge = null, TimeSpan? heartbeatAge = null, TimeSpan? dirAge = null, params (string Key, string Value)[] fields)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state is not null) lines["state"] = state;
        foreach (var (k, v) in fields) lines[k] = v;
        return new RunDirectory(name, Now - (dirAge ?? TimeSpan.FromDays(1)), Now - stateAge, Now - heartbeatAge, lines);
    }

    /// <summary>A clean area: nothing waiting, failed_processing empty, plenty of space, no run dirs.</summary>
    private static IngestAreaSurvey Clean => new(
        Now, [],
        new StagingSurvey(0, 0, []),
        new FailedSurvey(0, null, []),
        new DiskSpace(100L << 30, 60L << 30),
        new RunsSurvey(0, []),
        Complete: true);

    [Fact]
    public void A_clean_area_is_ok()
    {
        var health = IngestAreaHealth.Decide(Clean, Dev);

        Assert.Equal(HealthWord.Ok, health.Word);
        Assert.Equal("ok", health.WordName);
        Assert.Empty(health.Findings);
        Assert.Empty(health.Unread);
        Assert.Equal(new SpaceHealth(60L << 30, 100L << 30, Need), health.Space);
        Assert.True(health.Space!.Enough);
        Assert.Equal((0, 0), (health.Staging!.Waiting, health.Staging.Stuck));
        Assert.Equal(0, health.FailedProcessing!.Count);
        Assert.Empty(health.Leftovers!);
    }

    [Fact]
    public void Products_waiting_longer_than_the_limit_are_stuck()
    {
        var survey = Clean with
        {
            Staging = new StagingSurvey(5, 4,
            [
                Staged("testing/a-dirty.fits", TimeSpan.FromHours(26)),
                Staged("testing/b-dirty.fits", TimeSpan.FromHours(2)),
                Staged("testing/c-dirty.fits", TimeSpan.FromMinutes(30)),
                Staged("testing/d-dirty.fits", TimeSpan.FromMinutes(10).Add(TimeSpan.FromSeconds(1))),
                Staged("testing/e-dirty.fits", TimeSpan.FromMinutes(10)),
            ]),
        };

        var health = IngestAreaHealth.Decide(survey, Dev);

        Assert.Equal(HealthWord.Attention, health.Word);
        Assert.Equal((5, 4), (health.Staging!.Waiting, health.Staging.Stuck));
        // Exactly the limit is not stuck yet.
        Assert.Equal(["testing/a-dirty.fits", "testing/b-dirty.fits", "testing/c-dirty.fits", "testing/d-dirty.fits"], health.Staging.StuckEntries.Select(e => e.Name));
        Assert.Equal(TimeSpan.FromHours(26), health.Staging.StuckEntries[0].Age);
        Assert.Equal("/tmp/ingest/staging/testing/a-dirty.fits", health.Staging.StuckEntries[0].Path);
        var finding = Assert.Single(health.Findings);
        Assert.Equal(("stuck", FindingSeverity.Warning), (finding.Kind, finding.Severity));
        Assert.Equal(
            "4 products waiting in staging longer than 10m 00s (the ingestor scans it every 5 s): " +
            "testing/a-dirty.fits (1d 02h), testing/b-dirty.fits (2h 00m), testing/c-dirty.fits (30m 00s) and 1 more; " +
            "is the ingestor running and able to reach Rucio? its log says why",
            finding.Message);
    }

    [Fact]
    public void Products_that_just_arrived_are_only_waiting()
    {
        var survey = Clean with { Staging = new StagingSurvey(2, 0, [Staged("testing/a-dirty.fits", TimeSpan.FromMinutes(9)), Staged("testing/b.fits", TimeSpan.FromSeconds(3))]) };

        var health = IngestAreaHealth.Decide(survey, Dev);

        Assert.Equal(HealthWord.Ok, health.Word);
        Assert.Equal((2, 0), (health.Staging!.Waiting, health.Staging.Stuck));
        Assert.Empty(health.Staging.StuckEntries);
    }

    [Fact]
    public void Everything_in_failed_processing_is_a_warning_with_its_oldest_and_names()
    {
        var newest = Enumerable.Range(0, 20).Select(i => InFailed($"testing/run{20 - i:00}-dirty.fits", TimeSpan.FromHours(i + 1))).ToList();
        var survey = Clean with { Failed = new FailedSurvey(23, InFailed("testing/first-dirty.fits", TimeSpan.FromDays(3)), newest) };

        var health = IngestAreaHealth.Decide(survey, Dev);

        var f = health.FailedProcessing!;
        Assert.Equal(23, f.Count);
        Assert.Equal(new AgedEntry("testing/first-dirty.fits", "/tmp/ingest/failed_processing/testing/first-dirty.fits", TimeSpan.FromDays(3)), f.Oldest);
        Assert.Equal(20, f.Names.Count);
        Assert.Equal("testing/run20-dirty.fits", f.Names[0]);
        Assert.Equal(3, f.More);
        var finding = Assert.Single(health.Findings);
        Assert.Equal(("failed-processing", FindingSeverity.Warning), (finding.Kind, finding.Severity));
        Assert.StartsWith("failed_processing/ holds 23 products the ingestor could not ingest, the oldest testing/first-dirty.fits for 3d 00h " +
                          "(newest: testing/run20-dirty.fits, testing/run19-dirty.fits, testing/run18-dirty.fits and 20 more); its log says why.", finding.Message);
        Assert.Contains("the janitor never touches failed_processing/", finding.Message);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    public void Free_space_below_the_next_runs_peak_is_a_warning(long spare, bool enough)
    {
        // Exactly the peak free is enough; a byte less is not.
        var health = IngestAreaHealth.Decide(Clean with { Space = new DiskSpace(1L << 30, Need + spare) }, Dev);

        Assert.Equal(enough, health.Space!.Enough);
        Assert.Equal(enough, health.Findings.Count == 0);
        if (enough) return;
        var finding = Assert.Single(health.Findings);
        Assert.Equal(("space", FindingSeverity.Warning), (finding.Kind, finding.Severity));
        Assert.StartsWith("4.21 MB free of 1.07 GB on the ingest claim, but the next run needs 4.21 MB there at its peak", finding.Message);
        Assert.Contains("srcnet:ingestor.persistence.size", finding.Message);
    }

    [Fact]
    public void Failed_and_killed_run_dirs_are_leftovers_kept_for_inspection()
    {
        var survey = Clean with
        {
            Runs = new RunsSurvey(2,
            [
                Run("r1_SKAMID_Karabo", "failed", stateAge: TimeSpan.FromHours(2), fields: [("exit_code", "1"), ("reason", "missing: r1dirty.fits"), ("pod", "karabo-aastar-r1-x")]),
                Run("r2_SKAMID_Karabo", "killed", stateAge: TimeSpan.FromDays(8), fields: [("exit_code", "143"), ("reason", "SIGTERM")]),
            ]),
        };

        var health = IngestAreaHealth.Decide(survey, Dev);

        Assert.Equal(
            [
                new Leftover("r1_SKAMID_Karabo", "/tmp/ingest/.srcnet/runs/r1_SKAMID_Karabo", LeftoverKind.Failed, "failed", TimeSpan.FromHours(2), "karabo-aastar-r1-x", "1", "missing: r1dirty.fits"),
                new Leftover("r2_SKAMID_Karabo", "/tmp/ingest/.srcnet/runs/r2_SKAMID_Karabo", LeftoverKind.Killed, "killed", TimeSpan.FromDays(8), null, "143", "SIGTERM"),
            ],
            health.Leftovers);
        var finding = Assert.Single(health.Findings);
        Assert.Equal(("leftover", FindingSeverity.Notice), (finding.Kind, finding.Severity));
        Assert.Equal(
            "2 run directories of failed or killed runs in .srcnet/runs/: r1_SKAMID_Karabo (failed, exit code 1, missing: r1dirty.fits, 2h 00m ago), " +
            "r2_SKAMID_Karabo (killed, exit code 143, SIGTERM, 8d 00h ago); kept for inspection; the janitor removes each 7d (srcnet:retention.failedRuns) after its run ended",
            finding.Message);
        Assert.Equal(HealthWord.Attention, health.Word);
    }

    [Fact]
    public void A_running_dir_is_a_leftover_only_once_its_last_sign_of_life_is_older_than_the_stale_limit()
    {
        var survey = Clean with
        {
            Runs = new RunsSurvey(6,
            [
                Run("alive", "running", stateAge: TimeSpan.FromHours(5), heartbeatAge: TimeSpan.FromMinutes(1)),
                Run("quiet", "running", stateAge: TimeSpan.FromHours(5), heartbeatAge: TimeSpan.FromHours(2)),
                Run("dead", "running", stateAge: TimeSpan.FromHours(5), heartbeatAge: TimeSpan.FromHours(4)),
                Run("dead-handing-over", "handing-over", stateAge: TimeSpan.FromHours(4)),
                Run("no-state-young", null, dirAge: TimeSpan.FromMinutes(1)),
                Run("no-state-old", null, dirAge: TimeSpan.FromHours(3).Add(TimeSpan.FromSeconds(1))),
            ]),
        };

        var health = IngestAreaHealth.Decide(survey, Dev);

        Assert.Equal(["dead", "dead-handing-over", "no-state-old"], health.Leftovers!.Select(l => l.Name));
        Assert.All(health.Leftovers!, l => Assert.Equal(LeftoverKind.Stale, l.Kind));
        Assert.Equal(TimeSpan.FromHours(4), health.Leftovers![0].Age);
        var finding = Assert.Single(health.Findings);
        Assert.Equal(FindingSeverity.Notice, finding.Severity);
        Assert.StartsWith("3 run directories in .srcnet/runs/ without a heartbeat for longer than 3h (srcnet:retention.staleRunAfter): " +
                          "dead (running, 4h 00m without a sign of life), dead-handing-over (handing-over, 4h 00m without a sign of life), no-state-old (no state, 3h 00m without a sign of life)", finding.Message);
        Assert.EndsWith("their pods died outright; the janitor removes them on its next run", finding.Message);
    }

    [Fact]
    public void A_state_the_run_script_does_not_write_is_a_leftover_the_janitor_leaves_alone()
    {
        var survey = Clean with { Runs = new RunsSurvey(1, [Run("weird", "paused\u001b[2J", stateAge: TimeSpan.FromMinutes(5))]) };

        var health = IngestAreaHealth.Decide(survey, Dev);

        Assert.Equal(LeftoverKind.Unknown, Assert.Single(health.Leftovers!).Kind);
        var finding = Assert.Single(health.Findings);
        Assert.Contains(@"weird (state 'paused\u001B[2J')", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("the janitor leaves them alone: look, then remove them by hand", finding.Message);
    }

    [Fact]
    public void Without_the_janitor_nothing_removes_leftovers_and_the_finding_says_so()
    {
        var env = Plan.PlanStacks.Env(("srcnet:retention.enabled", "false"));
        var target = VerifyTarget.For(env);
        var survey = Clean with { Runs = new RunsSurvey(1, [Run("r1", "failed", stateAge: TimeSpan.FromHours(1))]) };

        var finding = Assert.Single(IngestAreaHealth.Decide(survey, target).Findings);

        Assert.EndsWith("nothing removes them (srcnet:retention.enabled is false): remove each once looked at", finding.Message);
    }

    [Fact]
    public void What_could_not_be_read_makes_the_health_unknown_unless_something_needs_attention()
    {
        var blind = Clean with { Now = null, Space = null, Runs = new RunsSurvey(60, []), Complete = false };
        var blindWithFailures = blind with { Failed = new FailedSurvey(1, InFailed("x.fits", TimeSpan.FromHours(1)), [InFailed("x.fits", TimeSpan.FromHours(1))]) };

        var unknown = IngestAreaHealth.Decide(blind with { Staging = new StagingSurvey(1, 1, [Staged("testing/a.fits", TimeSpan.FromHours(1))]) }, Dev);
        var attention = IngestAreaHealth.Decide(blindWithFailures, Dev);

        Assert.Equal(HealthWord.Unknown, unknown.Word);
        // Without the pod's clock no age is known, so nothing is called stuck.
        Assert.Equal((1, 0), (unknown.Staging!.Waiting, unknown.Staging.Stuck));
        Assert.Equal(
            [
                "how long entries have been there: the pod's clock (date +%s) gave no time",
                "the listing ended early (its output was cut short or a command failed)",
                "the free space (df -Pk)",
                "60 of 60 run directories (only the first 0 are listed)",
            ],
            unknown.Unread);
        Assert.Equal(HealthWord.Attention, attention.Word);
        Assert.Null(attention.FailedProcessing!.Oldest!.Age);
    }
}
