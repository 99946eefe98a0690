using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// A Pulumi stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>) as the CLI reads it: the <c>srcnet:</c> keys
/// of its <c>config:</c> map, converted to JSON values exactly as Pulumi hands structured config to a
/// program, so that <c>srcnet render</c> and <c>pulumi up</c> see the same values.
/// </summary>
public sealed partial record StackFile(string Path, string StackName, IReadOnlyDictionary<string, JsonNode?> Srcnet)
{
    [GeneratedRegex(@"^Pulumi\.(?<stack>[^/\\]+)\.ya?ml$")]
    private static partial Regex StackFileName();

    /// <summary>The stack name a file stands for: <c>Pulumi.prod.yaml</c> is <c>prod</c>.</summary>
    public static string StackNameOf(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var match = StackFileName().Match(fileName);
        return match.Success ? match.Groups["stack"].Value : System.IO.Path.GetFileNameWithoutExtension(fileName);
    }

    /// <summary>
    /// Reads a stack file; returns null (with a problem naming the file) when it cannot be read, or
    /// holds more than a stack file ever does (<see cref="TextFile"/>, <see cref="YamlLimits"/>).
    /// </summary>
    public static StackFile? Load(string path, Problems problems)
    {
        var text = TextFile.Read(path, TextFile.StackFileLimit, out var refused);
        if (text is null)
        {
            problems.Error(path, refused!);
            return null;
        }
        return Parse(path, text, problems);
    }

    public static StackFile? Parse(string path, string yaml, Problems problems)
    {
        if (YamlLimits.Check(yaml) is { } refused)
        {
            problems.Error(path, refused);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // What the event scan cannot see, such as a key given twice.
            problems.Error(path, $"is not valid YAML {YamlLimits.At(e.Start)}: {UserText.Line(Innermost(e).Message)}");
            return null;
        }

        var errorsBefore = problems.All.Count(p => p.IsError);
        var root = StackFileShape.Check(path, stream, problems);
        if (root is null) return null;
        var srcnet = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || IsNull(configNode))
            return WithSrcnetKeys(path, srcnet, problems, errorsBefore);
        if (configNode is not YamlMappingNode config)
        {
            problems.Error(path, "its config: section must be a map of keys such as srcnet:workflow");
            return null;
        }

        foreach (var (keyNode, valueNode) in WithMerges(config))
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Error(path, $"config: keys must be plain names such as srcnet:workflow {YamlLimits.At(keyNode.Start)}");
                return null;
            }
            if (key.StartsWith(StackConfig.Namespace + ":", StringComparison.Ordinal))
            {
                srcnet[key[(StackConfig.Namespace.Length + 1)..]] = ToJson(valueNode);
            }
            else if (MisplacedKey.IsNamespaceAsMap(key))
            {
                problems.Error(UserText.Show(key),
                    "is read by Pulumi as one key of the project, not as a namespace, so srcnet never reads what it holds; " +
                    "write each section as its own key of config:, such as srcnet:workflow");
            }
            else if (MisplacedKey.Intended(key) is { } meant)
            {
                problems.Error(UserText.Show(key), MisplacedKey.Explain(key, meant));
            }
            // Other namespaces (kubernetes:, pulumi:, the project's own) belong to Pulumi and its providers.
        }
        return WithSrcnetKeys(path, srcnet, problems, errorsBefore);
    }

    /// <summary>
    /// A file that configures no srcnet: key at all gets one line (unless it was told already what is
    /// wrong with its keys), not a "required" error per key.
    /// </summary>
    private static StackFile? WithSrcnetKeys(string path, SortedDictionary<string, JsonNode?> srcnet, Problems problems, int errorsBefore)
    {
        if (srcnet.Count > 0) return new StackFile(path, StackNameOf(path), srcnet);
        if (problems.All.Count(p => p.IsError) == errorsBefore)
            problems.Error(path, "has no srcnet: keys; a stack of this project sets at least srcnet:ingestor and srcnet:workflow (README, \"Config reference\")");
        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && IsNullWord(s.Value);

    private static bool IsNullWord(string? v) => v is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// YAML to JSON with the YAML 1.2 core schema, which is how Pulumi's CLI reads stack files:
    /// plain scalars may be null, booleans or numbers; quoted scalars are always strings.
    /// </summary>
    internal static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                // A merge key's maps give the keys the mapping does not set itself, the earlier map first,
                // as go-yaml v3 (Pulumi's stack file reader) and the YAML merge key type say.
                foreach (var (k, v) in WithMerges(map))
                {
                    var key = k is YamlScalarNode ks ? ks.Value ?? "" : k.ToString();
                    if (!obj.ContainsKey(key)) obj[key] = ToJson(v);
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children) array.Add(ToJson(item));
                return array;
            case YamlScalarNode scalar:
                return ScalarToJson(scalar);
            default:
                return null;
        }
    }

    /// <summary>The entries of a map with those its merge keys bring in (<see cref="MergedMaps"/>): its own first, then the merged ones it does not set.</summary>
    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> WithMerges(YamlMappingNode map)
    {
        var own = map.Children.Where(e => MergedMaps(e.Key, e.Value) is null).ToList();
        var keys = own.Select(e => e.Key).ToHashSet();
        foreach (var entry in own) yield return entry;
        foreach (var (k, v) in map.Children)
        {
            foreach (var source in MergedMaps(k, v) ?? [])
            {
                foreach (var entry in source.Children)
                {
                    if (keys.Add(entry.Key)) yield return entry;
                }
            }
        }
    }

    /// <summary>
    /// The maps a YAML merge key (<c>&lt;&lt;: *base</c>, or a list of aliases) brings in: a plain
    /// <c>&lt;&lt;</c> key (go-yaml v3 decode.go, <c>isMerge</c>: plain or tagged !!merge) whose value is
    /// a map or a list of maps. Null for any other key, so a quoted "&lt;&lt;" stays an ordinary one.
    /// </summary>
    private static IReadOnlyList<YamlMappingNode>? MergedMaps(YamlNode key, YamlNode value)
    {
        if (key is not YamlScalarNode { Value: "<<" } k) return null;
        var tagged = !k.Tag.IsEmpty && !k.Tag.IsNonSpecific;
        var isMerge = tagged ? k.Tag.Value == "tag:yaml.org,2002:merge" : k.Style == ScalarStyle.Plain;
        if (!isMerge) return null;
        return value switch
        {
            YamlMappingNode map => [map],
            YamlSequenceNode seq when seq.Children.All(c => c is YamlMappingNode) => [.. seq.Children.Cast<YamlMappingNode>()],
            _ => null,
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerLiteral();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatLiteral();

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        var explicitString = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str";
        if (scalar.Style != ScalarStyle.Plain || explicitString) return JsonValue.Create(value);
        if (IsNullWord(value)) return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IntegerLiteral().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (FloatLiteral().IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        return JsonValue.Create(value);
    }
}
