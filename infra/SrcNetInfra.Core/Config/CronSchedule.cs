using System.Globalization;
using Cronos;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// A CronJob schedule as the API server reads it: robfig/cron v3 <c>ParseStandard</c> (five fields
/// or a descriptor), and no <c>TZ=</c> or <c>CRON_TZ=</c> (docs/platform.md#cronjob-schedules). Read in
/// robfig/cron v3.0.1 parser.go (<c>Parse</c>, <c>getRange</c>, <c>parseDescriptor</c>) and spec.go
/// (the bounds): day-of-week is 0-6 (7 is refused), <c>?</c> means <c>*</c>, and <c>L</c>, <c>W</c>
/// and <c>#</c> do not exist, although other cron dialects (and Cronos) take them.
/// </summary>
public static class CronSchedule
{
    private sealed record Field(string Name, int Min, int Max, IReadOnlyDictionary<string, int>? Names = null);

    private static readonly Field[] Fields =
    [
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day of month", 1, 31),
        new("month", 1, 12, Named(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)),
        new("day of week", 0, 6, Named(["sun", "mon", "tue", "wed", "thu", "fri", "sat"], 0)),
    ];

    /// <summary>robfig/cron's descriptors and the five fields each stands for (parser.go, parseDescriptor).</summary>
    private static readonly OrderedDictionary<string, string> DescriptorFields = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private static IEnumerable<string> Descriptors => DescriptorFields.Keys;

    /// <summary>
    /// A valid schedule as times of day (a descriptor as its five fields), for Cronos to walk; null
    /// for <c>@every</c>, a fixed interval rather than times of day, and for what cannot be read.
    /// </summary>
    public static CronExpression? TimesOfDay(string schedule)
    {
        var text = string.Join(' ', schedule.Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries));
        if (text.StartsWith('@') && !DescriptorFields.TryGetValue(text, out text!)) return null;
        try
        {
            return CronExpression.Parse(text, CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    /// <summary>Why the API server would refuse <paramref name="schedule"/>, or null.</summary>
    public static string? Check(string schedule)
    {
        if (schedule.Length == 0) return "must not be empty";
        // The API server refuses any schedule naming a time zone: the CronJob's timeZone says it.
        if (schedule.Contains("TZ", StringComparison.Ordinal)) return "must not name a time zone (TZ= or CRON_TZ=); use srcnet:workflow.timeZone";
        if (schedule.StartsWith('@'))
        {
            if (Descriptors.Contains(schedule, StringComparer.Ordinal)) return null;
            if (schedule.StartsWith("@every ", StringComparison.Ordinal) && Durations.IsGoDuration(schedule["@every ".Length..])) return null;
            return $"is not one of {string.Join(", ", Descriptors)} or @every <duration>";
        }
        var fields = schedule.Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return $"must have 5 fields (minute hour day-of-month month day-of-week), got {fields.Length}";
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var part in fields[i].Split(','))
            {
                if (Range(part, Fields[i]) is { } bad) return $"{Fields[i].Name} field {UserText.Quote(part)}: {bad}";
            }
        }
        return null;
    }

    /// <summary>
    /// For a valid five-field schedule: true when it never fires (<c>0 0 31 2 *</c>). Looks four
    /// years ahead, so every leap day is seen. Descriptors and @every always fire.
    /// </summary>
    public static bool NeverFires(string schedule)
    {
        if (schedule.StartsWith('@')) return false;
        var fields = schedule.Split([' ', '\t', '\n', '\r', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries);
        // Cronos reads the same five fields; '?' is its "any" too. From a fixed date: deterministic.
        var expression = CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard);
        var from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return expression.GetNextOccurrence(from) is not { } next || next > from.AddYears(4).AddDays(2);
    }

    /// <summary>robfig's getRange for one comma-separated part of a field.</summary>
    private static string? Range(string expr, Field f)
    {
        var rangeAndStep = expr.Split('/');
        if (rangeAndStep.Length > 2) return "too many slashes";
        var lowAndHigh = rangeAndStep[0].Split('-');
        if (lowAndHigh.Length > 2) return "too many hyphens";
        int start, end;
        if (lowAndHigh[0] is "*" or "?")
        {
            if (lowAndHigh.Length == 2) return "a range cannot start with * or ?";
            (start, end) = (f.Min, f.Max);
        }
        else
        {
            if (Value(lowAndHigh[0], f) is not { } low) return $"{UserText.Quote(lowAndHigh[0])} is not a number{NamesHint(f)}";
            start = low;
            end = low;
            if (lowAndHigh.Length == 2)
            {
                if (Value(lowAndHigh[1], f) is not { } high) return $"{UserText.Quote(lowAndHigh[1])} is not a number{NamesHint(f)}";
                end = high;
            }
        }
        if (rangeAndStep.Length == 2)
        {
            if (!int.TryParse(rangeAndStep[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step == 0)
                return "the step after / must be a positive whole number";
            if (lowAndHigh.Length == 1) end = f.Max; // N/step means N-max/step
        }
        if (start < f.Min) return $"{start} is below {f.Min}";
        if (end > f.Max) return f.Name == "day of week" && end == 7 ? "7 is not a day of week here: Sunday is 0 (the API server takes 0-6)" : $"{end} is above {f.Max}";
        if (start > end) return $"the range starts ({start}) after it ends ({end})";
        return null;
    }

    private static int? Value(string text, Field f)
    {
        if (f.Names is not null && f.Names.TryGetValue(text.ToLowerInvariant(), out var named)) return named;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;
    }

    private static string NamesHint(Field f) => f.Name switch
    {
        "day of week" => " or a day name (sun-sat); L, W and # are not cron syntax the API server knows",
        "month" => " or a month name (jan-dec)",
        _ => "; L, W and # are not cron syntax the API server knows",
    };

    private static Dictionary<string, int> Named(string[] names, int first) =>
        names.Select((n, i) => (n, i + first)).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);
}
