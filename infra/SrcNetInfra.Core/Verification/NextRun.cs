using Cronos;

namespace SrcNetInfra.Core.Verification;

/// <summary>When a CronJob starts its next run, for "no run has started yet; next at ...".</summary>
public static class NextRun
{
    /// <summary>The next time the schedule fires after <paramref name="now"/>, or null when it cannot be worked out.</summary>
    public static DateTimeOffset? After(string schedule, string? timeZone, DateTimeOffset now)
    {
        try
        {
            var expression = CronExpression.Parse(schedule.Trim(), CronFormat.Standard);
            var zone = timeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            return expression.GetNextOccurrence(now, zone);
        }
        catch (Exception e) when (e is CronFormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
