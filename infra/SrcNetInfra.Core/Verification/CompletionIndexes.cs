using System.Globalization;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// The indexes an Indexed Job's status lists (<c>status.completedIndexes</c>, <c>status.failedIndexes</c>):
/// a text of ascending numbers and ranges, <c>1,3-5,7</c> (kubernetes/kubernetes
/// pkg/controller/job/indexed_job_utils.go, <c>orderedIntervals.String</c>, and the API's field docs).
/// </summary>
public static class CompletionIndexes
{
    /// <summary>
    /// The indexes in <paramref name="text"/> below <paramref name="completions"/>. The text comes from
    /// the cluster: a part that is not a number or a range is left out, and a range is cut at
    /// <paramref name="completions"/>, so no text can make this take long.
    /// </summary>
    public static IReadOnlySet<int> Parse(string? text, int completions)
    {
        var indexes = new HashSet<int>();
        if (string.IsNullOrWhiteSpace(text)) return indexes;
        foreach (var part in text.Split(','))
        {
            var bounds = part.Trim().Split('-');
            if (bounds.Length is < 1 or > 2 || !TryIndex(bounds[0], out var first)) continue;
            var last = first;
            if (bounds.Length == 2 && !TryIndex(bounds[1], out last)) continue;
            for (var i = first; i <= Math.Min(last, completions - 1); i++) indexes.Add(i);
        }
        return indexes;
    }

    private static bool TryIndex(string text, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
}
