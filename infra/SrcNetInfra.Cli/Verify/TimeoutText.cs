using System.Globalization;
using System.Text.RegularExpressions;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// <c>--timeout</c>: how long any one call to the cluster may take. Written like kubectl's
/// <c>--request-timeout</c>: <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>; a plain number is seconds.
/// </summary>
public static partial class TimeoutText
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>Longer than any one call should ever take; also keeps CancelAfter's range.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h)?$")]
    private static partial Regex Duration();

    /// <summary>The timeout, or a usage error that names the flag and what it takes.</summary>
    public static TimeSpan Parse(string? text)
    {
        if (text is null) return Default;
        var match = Duration().Match(text.Trim());
        if (!match.Success)
            throw new UsageException($"--timeout: expected a duration such as 30s, 2m, 500ms or 1h (a plain number is seconds); got {Core.Config.UserText.Quote(text)}");
        var value = double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var timeout = match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromSeconds(value),
        };
        if (timeout < TimeSpan.FromMilliseconds(1))
            throw new UsageException($"--timeout: must be at least 1ms; got {Core.Config.UserText.Quote(text)}");
        if (timeout > Maximum)
            throw new UsageException($"--timeout: must be at most 24h; got {Core.Config.UserText.Quote(text)}");
        return timeout;
    }

    /// <summary>The way a user would write it back: 500ms, 30s, 2m, 1h30m.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout < TimeSpan.FromSeconds(1)) return $"{(int)timeout.TotalMilliseconds}ms";
        if (timeout.Milliseconds != 0) return $"{timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
        var parts = new List<string>();
        if ((int)timeout.TotalHours > 0) parts.Add($"{(int)timeout.TotalHours}h");
        if (timeout.Minutes > 0) parts.Add($"{timeout.Minutes}m");
        if (timeout.Seconds > 0) parts.Add($"{timeout.Seconds}s");
        return string.Concat(parts);
    }
}
