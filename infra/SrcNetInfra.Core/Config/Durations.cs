using System.Globalization;
using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Config;

/// <summary>Go-style durations (<c>15s</c>, <c>1h30m</c>), as the External Secrets Operator reads them.</summary>
internal static partial class Durations
{
    [GeneratedRegex(@"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();

    public static bool IsGoDuration(string text) => GoDuration().IsMatch(text);

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex GoDurationPart();

    /// <summary>The length of a Go duration (<c>1h30m</c>); null when it is not one.</summary>
    public static TimeSpan? ParseGoDuration(string text)
    {
        if (!IsGoDuration(text)) return null;
        double seconds = 0;
        foreach (Match part in GoDurationPart().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            seconds += value * part.Groups[2].Value switch
            {
                "h" => 3600, "m" => 60, "s" => 1, "ms" => 1e-3, "us" or "µs" => 1e-6, _ => 1e-9,
            };
        }
        return seconds > TimeSpan.MaxValue.TotalSeconds ? null : TimeSpan.FromSeconds(seconds);
    }
}
