using System.Text.Json;
using System.Text.Json.Nodes;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>
/// Reads YAML files back with the real tools, many files per process so a test stays fast, and
/// returns what each tool decoded as JSON. A value that is not a string, boolean, integer, null, map
/// or list (a float, a timestamp, a non-string key) comes back marked <c>!!type</c>, so a string
/// that a reader took for something else can never compare equal to the string written.
/// </summary>
public static class YamlReaders
{
    // yaml.safe_load_all: PyYAML's YAML 1.1 resolver (yaml/resolver.py), the same rules as
    // sigs.k8s.io/yaml's goyaml.v2 for booleans (y, on, no, ...), base-prefixed and underscored
    // numbers and timestamps. A file that does not parse comes back as {"!!error": message}.
    private const string PyYamlScript = """
        import json, sys, yaml
        def plain(x):
            if isinstance(x, dict):
                return {(k if isinstance(k, str) else '!!%s:%r' % (type(k).__name__, k)): plain(v) for k, v in x.items()}
            if isinstance(x, list):
                return [plain(v) for v in x]
            if x is None or isinstance(x, (str, bool, int)):
                return x
            return {'!!' + type(x).__name__: repr(x)}
        out = []
        for path in sys.argv[1:]:
            try:
                with open(path, encoding='utf-8') as f:
                    out.append([plain(d) for d in yaml.safe_load_all(f)])
            except Exception as e:
                out.append({'!!error': '%s: %s' % (type(e).__name__, e)})
        json.dump(out, sys.stdout)
        """;

    /// <summary>
    /// Every document of every file, as PyYAML's safe_load_all reads it; one list of documents per
    /// file. A file PyYAML cannot read fails the test with PyYAML's message.
    /// </summary>
    public static IReadOnlyList<JsonArray> PyYaml(IReadOnlyList<string> files)
    {
        var python = ExternalTools.Require(ExternalTools.PyYaml);
        var run = ExternalTools.Run(python, ["-c", PyYamlScript, .. files]);
        Assert.True(run.ExitCode == 0, $"PyYAML exited {run.ExitCode}: {run.Error}");
        var results = JsonNode.Parse(run.Out)!.AsArray();
        Assert.Equal(files.Count, results.Count);
        return [.. results.Select((r, i) => r is JsonObject error
            ? throw new Xunit.Sdk.XunitException($"PyYAML cannot read {files[i]}: {error["!!error"]}\n--- the file's start:\n{Head(files[i])}")
            : r!.AsArray())];
    }

    /// <summary>
    /// Every object of the manifests files as <c>kubectl label --local -f FILE srcnet-test=read -o json</c>
    /// decodes them (kubectl apply's decoding, offline), in file order, with the label taken out again.
    /// A file kubectl cannot decode fails the test with kubectl's message.
    /// </summary>
    public static IReadOnlyList<JsonObject> Kubectl(IReadOnlyList<string> files)
    {
        var kubectl = ExternalTools.Require(ExternalTools.Kubectl);
        var args = new List<string> { "label", "--local", "-o", "json" };
        foreach (var f in files) args.AddRange(["-f", f]);
        args.Add("srcnet-test=read");
        var run = ExternalTools.Run(kubectl, args);
        Assert.True(run.ExitCode == 0, $"kubectl could not decode the manifests (exit {run.ExitCode}): {run.Error}");
        // One JSON object per decoded object, one after the other (or a List, depending on the version).
        var items = new List<JsonObject>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(run.Out), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            var output = JsonNode.Parse(ref reader)!.AsObject();
            if (output["kind"]?.GetValue<string>() == "List") items.AddRange(output["items"]!.AsArray().Select(i => i!.AsObject()));
            else items.Add(output);
        }
        foreach (var item in items)
        {
            var labels = item["metadata"]!["labels"]!.AsObject();
            labels.Remove("srcnet-test");
            if (labels.Count == 0) item["metadata"]!.AsObject().Remove("labels");
        }
        return items;
    }

    private static string Head(string file) => string.Join("\n", File.ReadLines(file).Take(12));

    /// <summary>A tree as srcnet wrote it (maps, lists, strings, numbers, booleans), as JSON to compare with a reader's.</summary>
    public static JsonNode? Expected(object tree) => JsonSerializer.SerializeToNode(tree);

    /// <summary>Deep equality, with the first difference's path when they differ.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key)) return $"{path}: key '{key}' is missing; read keys: {string.Join(", ", a.Select(p => $"'{p.Key}'"))}";
                    if (Difference(value, a[key], $"{path}.{key}") is { } d) return d;
                }
                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}: unexpected key '{extra}'";
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count) return $"{path}: {e.Count} items written, {a.Count} read";
                for (var i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], $"{path}[{i}]") is { } d) return d;
                }
                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: wrote {expected?.ToJsonString() ?? "null"}, read {actual?.ToJsonString() ?? "null"}";
        }
    }
}
