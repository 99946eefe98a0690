using Cronos;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Core.Duration;

/// <summary>The shortest time between two runs of a CronJob's schedule.</summary>
public static class ScheduleInterval
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    /// <summary>
    /// The shortest gap between consecutive runs over a year from a fixed start (so the answer does
    /// not depend on today), in UTC: a time zone's daylight-saving shift is not counted. <c>@every
    /// &lt;duration&gt;</c> is that duration. Null for a schedule that cannot be read (config validation
    /// reports it, docs/platform.md#cronjob-schedules).
    /// </summary>
    public static TimeSpan? Shortest(string schedule)
    {
        var text = string.Join(' ', schedule.Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries));
        if (text.StartsWith("@every ", StringComparison.Ordinal)) return Durations.ParseGoDuration(text["@every ".Length..]);
        if (Macros.TryGetValue(text, out var expanded)) text = expanded;
        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(text, CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            return null;
        }
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
