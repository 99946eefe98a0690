using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Verification;

/// <summary>A run's ObsCore id and the prefix of every file it writes (OBS_ID and FILE_PREFIX).</summary>
public sealed partial record RunIds(string ObsId, string FilePrefix)
{
    /// <summary>
    /// The characters the config allows in OBS_ID and FILE_PREFIX. Ids read from a cluster (an
    /// annotation, a log line) are used in a command in the ingestor's pod: anything else is not taken.
    /// </summary>
    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeId();

    /// <summary>The ids, or null when either has a character the config would not allow.</summary>
    public static RunIds? IfSafe(string obsId, string filePrefix) =>
        SafeId().IsMatch(obsId) && SafeId().IsMatch(filePrefix) ? new RunIds(obsId, filePrefix) : null;

    /// <summary>True when <paramref name="run"/> (the value of <c>--run</c>) names this run by either id.</summary>
    public bool Matches(string run) =>
        string.Equals(run, ObsId, StringComparison.Ordinal) || string.Equals(run, FilePrefix, StringComparison.Ordinal);
}
