namespace SrcNetInfra.Core.Verification;

/// <summary>One entry found in the ingest area: a file (or the MeasurementSet's directory) and its area.</summary>
public sealed record ListedEntry(IngestArea Area, string Path)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}

/// <summary>
/// What one command in the ingestor's pod saw: every entry under staging, processed and
/// failed_processing whose name starts with the run's FILE_PREFIX (when a run's products are
/// looked for), and the whole area's <see cref="Survey"/> for its health.
/// </summary>
/// <param name="AbsentAreas">Areas whose directory does not exist in the pod: a sign that the
/// ingestor's layout differs from the one inferred (docs/ingestor.md#what-is-inferred), or that nothing was ever staged.</param>
public sealed record IngestListing(IReadOnlyList<ListedEntry> Entries, IReadOnlyList<IngestArea> AbsentAreas, IngestAreaSurvey? Survey = null)
{
    /// <summary>The directory header the command prints before each area's entries.</summary>
    public const string AreaHeader = "== ";
    public const string AbsentLine = "!! absent";

    /// <summary>The first line the command prints, whatever the pod lacks: without it, the command did not run.</summary>
    public const string StartLine = "## now";

    /// <summary>The command's <c>$0</c>.</summary>
    public const string Name = "srcnet-verify";

    /// <summary>
    /// How deep below an area entries are looked for. Staging holds <c>&lt;scope&gt;/&lt;file&gt;</c>
    /// (the workflow appends the Rucio scope to OUT_DIR); how processed and failed_processing are laid
    /// out is not documented, so a few levels more are searched.
    /// </summary>
    public const int SearchDepth = 4;

    /// <summary>
    /// The shell script the command runs: Scripts/ingest-listing.sh without its comment and blank
    /// lines, because the command travels in the exec request's URL, and a proxy in front of an API
    /// server may refuse a long one (nginx's default buffer for a request line is 8 KiB). Every value
    /// reaches it as an argument, never as part of its text, so no value is ever parsed by the
    /// shell; in the script each is quoted (<c>"$prefix*"</c> is a quoted find pattern). It only
    /// reads, and always exits 0 so that its output is the only answer.
    /// </summary>
    public static readonly string Script = WithoutComments(EmbeddedText.Read("SrcNetInfra.Core.Verification.Scripts.ingest-listing.sh"));

    /// <summary>The script's file has no here-document and no line that starts with '#' inside a quoted string.</summary>
    private static string WithoutComments(string script) =>
        string.Join("\n", script.Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))) + "\n";

    /// <summary>
    /// The command (argv): <c>/bin/sh -c SCRIPT srcnet-verify PREFIX SUFFIX STUCK_SECONDS ROOT
    /// STAGING PROCESSED FAILED</c>. Without a prefix (a run whose products are not looked for) only
    /// the area's health is listed. A prefix is refused unless it is made of the characters the config
    /// allows in FILE_PREFIX: it is an argument, but one that must not widen the find pattern.
    /// </summary>
    public static IReadOnlyList<string> Command(string? filePrefix, VerifyTarget target)
    {
        if (filePrefix is not null && RunIds.IfSafe(filePrefix, filePrefix) is null)
            throw new ArgumentException("a FILE_PREFIX may hold only letters, digits, '.', '_' and '-'", nameof(filePrefix));
        var stuckSeconds = ((long)target.Limits.StuckAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ["/bin/sh", "-c", Script, Name, filePrefix ?? "", target.MetadataSuffix, stuckSeconds, target.IngestRoot, .. target.IngestDirs];
    }

    /// <summary>
    /// Reads the command's output: the run's entries under their area headers (lines before the first
    /// header or under unknown headers are ignored), and the survey's sections.
    /// </summary>
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
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var line in lines)
        {
            if (line.StartsWith(AreaHeader, StringComparison.Ordinal))
            {
                current = areas.TryGetValue(line[AreaHeader.Length..], out var area) ? area : null;
            }
            else if (line.StartsWith(IngestAreaSurvey.SectionHeader, StringComparison.Ordinal))
            {
                current = null;
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
        return new IngestListing(entries, absent, lines.Any(l => l.StartsWith(StartLine, StringComparison.Ordinal)) ? IngestAreaSurvey.Parse(lines) : null);
    }
}
