using System.Globalization;
using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Verification;

/// <summary>An entry of the ingest area and when it last changed (its ctime: when it got where it is).</summary>
public sealed record AreaEntry(string Path, DateTimeOffset Changed);

/// <summary>staging/&lt;scope&gt;/: how many products wait, how many waited too long (by the pod's count), the oldest.</summary>
public sealed record StagingSurvey(int Waiting, int WaitingTooLong, IReadOnlyList<AreaEntry> Oldest);

/// <summary>failed_processing/: how many products it holds, the oldest, and the newest.</summary>
public sealed record FailedSurvey(int Count, AreaEntry? Oldest, IReadOnlyList<AreaEntry> Newest);

/// <summary>The claim's filesystem as <c>df -Pk</c> reports it: its size and what a non-root user may still write.</summary>
public sealed record DiskSpace(long TotalBytes, long FreeBytes);

/// <summary>
/// One run directory under .srcnet/runs/ (docs/handover.md#states): the key=value lines of its
/// state file and the modification times of the directory, its state file and its heartbeat.
/// </summary>
public sealed record RunDirectory(
    string Name,
    DateTimeOffset? Modified,
    DateTimeOffset? StateWritten,
    DateTimeOffset? Heartbeat,
    IReadOnlyDictionary<string, string> State)
{
    public string? Field(string key) => State.TryGetValue(key, out var value) ? value : null;
}

/// <summary>.srcnet/runs/: how many run directories there are, and the ones listed (the first 50).</summary>
public sealed record RunsSurvey(int Count, IReadOnlyList<RunDirectory> Listed);

