namespace SrcNetInfra.Core.Config;

/// <summary>The known key nearest to a mistyped one, for "did you mean ...?" hints.</summary>
public static class KeySuggestion
{
    public static string? Nearest(string unknown, IEnumerable<string> known) =>
        // Lengths further apart than the allowed distance cannot match: skip them before the quadratic
        // comparison, so that a very long key costs nothing.
        known.Where(k => Math.Abs(unknown.Length - k.Length) <= Allowed(unknown))
             .Select(k => (Key: k, Distance: EditDistance(unknown.ToLowerInvariant(), k.ToLowerInvariant())))
             .Where(x => x.Distance <= Allowed(unknown))
             .OrderBy(x => x.Distance).ThenBy(x => x.Key, StringComparer.Ordinal)
             .Select(x => x.Key)
             .FirstOrDefault();

    private static int Allowed(string unknown) => Math.Max(2, unknown.Length / 4);

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
