using System.Collections;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// A run's Job as Pulumi declares it before the run id is known: its plain form for a stand-in id,
/// and the paths of the values that depend on the id (its name, OBS_ID, FILE_PREFIX and the labels
/// and annotations that carry them). The program fills those from the RandomId and leaves every
/// other field known, so <c>pulumi preview</c> shows a new run's Job with its whole spec.
/// </summary>
public sealed record RunTemplate(Dictionary<string, object> Plain, IReadOnlyList<IReadOnlyList<object>> RunDependentPaths)
{
    // Two ids that differ in every character: a value that depends on the id differs between them.
    private const string First = "aaaaaaaa";
    private const string Second = "bbbbbbbb";

    public static RunTemplate Of(RunObjectStep step)
    {
        var first = PlainValues.FromObject(step.ForRun(First));
        var second = PlainValues.FromObject(step.ForRun(Second));
        var paths = new List<IReadOnlyList<object>>();
        Compare(first, second, [], paths);
        return new RunTemplate(first, paths);
    }

    /// <summary>The value at <paramref name="path"/> of a plain tree.</summary>
    public static object At(object tree, IReadOnlyList<object> path)
    {
        var node = tree;
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((IDictionary<string, object>)node)[key],
                int index => ((IList)node)[index]!,
                _ => throw new ArgumentException($"path step {step} is neither a key nor an index", nameof(path)),
            };
        }
        return node;
    }

    private static void Compare(object a, object b, List<object> path, List<IReadOnlyList<object>> paths)
    {
        switch (a, b)
        {
            case (IDictionary<string, object> x, IDictionary<string, object> y):
                if (!x.Keys.Order(StringComparer.Ordinal).SequenceEqual(y.Keys.Order(StringComparer.Ordinal)))
                    throw Shape(path);
                foreach (var key in x.Keys) Compare(x[key], y[key], [.. path, key], paths);
                break;
            case (IList x, IList y) when a is not string:
                if (x.Count != y.Count) throw Shape(path);
                for (var i = 0; i < x.Count; i++) Compare(x[i]!, y[i]!, [.. path, i], paths);
                break;
            default:
                if (!Equals(a, b)) paths.Add(path);
                break;
        }
    }

    // The run id must only change values, never which fields a Job has.
    private static InvalidOperationException Shape(List<object> path) =>
        new($"the Job's shape depends on the run id at {string.Join(".", path)}");
}
