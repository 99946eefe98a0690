using System.Globalization;
using System.Text.RegularExpressions;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Core.Duration;

/// <summary>One stage of a run as its log shows it: when it started and, if it did, when it ended.</summary>
public sealed record StageTiming(RunStage Stage, DateTime Start, DateTime? End)
{
    public double? Seconds => End is { } end ? (end - Start).TotalSeconds : null;
}

/// <summary>What a run's log says about its stages.</summary>
/// <param name="Stages">Every stage that started, in order; the last has no end when the run stopped in it.</param>
/// <param name="Finished">The log has the workflow's last line, <c>Simulation workflow finished</c>.</param>
/// <param name="Ids">The run's OBS_ID and FILE_PREFIX from our marker line, when it is there.</param>
public sealed record WorkflowLogReading(IReadOnlyList<StageTiming> Stages, bool Finished, RunIds? Ids, IReadOnlyList<string> Notes)
{
    /// <summary>The stage the run stopped in, when it did not finish.</summary>
    public RunStage? StoppedIn => Finished ? null : Stages.LastOrDefault(s => s.End is null)?.Stage;

    /// <summary>The seconds of every stage that ended.</summary>
    public IReadOnlyDictionary<RunStage, double> Durations =>
        Stages.Where(s => s.Seconds is >= 0).ToDictionary(s => s.Stage, s => s.Seconds!.Value);

    /// <summary>When the workflow started simulating (its own clock), if it did.</summary>
    public DateTime? StartedAt => Stages.FirstOrDefault(s => s.Stage == RunStage.Simulation)?.Start;
}

/// <summary>
/// Reads the stage lines out of a run's log: <c>&lt;datetime.now()&gt; Starting simulation</c> and the
/// others of <see cref="RunStages.LogMessage"/>. Python's <c>str(datetime)</c> is
/// <c>YYYY-MM-DD HH:MM:SS.ffffff</c>, without the fraction when it is zero; the container's clock is
/// taken as UTC (the image sets no TZ). A line may start with the kubelet's RFC 3339 timestamp, as
/// <c>kubectl logs --timestamps</c> writes it. Everything else (WSClean's output, warnings, a
/// traceback) is skipped.
/// </summary>
public static partial class WorkflowLog
{
    [GeneratedRegex(@"^(?:(?<kubelet>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) )?(?<text>.*)$")]
    private static partial Regex KubeletPrefix();

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?) (?<message>[A-Za-z ]+?)\s*$")]
    private static partial Regex StageLine();

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF"];

    /// <summary>A start-up longer than this is a clock disagreement between the kubelet and the container, not a start-up.</summary>
    public static readonly TimeSpan MaxStartup = TimeSpan.FromHours(6);

    public static WorkflowLogReading Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var stages = new List<StageTiming>();
        var notes = new List<string>();
        RunIds? ids = null;
        DateTime? firstKubelet = null;
        bool finished = false;

        foreach (var raw in log.Split('\n'))
        {
            var prefixed = KubeletPrefix().Match(raw.TrimEnd('\r'));
            var text = prefixed.Groups["text"].Value;
            if (prefixed.Groups["kubelet"].Success && firstKubelet is null
                && DateTimeOffset.TryParse(prefixed.Groups["kubelet"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var kubelet))
                firstKubelet = kubelet.UtcDateTime;
            if (ids is null && stages.Count == 0 && RunMarker.Parse(text) is { } marker) ids = marker;

            var line = StageLine().Match(text);
            if (!line.Success || finished) continue;
            var message = line.Groups["message"].Value;
            var stage = RunStages.All.Cast<RunStage?>().FirstOrDefault(s => RunStages.LogMessage(s!.Value) == message);
            if (stage is null && message != RunStages.FinishedMessage) continue;
            if (!DateTime.TryParseExact(line.Groups["time"].Value, TimeFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                continue;

            if (stages.Count > 0 && stages[^1].End is null)
                stages[^1] = stages[^1] with { End = time };
            if (stage is { } next)
            {
                if (stages.Any(s => s.Stage == next))
                {
                    notes.Add($"the log starts the {RunStages.Describe(next)} step twice; only the first is used");
                    continue;
                }
                stages.Add(new StageTiming(next, time, null));
            }
            else
            {
                finished = true;
            }
        }

        foreach (var backwards in stages.Where(s => s.Seconds < 0))
            notes.Add($"the {RunStages.Describe(backwards.Stage)} step ends before it starts (the clock moved); it is left out");

        if (firstKubelet is { } podStart && stages.Count > 0 && stages[0].Stage == RunStage.Simulation)
        {
            var startup = stages[0].Start - podStart;
            if (startup >= TimeSpan.Zero && startup <= MaxStartup)
                stages.Insert(0, new StageTiming(RunStage.Startup, podStart, stages[0].Start));
            else
                notes.Add("the kubelet's and the workflow's clocks disagree; the start-up is left out");
        }
        return new WorkflowLogReading(stages, finished, ids, notes);
    }
}
