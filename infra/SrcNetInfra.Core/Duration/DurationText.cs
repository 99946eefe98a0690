using System.Globalization;

namespace SrcNetInfra.Core.Duration;

/// <summary>Durations for people: 45s, 12m 30s, 3h 05m, 2d 04h.</summary>
public static class DurationText
{
    public static string Format(double seconds)
    {
        var s = (long)Math.Ceiling(Math.Max(0, seconds));
        if (s < 60) return $"{s}s";
        if (s < 3600) return $"{s / 60}m {s % 60:00}s";
        if (s < 86400) return $"{s / 3600}h {s % 3600 / 60:00}m";
        return $"{s / 86400}d {s % 86400 / 3600:00}h";
    }

    /// <summary>"3h 05m", or "1h 10m to 4h 20m" for a range.</summary>
    public static string Range(double low, double high) =>
        Format(low) == Format(high) ? Format(high) : $"{Format(low)} to {Format(high)}";

    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
