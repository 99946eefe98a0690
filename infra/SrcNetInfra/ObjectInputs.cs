using System.Collections;
using System.Collections.Immutable;
using Pulumi;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra;

/// <summary>
/// Plain object trees (maps, lists, strings, numbers, booleans) as Pulumi inputs: the SDK accepts
/// only ImmutableDictionary and ImmutableArray as collection inputs (sdk/Pulumi/Serialization/
/// Converter.cs, CheckTargetType). A run's Job gets its run-dependent values as outputs of the run id.
/// </summary>
internal static class ObjectInputs
{
    public static ImmutableDictionary<string, object?> Of(IDictionary<string, object> plain) =>
        (ImmutableDictionary<string, object?>)Convert(plain, [], _ => null)!;

    /// <summary>The Job's fields for the run id <paramref name="runId"/>: known except where the id goes.</summary>
    public static ImmutableDictionary<string, object?> ForRun(RunObjectStep step, Output<string> runId)
    {
        var template = RunTemplate.Of(step);
        var actual = runId.Apply(id => PlainValues.FromObject(step.ForRun(id)));
        var dependent = template.RunDependentPaths.Select(p => string.Join("\u0000", p)).ToHashSet(StringComparer.Ordinal);
        return (ImmutableDictionary<string, object?>)Convert(template.Plain, [], path =>
            dependent.Contains(string.Join("\u0000", path))
                ? actual.Apply(tree => (string)RunTemplate.At(tree, path))
                : null)!;
    }

    /// <summary>
    /// A plain value as the SDK can serialize it (the stack's outputs): numbers must be int or double,
    /// a long fails the whole registration (sdk/Pulumi/Serialization/Serializer.cs, SerializeAsync:
    /// "System.Int64 is not a supported argument type"), and Core's byte counts are long.
    /// </summary>
    public static object? Serializable(object? value) => value switch
    {
        long l => l is >= int.MinValue and <= int.MaxValue ? (int)l : (double)l,
        IDictionary<string, object> map => map.ToImmutableDictionary(kv => kv.Key, kv => Serializable(kv.Value), StringComparer.Ordinal),
        string s => s,
        IList list => list.Cast<object>().Select(Serializable).ToImmutableArray(),
        _ => value,
    };

    private static object? Convert(object? value, List<object> path, Func<IReadOnlyList<object>, Output<string>?> substitute)
    {
        if (substitute(path) is { } output) return output;
        switch (value)
        {
            case IDictionary<string, object> map:
                return map.ToImmutableDictionary(kv => kv.Key, kv => Convert(kv.Value, [.. path, kv.Key], substitute), StringComparer.Ordinal);
            case string s:
                return s;
            case IList list:
                return list.Cast<object>().Select((item, i) => Convert(item, [.. path, i], substitute)).ToImmutableArray();
            default:
                return value;
        }
    }
}
