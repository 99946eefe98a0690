using System.Globalization;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// What a CronJob's schedule does when its <c>timeZone</c> changes its clocks. The CronJob controller
/// finds the next run with robfig/cron's <c>SpecSchedule.Next</c>, which walks the zone's wall clock
/// (docs/platform.md#clock-changes; robfig/cron v3.0.1 spec_test.go: "1am nightly job (runs twice)", "2am nightly job (skipped)"): a time in the hour that repeats when summer time ends matches on
/// both passes, so a daily run there runs twice that night; a time in the hour that is skipped when
/// it begins never comes, so that day has no run. A schedule that fires at least as often as the
/// clocks jump (hourly) only gains or loses the run of that hour, as any clock-based schedule must.
/// </summary>
public static class ClockChanges
{
    /// <summary>The year looked at: every zone's rules repeat yearly; a fixed year keeps the answer independent of today.</summary>
    private static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A warning for <paramref name="schedule"/> in <paramref name="zone"/>, or null: no clock change
    /// in the zone, a schedule that runs as often as the change is long, or one that misses it.
    /// </summary>
    public static string? Warning(string schedule, string? zone, TimeSpan? shortestInterval)
    {
        if (zone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz)) return null;
        // @every is a fixed interval in robfig/cron, not a time of day: clock changes do not move it.
        if (CronSchedule.TimesOfDay(schedule) is not { } cron) return null;

        string? repeated = null, skipped = null;
        foreach (var (at, before, after) in Transitions(tz))
        {
            var jump = (after - before).Duration();
            // Hourly (or more often): the hour that repeats or is skipped is just one more or one fewer hourly run.
            if (shortestInterval is { } interval && interval <= jump) continue;
            // The wall-clock hour that happens twice (summer time ends) or never (it begins).
            var start = DateTime.SpecifyKind(at + (after < before ? after : before), DateTimeKind.Utc);
            var end = start + jump;
            if (cron.GetNextOccurrence(start, inclusive: true) is { } hit && hit < end)
            {
                var when = hit.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                if (after < before) repeated ??= when;
                else skipped ??= when;
            }
        }
        if (repeated is null && skipped is null) return null;

        var parts = new List<string>();
        if (repeated is not null)
            parts.Add($"it fires at a time that happens twice when summer time ends ({repeated} in {zone}): the CronJob controller runs it at both, one run more that night");
        if (skipped is not null)
            parts.Add($"it fires at a time that does not exist when summer time begins ({skipped} in {zone}): that day has no run");
        return string.Join("; and ", parts) + "; choose a time outside the clock change, or timeZone Etc/UTC";
    }

    /// <summary>Each change of the zone's offset within the year: the UTC instant and the offsets before and after.</summary>
    private static IEnumerable<(DateTime At, TimeSpan Before, TimeSpan After)> Transitions(TimeZoneInfo tz)
    {
        // Every zone changes at a whole quarter hour of UTC; a year in quarter hours is 35,040 steps.
        var step = TimeSpan.FromMinutes(15);
        var previous = tz.GetUtcOffset(From);
        for (var t = From + step; t < From.AddYears(1); t += step)
        {
            var offset = tz.GetUtcOffset(t);
            if (offset != previous) yield return (t, previous, offset);
            previous = offset;
        }
    }
}
