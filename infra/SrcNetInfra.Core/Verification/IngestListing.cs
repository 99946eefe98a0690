namespace SrcNetInfra.Core.Verification;

/// <summary>One entry found in the ingest area: a file (or the MeasurementSet's directory) and its area.</summary>
public sealed record ListedEntry(IngestArea Area, string Path)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}

/// <summary>
/// What the ingestor's pod holds of one run: every entry under staging, processed and
/// failed_processing whose name starts with the run's FILE_PREFIX, from one command run in the pod.
/// </summary>
/// <param name="AbsentAreas">Areas whose directory does not exist in the pod: a sign that the
/// ingestor's layout differs from the one inferred (docs/ingestor.md#what-is-inferred), or that nothing was ever staged.</param>
public sealed record IngestListing(IReadOnlyList<ListedEntry> Entries, IReadOnlyList<IngestArea> AbsentAreas)
{
    /// <summary>The directory header the command prints before each area's entries.</summary>
    public const string AreaHeader = "== ";
    public const string AbsentLine = "!! absent";

    /// <summary>
    /// How deep below an area entries are looked for. Staging holds <c>&lt;scope&gt;/&lt;file&gt;</c>
    /// (the workflow appends the Rucio scope to OUT_DIR); how processed and failed_processing are laid
    /// out is not documented, so a few levels more are searched.
    /// </summary>
    public const int SearchDepth = 4;

    /// <summary>The shell script the command runs: <c>$1</c> the prefix, then the areas' directories.</summary>
    /// <remarks>
    /// The prefix and the directories are arguments, never part of the script's text, so no value is
    /// ever parsed by the shell; <c>"$p*"</c> is a quoted find pattern. Missing directories are
    /// reported, not errors, and the script always exits 0 so that its output is the only answer.
    /// </remarks>
    public static readonly string Script =
        "p=\"$1\"; shift; " +
        "for d in \"$@\"; do " +
        $"echo \"{AreaHeader}$d\"; " +
        $"if [ -d \"$d\" ]; then find \"$d\" -maxdepth {SearchDepth} -name \"$p*\" 2>/dev/null; else echo '{AbsentLine}'; fi; " +
        "done; exit 0";

    /// <summary>The command (argv) that lists a run's entries in the given area directories.</summary>
    public static IReadOnlyList<string> Command(string filePrefix, VerifyTarget target) =>
        ["/bin/sh", "-c", Script, "srcnet-verify", filePrefix, .. target.IngestDirs];

    /// <summary>Reads the command's output. Lines before the first header or under unknown headers are ignored.</summary>
    public static IngestListing Parse(string output, VerifyTarget target)
    {
        var areas = new Dictionary<string, IngestArea>(StringComparer.Ordinal)
        {
            [target.StagingDir] = IngestArea.Staging,
            [target.ProcessedDir] = IngestArea.Processed,
            [target.FailedDir] = IngestArea.Failed,
        };
        var entries = new List<ListedEntry>();
        var absent = new List<IngestArea>();
        IngestArea? current = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(AreaHeader, StringComparison.Ordinal))
            {
                current = areas.TryGetValue(line[AreaHeader.Length..], out var area) ? area : null;
            }
            else if (current is { } area && line == AbsentLine)
            {
                absent.Add(area);
            }
            else if (current is { } a && line.Length > 0)
            {
                entries.Add(new ListedEntry(a, line));
            }
        }
        return new IngestListing(entries, absent);
    }
}
