using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Config;

/// <summary>Go-style durations (<c>15s</c>, <c>1h30m</c>), as the External Secrets Operator reads them.</summary>
internal static partial class Durations
{
    [GeneratedRegex(@"^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();

    public static bool IsGoDuration(string text) => GoDuration().IsMatch(text);
}
