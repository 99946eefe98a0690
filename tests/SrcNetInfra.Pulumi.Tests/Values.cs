using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>Compares what the mocks saw with Core's plain values, whatever collection types each side uses.</summary>
public static class Values
{
    /// <summary>A canonical JSON text of a nested value (maps sorted by key, numbers as written by System.Text.Json).</summary>
    public static string Canonical(object? value) => JsonSerializer.Serialize(Normalize(value));

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => (double)i,
        long l => (double)l,
        double d => d,
        IDictionary<string, object> map => new SortedDictionary<string, object?>(
            map.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value)), StringComparer.Ordinal),
        IDictionary map => new SortedDictionary<string, object?>(
            map.Keys.Cast<object>().ToDictionary(k => (string)k, k => Normalize(map[k])), StringComparer.Ordinal),
        IEnumerable list => list.Cast<object?>().Select(Normalize).ToList(),
        _ => value.ToString(),
    };

    public static IDictionary<string, object> Map(object value) => (IDictionary<string, object>)value;

    public static IReadOnlyList<object> List(object value) => ((IEnumerable)value).Cast<object>().ToList();

    public static object? At(object root, params string[] path)
    {
        object? current = root;
        foreach (var key in path)
        {
            if (current is not IDictionary<string, object> map || !map.TryGetValue(key, out current)) return null;
        }
        return current;
    }
}
