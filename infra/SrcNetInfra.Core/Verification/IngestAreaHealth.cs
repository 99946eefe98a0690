using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Core.Verification;

/// <summary>The ingest area's health in one word: ok, attention (there are findings), unknown (a part could not be read).</summary>
public enum HealthWord
{
    Ok,
    Attention,
    Unknown,
}

/// <summary>An entry of the ingest area: its name below its area (e.g. <c>testing/x.fits</c>), its path in the pod, and how long it has been there.</summary>
public sealed record AgedEntry(string Name, string Path, TimeSpan? Age);

/// <summary>staging/&lt;scope&gt;/: the products waiting, and those waiting longer than <see cref="StuckAfter"/> (the oldest 20 named).</summary>
public sealed record StagingHealth(int Waiting, int Stuck, TimeSpan StuckAfter, IReadOnlyList<AgedEntry> StuckEntries);

/// <summary>failed_processing/: how many products, the oldest, and the names of the newest (at most 20; <see cref="More"/> not named).</summary>
public sealed record FailedProcessingHealth(int Count, AgedEntry? Oldest, IReadOnlyList<string> Names, int More);

/// <summary>The claim's free and total space against what the next run needs there at its peak.</summary>
public sealed record SpaceHealth(long FreeBytes, long TotalBytes, long NextRunBytes)
{
    public bool Enough => FreeBytes >= NextRunBytes;
}

