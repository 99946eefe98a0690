using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// A CronJob's <c>timeZone</c> as the API server checks it: an explicit zone of the IANA database
/// that Go's <c>time.LoadLocation</c> finds, and not <c>Local</c>, which would mean the controller
/// machine's own zone (kubernetes pkg/apis/batch/validation, validateTimeZone; docs/platform.md#cronjob-time-zones).
/// </summary>
public static partial class TimeZones
{
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")]
    private static partial Regex ZoneName();

    public static string? Check(string zone)
    {
        if (zone == "Local") return "must name a zone: 'Local' is the controller's own zone, which the API server refuses; e.g. Etc/UTC or Europe/Zurich";
        if (!ZoneName().IsMatch(zone) || zone.Length > 64 || !Known(zone))
            return $"must be an IANA time zone such as Etc/UTC or Europe/Zurich (got {UserText.Quote(zone)})";
        return null;
    }

    /// <summary>
    /// Whether the machine's zone database knows it. Where there is none to ask (no tzdata), only
    /// the name's form can be checked, and the API server has the last word.
    /// </summary>
    private static bool Known(string zone)
    {
        if (zone is "UTC") return true;
        if (!Directory.Exists("/usr/share/zoneinfo") && !OperatingSystem.IsWindows()) return true;
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);
    }
}