/// <summary>
/// What the listing command (Scripts/ingest-listing.sh) saw of the whole ingest area, besides a
/// run's entries. A part is null when its lines are missing: a tool the pod lacks, or output cut short.
/// </summary>
/// <param name="Now">The pod's clock when the listing started; ages are measured against it.</param>
/// <param name="MissingTools">Tools the listing needs that the ingestor's pod does not have.</param>
/// <param name="Complete">The listing ran to its end.</param>
public sealed partial record IngestAreaSurvey(
    DateTimeOffset? Now,
    IReadOnlyList<string> MissingTools,
    StagingSurvey? Staging,
    FailedSurvey? Failed,
    DiskSpace? Space,
    RunsSurvey? Runs,
    bool Complete)
{
    /// <summary>The line every section starts with; a run's entries have their own headers (<see cref="IngestListing.AreaHeader"/>).</summary>
    public const string SectionHeader = "## ";

    public const string MissingToolPrefix = "!! missing ";

    /// <summary>
    /// Reads the listing's sections: <c>## now</c>, <c>## staging</c> (entries, then
    /// <c>## staging-count N LATE</c>), <c>## failed-count N</c>, <c>## failed-oldest</c>,
    /// <c>## failed-newest</c>, <c>## df</c>, <c>## run NAME</c> (times, then <c>| key=value</c>),
    /// <c>## runs-count N</c>, <c>## end</c>. Lines it does not know are ignored.
    /// </summary>
    public static IngestAreaSurvey Parse(IEnumerable<string> lines)
    {
        DateTimeOffset? now = null;
        var missing = new List<string>();
        var section = "";
        var staged = new List<AreaEntry>();
        StagingSurvey? staging = null;
        int? failedCount = null;
        AreaEntry? failedOldest = null;
        var failedNewest = new List<AreaEntry>();
        var df = new List<string>();
        var runs = new List<RunDirectory>();
        int? runCount = null;
        var complete = false;
        RunDirectory? run = null;

        void EndRun()
        {
            if (run is not null) runs.Add(run);
            run = null;
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(MissingToolPrefix, StringComparison.Ordinal))
            {
                missing.Add(line[MissingToolPrefix.Length..].Trim());
                continue;
            }
            if (line.StartsWith(IngestListing.AreaHeader, StringComparison.Ordinal))
            {
                // A run's entries: read by IngestListing.
                EndRun();
                section = "entries";
                continue;
            }
            if (line.StartsWith(SectionHeader, StringComparison.Ordinal))
            {
                EndRun();
                var words = line[SectionHeader.Length..].Split(' ', 2);
                var rest = words.Length > 1 ? words[1] : "";
                section = words[0];
                switch (section)
                {
                    case "now":
                        now = Time(rest);
                        break;
                    case "staging-count":
                        var counts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (counts.Length == 2 && Count(counts[0]) is { } waiting && Count(counts[1]) is { } late)
                            staging = new StagingSurvey(waiting, late, [.. staged]);
                        break;
                    case "failed-count":
                        failedCount = Count(rest);
                        break;
                    case "runs-count":
                        runCount = Count(rest);
                        break;
                    case "run":
                        run = new RunDirectory(rest, null, null, null, new Dictionary<string, string>(StringComparer.Ordinal));
                        break;
                    case "end":
                        complete = true;
                        break;
                }
                continue;
            }

            switch (section)
            {
                case "staging" when Entry(line) is { } entry:
                    staged.Add(entry);
                    break;
                case "failed-oldest" when Entry(line) is { } entry:
                    failedOldest ??= entry;
                    break;
                case "failed-newest" when Entry(line) is { } entry:
                    failedNewest.Add(entry);
                    break;
                case "df":
                    df.Add(line);
                    break;
                case "run" when run is not null:
                    run = WithLine(run, line);
                    break;
            }
        }
        EndRun();

        var failed = failedCount is { } count ? new FailedSurvey(count, failedOldest, failedNewest) : null;
        var runsSurvey = runCount is { } n ? new RunsSurvey(n, runs) : null;
        return new IngestAreaSurvey(now, missing, staging, failed, Df(df), runsSurvey, complete);
    }

    /// <summary>A run dir's line: <c>| key=value</c> from its state file, or <c>EPOCH PATH</c> of the dir, its state or its heartbeat.</summary>
    private static RunDirectory WithLine(RunDirectory run, string line)
    {
        if (line.StartsWith("| ", StringComparison.Ordinal))
        {
            var pair = line[2..].Split('=', 2);
            if (pair.Length < 2 || run.State.ContainsKey(pair[0])) return run;
            var state = new Dictionary<string, string>(run.State, StringComparer.Ordinal) { [pair[0]] = pair[1] };
            return run with { State = state };
        }
        if (Entry(line) is not { } entry) return run;
        if (entry.Path.EndsWith($"/{run.Name}/state", StringComparison.Ordinal)) return run with { StateWritten = entry.Changed };
        if (entry.Path.EndsWith($"/{run.Name}/heartbeat", StringComparison.Ordinal)) return run with { Heartbeat = entry.Changed };
        if (entry.Path.EndsWith($"/{run.Name}", StringComparison.Ordinal)) return run with { Modified = entry.Changed };
        return run;
    }

    /// <summary><c>EPOCH PATH</c> as stat prints it; null for anything else.</summary>
    private static AreaEntry? Entry(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == line.Length - 1) return null;
        return Time(line[..space]) is { } time ? new AreaEntry(line[(space + 1)..], time) : null;
    }

    private static DateTimeOffset? Time(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static int? Count(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// <c>df -Pk</c>'s header and line, as coreutils and busybox print them:
    /// <c>Filesystem 1024-blocks Used Available Capacity Mounted on</c>, then one line per
    /// filesystem (-P never wraps it). The block size is read from the header: with
    /// POSIXLY_CORRECT set, busybox counts 512-byte blocks even with -k.
    /// </summary>
    private static DiskSpace? Df(IReadOnlyList<string> lines)
    {
        if (lines.Count < 2) return null;
        var unit = BlockSize().Match(lines[0]);
        if (!unit.Success) return null;
        long blockBytes = long.Parse(unit.Groups[1].Value, CultureInfo.InvariantCulture) * (unit.Groups[2].Value == "K" ? 1024 : 1);
        var row = DfRow().Match(lines[1]);
        if (!row.Success) return null;
        try
        {
            var total = checked(long.Parse(row.Groups["total"].Value, CultureInfo.InvariantCulture) * blockBytes);
            var free = checked(long.Parse(row.Groups["free"].Value, CultureInfo.InvariantCulture) * blockBytes);
            return new DiskSpace(total, free);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\b([0-9]{1,7})(K?)-blocks\b")]
    private static partial Regex BlockSize();

    // From the right: the device's name may hold spaces; the mount point starts with '/'.
    [GeneratedRegex(@"^.*?\s+(?<total>[0-9]{1,19})\s+(?<used>[0-9]{1,19})\s+(?<free>[0-9]{1,19})\s+(?:[0-9]{1,3}%|-)\s+/.*$")]
    private static partial Regex DfRow();
}
