using System.Text.RegularExpressions;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// Reads back the line every run logs first (<see cref="SimulationRun.RunMarker"/>):
/// <c>srcnet-run: OBS_ID=&lt;id&gt; FILE_PREFIX=&lt;prefix&gt;</c>. A CronJob run's ids exist nowhere else.
/// </summary>
public static partial class RunMarker
{
    // The ids are then held to the characters the config allows (RunIds.IfSafe).
    [GeneratedRegex(@"^srcnet-run: OBS_ID=(\S+) FILE_PREFIX=(\S+)\s*$")]
    private static partial Regex Line();

    /// <summary>How many lines from the start of a log the marker is looked for in.</summary>
    public const int SearchLines = 5;

    /// <summary>The run's ids from the start of its log, or null when the marker is not among the first lines.</summary>
    public static RunIds? Parse(string logHead)
    {
        foreach (var line in logHead.Split('\n').Take(SearchLines))
        {
            var match = Line().Match(line.TrimEnd('\r'));
            if (match.Success) return RunIds.IfSafe(match.Groups[1].Value, match.Groups[2].Value);
        }
        return null;
    }

    /// <summary>The line as the run's script writes it; the inverse of <see cref="Parse"/>.</summary>
    public static string Format(RunIds ids) => SimulationRun.MarkerLine(ids.ObsId, ids.FilePrefix);
}
