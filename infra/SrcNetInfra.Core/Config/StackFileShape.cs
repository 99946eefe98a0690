using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Whether a YAML document is a Pulumi stack file at all, and holds nothing a stack file must not:
/// a file of another kind (empty, a project file, a workflow, rendered manifests) gets one line that
/// says what it is, instead of a "required" error per missing key; top-level keys other than
/// Pulumi's are errors that name the key meant; YAML tags and further documents are refused rather
/// than read some other way than the user meant.
/// </summary>
internal static class StackFileShape
{
    /// <summary>
    /// The top-level keys of a stack file: Pulumi's <c>ProjectStack</c> (pulumi/pulumi,
    /// sdk/go/common/workspace/project.go) has secretsprovider, encryptedkey, encryptionsalt, config
    /// and environment, and reads no other.
    /// </summary>
    public static readonly string[] TopLevelKeys = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    private const string Hint = "a stack file (Pulumi.<stack>.yaml) has a config: section with srcnet: keys (README, \"Config reference\")";

    /// <summary>The document's root map when it is a stack file to read further; null with one error when it is not one.</summary>
    public static YamlMappingNode? Check(string path, YamlStream stream, Problems problems)
    {
        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is null || IsEmpty(root))
        {
            problems.Error(path, $"is empty; {Hint}");
            return null;
        }
        if (root is not YamlMappingNode map)
        {
            problems.Error(path, $"is not a stack file: it holds a {(root is YamlSequenceNode ? "list" : "single value")} at the top, where {Hint}");
            return null;
        }
        if (OtherKind(map) is { } kind)
        {
            problems.Error(path, $"is {kind}, not a stack file; {Hint}");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            problems.Error(path, $"holds {stream.Documents.Count} YAML documents (the second starts at line {stream.Documents[1].RootNode.Start.Line}); " +
                                 "a stack file is one document, and Pulumi reads only the first");
            return null;
        }
        var unknown = map.Children.Keys.Where(k => !TopLevelKeys.Contains(Text(k), StringComparer.Ordinal)).ToList();
        // Keys that are neither Pulumi's, nor ours, nor a typo of Pulumi's: with no srcnet config beside
        // them, the file is something else (Helm values, a release file), and one line says so.
        var foreign = unknown.Where(k => !IsSrcnetKey(Text(k)) && KeySuggestion.Nearest(Text(k), TopLevelKeys) is null).ToList();
        if (foreign.Count > 0 && !ConfiguresSrcnet(map) && !unknown.Any(k => Text(k).StartsWith(StackConfig.Namespace + ":", StringComparison.Ordinal)))
        {
            problems.Error(path, $"is not a stack file: its top-level keys are {string.Join(", ", map.Children.Keys.Select(k => UserText.Show(Text(k))))}; {Hint}");
            return null;
        }
        foreach (var key in unknown) problems.Error(UserText.Show(Text(key)), TopLevelProblem(Text(key)));
        if (map.Children.ContainsKey(new YamlScalarNode("environment")))
            problems.Warning("environment", "imports Pulumi ESC environments: config they set is not in this file, so srcnet does not check it");
        CheckTags(map, problems);
        return map;
    }

    /// <summary>A key that is one of ours, or was meant to be.</summary>
    private static bool IsSrcnetKey(string key) =>
        key.StartsWith(StackConfig.Namespace + ":", StringComparison.Ordinal) || MisplacedKey.Intended(key) is not null || MisplacedKey.IsNamespaceAsMap(key);

    private static bool ConfiguresSrcnet(YamlMappingNode map) =>
        map.Children.TryGetValue(new YamlScalarNode("config"), out var config)
        && config is YamlMappingNode c && c.Children.Keys.Any(k => IsSrcnetKey(Text(k)));

    private static string TopLevelProblem(string key)
    {
        var meant = key.StartsWith(StackConfig.Namespace + ":", StringComparison.Ordinal) ? key : MisplacedKey.Intended(key);
        if (meant is not null) return $"is a config key at the top level, where Pulumi and srcnet never read it; move it under config: as {meant}";
        var hint = KeySuggestion.Nearest(key, TopLevelKeys);
        return $"unknown top-level key{(hint is null ? "" : $" (did you mean '{hint}'?)")}; a stack file has {string.Join(", ", TopLevelKeys)}";
    }

    /// <summary>Files that are often near a stack file and what they are.</summary>
    private static string? OtherKind(YamlMappingNode map)
    {
        bool Has(string key) => map.Children.ContainsKey(new YamlScalarNode(key));
        // A project file may hold project-wide config too (Pulumi.yaml does): its name and runtime say what it is.
        if (Has("name") && Has("runtime")) return "a Pulumi project file (Pulumi.yaml)";
        if (Has("config") || Has("encryptionsalt") || Has("secretsprovider")) return null;
        if (Has("on") && Has("jobs")) return "a GitHub Actions workflow";
        if (Has("apiVersion") && Has("kind"))
            return $"a Kubernetes manifest ({UserText.Show(Text(map.Children[new YamlScalarNode("kind")]))}), as srcnet render writes them";
        return null;
    }

    /// <summary>
    /// A tag changes how a value is read (<c>!!binary</c> is decoded, <c>!Ref</c> means something to
    /// other tools only), and Pulumi and srcnet would not read it alike: only <c>!!str</c> on a
    /// scalar, which both read as a string, is allowed.
    /// </summary>
    private static void CheckTags(YamlNode root, Problems problems)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>([root]);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node)) continue; // an alias shares its anchor's node
            if (!node.Tag.IsEmpty && !(node is YamlScalarNode && node.Tag.Value == "tag:yaml.org,2002:str"))
            {
                var tag = node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal)
                    ? "!!" + node.Tag.Value["tag:yaml.org,2002:".Length..]
                    : node.Tag.Value;
                problems.Error(UserText.Show(tag), $"is a YAML tag {YamlLimits.At(node.Start)}: a stack file holds plain values, and Pulumi would not read a tagged one as srcnet does; remove the tag");
            }
            switch (node)
            {
                case YamlMappingNode m:
                    foreach (var (k, v) in m.Children)
                    {
                        pending.Push(k);
                        pending.Push(v);
                    }
                    break;
                case YamlSequenceNode s:
                    foreach (var item in s.Children) pending.Push(item);
                    break;
            }
        }
    }

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : node.ToString();

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" }
        || node is YamlMappingNode { Children.Count: 0 };
}
