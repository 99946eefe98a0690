using Cronos;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Core.Duration;

/// <summary>The shortest time between two runs of a CronJob's schedule.</summary>
public static class ScheduleInterval
{
    /// <summary>
    /// The shortest gap between consecutive runs over a year from a fixed start (so the answer does
    /// not depend on today), in UTC: a time zone's daylight-saving shift is not counted (ClockChanges warns where it matters). <c>@every
    /// &lt;duration&gt;</c> is that duration. Null for a schedule that cannot be read (config validation
    /// reports it, docs/platform.md#cronjob-schedules).
    /// </summary>
    public static TimeSpan? Shortest(string schedule)
    {
        var text = string.Join(' ', schedule.Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries));
        if (text.StartsWith("@every ", StringComparison.Ordinal)) return Durations.ParseGoDuration(text["@every ".Length..]);
        if (CronSchedule.TimesOfDay(text) is not { } cron) return null;
        var from = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1).AddDays(1);
        TimeSpan? shortest = null;
        DateTime? previous = null;
        // At most one run a minute: a year holds about 527,000, few enough to walk.
        foreach (var next in cron.GetOccurrences(from, to))
        {
            if (previous is { } p && (shortest is null || next - p < shortest)) shortest = next - p;
            if (shortest == TimeSpan.FromMinutes(1)) break;
            previous = next;
        }
        return shortest;
    }
}
