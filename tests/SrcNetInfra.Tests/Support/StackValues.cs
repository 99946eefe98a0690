using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Tests.Support;

/// <summary>
/// The <c>srcnet:</c> values of stack YAML, read by the real <see cref="StackFile"/> reader, and
/// dotted-key overrides of them (<c>srcnet:workflow.simulation.freqIncHz</c> = a YAML value), so a
/// test changes one thing with exactly the typing a real stack file has.
/// </summary>
internal static class StackValues
{
    /// <summary>The values of a YAML stack file; fails the test when the reader reports any problem.</summary>
    public static Dictionary<string, JsonNode?> Parse(string yaml, string fileName = "Pulumi.test.yaml")
    {
        var problems = new Problems();
        var file = StackFile.Parse(fileName, yaml, problems);
        Assert.Empty(problems.All);
        Assert.NotNull(file);
        return new Dictionary<string, JsonNode?>(file.Srcnet, StringComparer.Ordinal);
    }

    /// <summary>One YAML value (a scalar, or a flow list or map such as <c>[dirty]</c>) as the reader converts it.</summary>
    public static JsonNode? Value(string yaml) => Parse($"config:\n  srcnet:v: {yaml}\n")["v"];

    /// <summary>Sets <c>srcnet:a.b.c</c> to a YAML value, creating maps on the way; null removes the key. Lists are set whole.</summary>
    public static void Set(Dictionary<string, JsonNode?> values, string fullKey, string? yaml)
    {
        const string prefix = StackConfig.Namespace + ":";
        Assert.StartsWith(prefix, fullKey);
        var path = fullKey[prefix.Length..].Split('.');
        var top = path[0];
        if (path.Length == 1)
        {
            if (yaml is null) values.Remove(top);
            else values[top] = Value(yaml);
            return;
        }

        if (values.GetValueOrDefault(top) is not JsonObject node)
        {
            node = new JsonObject();
            values[top] = node;
        }
        foreach (var part in path[1..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }
            node = child;
        }
        if (yaml is null) node.Remove(path[^1]);
        else node[path[^1]] = Value(yaml);
    }
}
