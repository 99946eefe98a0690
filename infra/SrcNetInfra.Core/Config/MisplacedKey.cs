namespace SrcNetInfra.Core.Config;

/// <summary>
/// Recognises a key that was meant to be one of ours but is not written as one, so srcnet and the
/// Pulumi program would never read it and the defaults would deploy in silence: a section without
/// its namespace (<c>quota:</c>, which Pulumi files under the project's namespace), with a
/// misspelled namespace or separator (<c>srcnt:quota</c>, <c>SRCNET:quota</c>, <c>srcnet.quota</c>),
/// or under the project's name (<c>srcnet-infra:quota</c>).
/// </summary>
/// <remarks>
/// Other namespaces (<c>kubernetes:</c>, <c>pulumi:</c>) are left alone, and so are keys of the
/// project's own namespace that are not near one of ours.
/// </remarks>
internal static class MisplacedKey
{
    private static readonly char[] Separators = ['.', '/', '_', '-', ' '];

    /// <summary>The srcnet key <paramref name="key"/> was surely meant to be, or null.</summary>
    public static string? Intended(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var ns = key[..colon];
            var name = key[(colon + 1)..];
            if (ns == StackConfig.Namespace) return null;
            // A misspelled namespace (srcnt, SRCNET) is ours whatever follows; one that only starts
            // with ours (srcnet-infra, the project's) is ours when a section of ours follows.
            if (IsNearNamespace(ns)) return StackConfig.FullKey(Section(name) ?? name);
            if (StartsWithNamespace(ns) && Section(name) is { } meant) return StackConfig.FullKey(meant);
            return null;
        }
        if (IsNamespaceAsMap(key)) return null;
        foreach (var i in Enumerable.Range(1, Math.Max(0, key.Length - 1)).Where(i => Separators.Contains(key[i])))
        {
            if (IsNearNamespace(key[..i]) && Section(key[(i + 1)..]) is { } meant) return StackConfig.FullKey(meant);
        }
        return Section(key) is { } section ? StackConfig.FullKey(section) : null;
    }

    /// <summary>A key such as <c>srcnet</c> with the sections nested in it, which Pulumi reads as one key of the project.</summary>
    public static bool IsNamespaceAsMap(string key) =>
        !key.Contains(':', StringComparison.Ordinal)
        && (string.Equals(key, StackConfig.Namespace, StringComparison.OrdinalIgnoreCase) || (IsNearNamespace(key) && Section(key) is null));

    /// <summary>Why a key that <see cref="Intended"/> recognises is not read, and what to write.</summary>
    public static string Explain(string key, string intended)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? $"has no namespace, so Pulumi files it under the project's and srcnet never reads it; write {intended}"
            : $"is in namespace {UserText.Quote(key[..colon])}, not {StackConfig.Namespace}, so srcnet never reads it; write {intended}";
    }

    /// <summary>One of our keys, exactly (in any case) or within a typo; a dotted path is taken by its first part.</summary>
    private static string? Section(string name)
    {
        var first = name.Split('.')[0];
        return StackConfig.AllKeys.FirstOrDefault(k => string.Equals(k, first, StringComparison.OrdinalIgnoreCase))
            ?? KeySuggestion.Nearest(first, StackConfig.AllKeys);
    }

    /// <summary>srcnet itself in another case, or one or two edits from it (srcnt, scrnet).</summary>
    private static bool IsNearNamespace(string ns) =>
        KeySuggestion.Nearest(ns, [StackConfig.Namespace]) is not null;

    private static bool StartsWithNamespace(string ns) =>
        ns.Length > StackConfig.Namespace.Length
        && ns.StartsWith(StackConfig.Namespace, StringComparison.OrdinalIgnoreCase)
        && Separators.Contains(ns[StackConfig.Namespace.Length]);
}