/// <summary>
/// The ingest area's health beside one run's verdict (docs/verify.md#the-ingest-areas-health):
/// products stuck in staging, everything in failed_processing, free space against the next run's
/// needs, and run directories of failed, killed or dead runs. A part is null when it could not be
/// read; <see cref="Unread"/> says what and why. Never changes the verdict or the exit code.
/// </summary>
public sealed record IngestAreaHealth(
    StagingHealth? Staging,
    FailedProcessingHealth? FailedProcessing,
    SpaceHealth? Space,
    IReadOnlyList<Leftover>? Leftovers,
    IReadOnlyList<HealthFinding> Findings,
    IReadOnlyList<string> Unread)
{
    /// <summary>How many entries of a part a finding's message names.</summary>
    private const int NamedInMessage = 3;

    public HealthWord Word => Findings.Count > 0 ? HealthWord.Attention : Unread.Count > 0 ? HealthWord.Unknown : HealthWord.Ok;

    /// <summary>The word as the report and the JSON write it.</summary>
    public string WordName => VerifyWords.Health.Of(Word);

    /// <summary>Decides the area's health from what the listing saw and the stack's limits.</summary>
    public static IngestAreaHealth Decide(IngestAreaSurvey survey, VerifyTarget target)
    {
        var limits = target.Limits;
        var now = survey.Now;
        var findings = new List<HealthFinding>();
        var unread = new List<string>();
        TimeSpan? Since(DateTimeOffset at) => now is { } n ? n - at : null;
        AgedEntry Aged(AreaEntry e, string dir) => new(Below(e.Path, dir), e.Path, Since(e.Changed));

        // Without one of its tools the listing's counts and ages cannot be trusted (a missing stat
        // lists nothing, which would read as an empty area).
        if (survey.MissingTools.Count > 0)
            return new IngestAreaHealth(null, null, null, null, [],
                [$"the ingestor's pod has no {string.Join(", ", survey.MissingTools.Select(t => UserText.Show(t)))}, so the area cannot be read"]);
        if (now is null)
            unread.Add("how long entries have been there: the pod's clock (date +%s) gave no time");
        if (!survey.Complete)
            unread.Add("the listing ended early (its output was cut short or a command failed)");

        StagingHealth? staging = null;
        if (survey.Staging is { } s)
        {
            // The pod counted the late ones against its clock; the same rule names the oldest of them.
            var stuck = now is null ? [] : s.Oldest.Select(e => Aged(e, target.StagingDir)).Where(e => e.Age > limits.StuckAfter).ToList();
            staging = new StagingHealth(s.Waiting, now is null ? 0 : s.WaitingTooLong, limits.StuckAfter, stuck);
            if (staging.Stuck > 0) findings.Add(Stuck(staging, limits));
        }
        else unread.Add("staging");

        FailedProcessingHealth? failed = null;
        if (survey.Failed is { } f)
        {
            List<string> names = [.. f.Newest.Select(e => Below(e.Path, target.FailedDir))];
            failed = new FailedProcessingHealth(f.Count, f.Oldest is { } oldest ? Aged(oldest, target.FailedDir) : null, names, Math.Max(0, f.Count - names.Count));
            if (failed.Count > 0) findings.Add(Failed(failed));
        }
        else unread.Add("failed_processing");

        SpaceHealth? space = null;
        if (survey.Space is { } d)
        {
            space = new SpaceHealth(d.FreeBytes, d.TotalBytes, limits.NextRunBytes);
            if (!space.Enough) findings.Add(LowSpace(space));
        }
        else unread.Add("the free space (df -Pk)");

        List<Leftover>? leftovers = null;
        if (survey.Runs is { } r)
        {
            leftovers = [.. r.Listed.Select(dir => Leftover.Of(dir, target.RunsDir, now, limits)).OfType<Leftover>()];
            findings.AddRange(LeftoverFindings(leftovers, limits));
            if (r.Count > r.Listed.Count)
                unread.Add($"{r.Count - r.Listed.Count} of {r.Count} run directories (only the first {r.Listed.Count} are listed)");
        }
        else unread.Add("the run directories (.srcnet/runs/)");

        return new IngestAreaHealth(staging, failed, space, leftovers, findings, unread);
    }

    private static HealthFinding Stuck(StagingHealth s, IngestAreaLimits limits) =>
        new("stuck", FindingSeverity.Warning,
            $"{Products(s.Stuck)} waiting in staging longer than {DurationText.Format(s.StuckAfter.TotalSeconds)} " +
            $"(the ingestor scans it every {limits.ScanSeconds} s)" +
            (s.StuckEntries.Count > 0 ? $": {Some(s.StuckEntries.Select(e => $"{Show(e.Name)} ({Age(e.Age)})"), s.Stuck)}" : "") +
            "; is the ingestor running and able to reach Rucio? its log says why");

    private static HealthFinding Failed(FailedProcessingHealth f) =>
        new("failed-processing", FindingSeverity.Warning,
            $"failed_processing/ holds {Products(f.Count)} the ingestor could not ingest" +
            (f.Oldest is { } o ? $", the oldest {Show(o.Name)} for {Age(o.Age)}" : "") +
            (f.Count > 1 && f.Names.Count > 0 ? $" (newest: {Some(f.Names.Select(Show), f.Count)})" : "") + "; its log says why. " +
            "Nothing removes them (the janitor never touches failed_processing/): move or delete each once dealt with");

    private static HealthFinding LowSpace(SpaceHealth s) =>
        new("space", FindingSeverity.Warning,
            $"{StorageRequest.Human(s.FreeBytes)} free of {StorageRequest.Human(s.TotalBytes)} on the ingest claim, " +
            $"but the next run needs {StorageRequest.Human(s.NextRunBytes)} there at its peak (srcnet estimate, 'Ingest area, one run'): " +
            "it would fail when the claim fills up. Free space in processed/ (srcnet:retention.processed) or failed_processing/, " +
            "or enlarge the claim (srcnet:ingestor.persistence.size)");

    /// <summary>One finding per kind of leftover, naming a few.</summary>
    private static IEnumerable<HealthFinding> LeftoverFindings(IReadOnlyList<Leftover> leftovers, IngestAreaLimits limits)
    {
        var ended = leftovers.Where(l => l.Kind is LeftoverKind.Failed or LeftoverKind.Killed).ToList();
        if (ended.Count > 0)
        {
            var removal = limits.JanitorEnabled
                ? $"kept for inspection; the janitor removes each {limits.FailedRuns} (srcnet:retention.failedRuns) after its run ended"
                : "nothing removes them (srcnet:retention.enabled is false): remove each once looked at";
            yield return new("leftover", FindingSeverity.Notice,
                $"{Dirs(ended.Count)} of failed or killed runs in .srcnet/runs/: {Some(ended.Select(Ended), ended.Count)}; {removal}");
        }

        var stale = leftovers.Where(l => l.Kind == LeftoverKind.Stale).ToList();
        if (stale.Count > 0)
        {
            var removal = limits.JanitorEnabled
                ? "the janitor removes them on its next run"
                : "nothing removes them (srcnet:retention.enabled is false): remove each by hand";
            yield return new("leftover", FindingSeverity.Notice,
                $"{Dirs(stale.Count)} in .srcnet/runs/ without a heartbeat for longer than {limits.StaleRunAfter} (srcnet:retention.staleRunAfter): " +
                $"{Some(stale.Select(l => $"{Show(l.Name)} ({l.State ?? "no state"}, {Age(l.Age)} without a sign of life)"), stale.Count)}; " +
                $"their pods died outright; {removal}");
        }

        var unknown = leftovers.Where(l => l.Kind == LeftoverKind.Unknown).ToList();
        if (unknown.Count > 0)
        {
            yield return new("leftover", FindingSeverity.Notice,
                $"{Dirs(unknown.Count)} in .srcnet/runs/ in a state the run script does not write: " +
                $"{Some(unknown.Select(l => $"{Show(l.Name)} (state {UserText.Quote(l.State ?? "")})"), unknown.Count)}; " +
                "the janitor leaves them alone: look, then remove them by hand");
        }
    }

    private static string Ended(Leftover l)
    {
        var details = new List<string> { l.KindName };
        if (l.ExitCode is { } code) details.Add($"exit code {UserText.Show(code)}");
        if (l.Reason is { } reason) details.Add(UserText.Show(reason));
        details.Add($"{Age(l.Age)} ago");
        return $"{Show(l.Name)} ({string.Join(", ", details)})";
    }

    /// <summary>A few of the items, then how many more there are of <paramref name="total"/>.</summary>
    private static string Some(IEnumerable<string> items, int total)
    {
        var shown = items.Take(NamedInMessage).ToList();
        return total > shown.Count ? $"{string.Join(", ", shown)} and {total - shown.Count} more" : string.Join(", ", shown);
    }

    private static string Products(int n) => n == 1 ? "1 product" : $"{n} products";

    private static string Dirs(int n) => n == 1 ? "1 run directory" : $"{n} run directories";

    private static string Age(TimeSpan? age) => age is { } a ? DurationText.Format(a.TotalSeconds) : "unknown time";

    private static string Show(string name) => UserText.Show(name, UserText.ShownPath);

    /// <summary>The path below its area's directory, e.g. <c>testing/x.fits</c>.</summary>
    private static string Below(string path, string dir) =>
        path.StartsWith(dir + "/", StringComparison.Ordinal) ? path[(dir.Length + 1)..] : path;
}
