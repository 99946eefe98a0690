using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>
/// Generated strings, biased to the shapes YAML 1.1 readers take for something else (boolean words,
/// numbers with underscores or prefixes, timestamps, leading zeros, indicators, line breaks), put
/// into every config field that carries user text, through the stack reader, Core's check and plan
/// and the renderer; the rendered files read back with PyYAML (YAML 1.1, as Helm reads values) and
/// kubectl (as apply decodes manifests) give exactly the strings put in, and every other value too.
/// A string Core's check rejects for a field is put back to the field's default for that case.
/// </summary>
public class RenderedStringsTests
{
    private const int Cases = 24;

    /// <summary>A field: its config key, the YAML that sets it to a string, and the value that must then appear in a file.</summary>
    /// <param name="Group">Fields of one group take turns, one per case: they share a key or are rendered together.</param>
    private sealed record Field(string Name, string Key, Func<string, string> Yaml, string File, Func<string, string> Rendered, bool IsKey = false, string? Group = null);

    private static string Q(string s) => TestYaml.DoubleQuoted(s);

    private static readonly Field[] Fields =
    [
        new("ingestor image tag", "srcnet:ingestor.image.tag", Q, Manifests.ValuesFileName, s => s),
        new("ingestor image repository", "srcnet:ingestor.image.repository", Q, Manifests.ValuesFileName, s => s),
        new("RSE name", "srcnet:ingestor.config.rucioIngestRseName", Q, Manifests.ValuesFileName, s => s),
        new("Rucio account", "srcnet:ingestor.config.rucioCfgClientAccount", Q, Manifests.ValuesFileName, s => s),
        new("Rucio client host", "srcnet:ingestor.config.rucioCfgClientHost", s => Q("https://rucio.example.org/" + s), Manifests.ValuesFileName, s => "https://rucio.example.org/" + s),
        new("token endpoint", "srcnet:ingestor.config.oidcTokenEndpoint", s => Q("https://iam.example.org/" + s), Manifests.ValuesFileName, s => "https://iam.example.org/" + s),
        new("OIDC scope", "srcnet:ingestor.config.rucioCfgClientOidcScope", Q, Manifests.ValuesFileName, s => s),
        new("OIDC audience", "srcnet:ingestor.config.rucioCfgClientOidcAudience", Q, Manifests.ValuesFileName, s => s),
        new("auth type", "srcnet:ingestor.config.rucioCfgClientAuthType", Q, Manifests.ValuesFileName, s => s),
        new("backend name", "srcnet:ingestor.config.ingestionBackendName", Q, Manifests.ValuesFileName, s => s),
        new("metadata suffix", "srcnet:ingestor.config.metadataSuffix", Q, Manifests.ValuesFileName, s => s),
        new("ingest storage class", "srcnet:ingestor.persistence.storageClass", Q, Manifests.ValuesFileName, s => s),
        new("release name", "srcnet:ingestor.releaseName", Q, Manifests.ReleaseFileName, s => s),
        new("chart", "srcnet:ingestor.chart", Q, Manifests.ReleaseFileName, s => s),
        new("chart version", "srcnet:ingestor.version", Q, Manifests.ReleaseFileName, s => s),
        new("namespace", "srcnet:namespace.name", Q, Manifests.ManifestsFileName, s => s),
        new("namespace label key", "srcnet:namespace.labels", s => $"{{{Q(s)}: v}}", Manifests.ManifestsFileName, s => s, IsKey: true),
        new("namespace label value", "srcnet:namespace.labels", s => $"{{example.org/x: {Q(s)}}}", Manifests.ManifestsFileName, s => s),
        new("secret name", "srcnet:secret.name", Q, Manifests.ManifestsFileName, s => s),
        new("secret key", "srcnet:secret.clientIdKey", Q, Manifests.ManifestsFileName, s => s),
        new("vault path", "srcnet:secret.vault.path", Q, Manifests.ManifestsFileName, s => s),
        new("vault role", "srcnet:secret.vault.role", Q, Manifests.ManifestsFileName, s => s),
        new("vault auth mount", "srcnet:secret.vault.authMountPath", Q, Manifests.ManifestsFileName, s => s),
        new("vault remote key", "srcnet:secret.vault.remoteKey", Q, Manifests.ManifestsFileName, s => s),
        new("vault service account", "srcnet:secret.vault.serviceAccount", Q, Manifests.ManifestsFileName, s => s),
        new("secret store name", "srcnet:secret.vault.secretStoreName", Q, Manifests.ManifestsFileName, s => s),
        new("workflow name", "srcnet:workflow.name", Q, Manifests.ManifestsFileName, s => s),
        new("workflow image tag", "srcnet:workflow.image.tag", Q, Manifests.ManifestsFileName, s => "ghcr.io/i4ds/karabo-pipeline:" + s, Group: "image"),
        new("workflow image repository", "srcnet:workflow.image.repository", Q, Manifests.ManifestsFileName, s => s + ":0.34.0", Group: "image"),
        new("Rucio scope", "srcnet:workflow.metadata.rucioNamespace", Q, Manifests.ManifestsFileName, s => s),
        new("ivoid authority", "srcnet:workflow.metadata.ivoidAuthority", Q, Manifests.ManifestsFileName, s => s),
        new("ivoid path", "srcnet:workflow.metadata.ivoidPath", Q, Manifests.ManifestsFileName, s => s),
        new("OBS collection", "srcnet:workflow.metadata.obsCollection", Q, Manifests.ManifestsFileName, s => s),
        new("OBS_ID pattern", "srcnet:workflow.metadata.obsIdPattern", s => Q("{run}" + s), Manifests.ManifestsFileName, s => "{run}" + s),
        new("file prefix pattern", "srcnet:workflow.metadata.filePrefixPattern", s => Q(s + "{run}"), Manifests.ManifestsFileName, s => s + "{run}"),
        // The hand-over script receives the outDir as SRCNET_STAGING_DIR, without a trailing slash (it appends the scope).
        new("SRCNET_STAGING_DIR", "srcnet:workflow.outDir", s => Q("/ingest/" + s), Manifests.ManifestsFileName, s => ("/ingest/" + s).TrimEnd('/')),
        new("node affinity key", "srcnet:workflow.nodeAffinity", s => $"[{{key: {Q(s)}, operator: Exists}}]", Manifests.ManifestsFileName, s => s),
        new("node affinity value", "srcnet:workflow.nodeAffinity", s => $"[{{key: hpc, operator: In, values: [{Q(s)}]}}]", Manifests.ManifestsFileName, s => s),
        new("toleration key", "srcnet:workflow.tolerations", s => $"[{{key: {Q(s)}, operator: Exists}}]", Manifests.ManifestsFileName, s => s),
        new("toleration value", "srcnet:workflow.tolerations", s => $"[{{key: hpc, value: {Q(s)}, effect: NoSchedule}}]", Manifests.ManifestsFileName, s => s),
        new("scratch storage class", "srcnet:scratch.storageClass", Q, Manifests.ManifestsFileName, s => s),
    ];

    /// <summary>Fields whose validation admits risky shapes; the generator must reach them there, or the test proves little.</summary>
    private static readonly string[] MustReachRisky =
        ["ingestor image tag", "workflow image tag", "RSE name", "Rucio account", "namespace label value", "namespace label key", "OBS collection", "node affinity value", "toleration value"];

    private static readonly string[] BoolWords = ["y", "yes", "n", "no", "true", "false", "on", "off", "null"];

    /// <summary>Strings biased to what YAML 1.1 readers misread, with plain words and random text mixed in.</summary>
    private static readonly Gen<string> Risky = Gen.Frequency(
        (3, Gen.OneOfConst(YamlQuotingTests.MustQuote)),
        (2, Gen.OneOfConst(BoolWords).SelectMany(w => Gen.Bool.Array[w.Length].Select(upper =>
            new string(w.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c).ToArray())))),
        (3, Gen.Select(Gen.Int[0, 99_999], Gen.Int[0, 6], Gen.Int[1, 4], (n, shape, k) => shape switch
        {
            0 => string.Join("_", n.ToString("D8").Chunk(k).Select(c => new string(c))), // 0001_2345, 2024_01_15
            1 => "0" + n,                                                                // leading zero: octal in YAML 1.1
            2 => (k % 2 == 0 ? "+" : "-") + n,
            3 => new[] { "0x", "0o", "0b" }[k % 3] + (k % 3 == 2 ? Convert.ToString(n, 2) : n.ToString("x")),
            4 => $"{n}e{k}",
            5 => $"{n % 100}.{n % 7}.{k}",                                                // versions: YAML 1.1 floats
            _ => $"{n % 60 + 1}:{k * 11 % 60:D2}:{n % 60:D2}",                            // base 60
        })),
        (1, Gen.Select(Gen.Int[1900, 2100], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Bool, (y, m, d, time) =>
            $"{y}-{m:D2}-{d:D2}" + (time ? $"T{m:D2}:{d:D2}:00Z" : ""))),
        (2, Gen.Select(Gen.Char["-?:,[]{}#&*!|>'\"%@` ~=<"], Gen.String[Gen.Char["abz09_.-"], 1, 6], (c, w) => c + w)),
        (2, Gen.String[Gen.Char["aZ09_.-:/ #'\"\\\t\né~"], 1, 12]),
        (2, Gen.String[Gen.Char["abcxyz0189-._"], 1, 12]));

    [ToolFact(ExternalTools.PyYaml, ExternalTools.Kubectl)]
    public void Every_user_string_reads_back_unchanged_in_PyYAML_and_kubectl()
    {
        var cases = new List<string[]>();
        Risky.Array[Fields.Length].Sample(strings => cases.Add(strings), iter: Cases, threads: 1);

        using var dir = new TempDir();
        var rendered = new List<Rendered>();
        var riskyAccepted = Fields.ToDictionary(f => f.Name, _ => 0);
        foreach (var strings in cases)
        {
            if (RenderCase(strings, dir, rendered.Count) is not { } r) continue;
            rendered.Add(r);
            foreach (var (field, s) in r.Placed)
            {
                if (!PlainScalar.IsSafe(s)) riskyAccepted[field.Name]++;
            }
        }

        Assert.True(rendered.Count >= Cases / 2, $"only {rendered.Count} of {Cases} generated stacks could be made valid");
        foreach (var name in MustReachRisky)
            Assert.True(riskyAccepted[name] > 0, $"no generated string that needs quoting was accepted for {name}: the test would not exercise quoting there");

        // PyYAML: every file of every case; each reads back as the tree srcnet wrote, and holds each placed string.
        var files = rendered.SelectMany(r => r.Files.Values).ToList();
        var read = YamlReaders.PyYaml(files);
        var byFile = files.Zip(read).ToDictionary(p => p.First, p => p.Second);
        foreach (var r in rendered)
        {
            foreach (var (name, expected) in r.Expected)
            {
                var documents = byFile[r.Files[name]];
                Assert.True(expected.Count == documents.Count, $"{r.Files[name]}: {expected.Count} documents written, {documents.Count} read");
                for (var i = 0; i < expected.Count; i++)
                {
                    var diff = YamlReaders.Difference(YamlReaders.Expected(expected[i]), documents[i]);
                    Assert.True(diff is null, $"PyYAML reads {name} of case {r.Index} differently: {diff}\n{r.Describe()}");
                }
            }
            foreach (var (field, s) in r.Placed)
            {
                var value = field.Rendered(s);
                Assert.True(Holds(byFile[r.Files[field.File]], value, field.IsKey),
                    $"{field.Name}: the string {Show(value)} is not in {field.File} as PyYAML reads it (case {r.Index})");
            }
        }

        // kubectl: every manifests file in one run, decoded as apply decodes them.
        var manifests = rendered.Select(r => r.Files[Manifests.ManifestsFileName]).ToList();
        var objects = YamlReaders.Kubectl(manifests);
        var expectedObjects = rendered.SelectMany(r => r.Expected[Manifests.ManifestsFileName].Select(o => (Case: r, Tree: o))).ToList();
        Assert.Equal(expectedObjects.Count, objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            var diff = YamlReaders.Difference(YamlReaders.Expected(expectedObjects[i].Tree), objects[i]);
            Assert.True(diff is null, $"kubectl decodes an object of case {expectedObjects[i].Case.Index} differently: {diff}\n{expectedObjects[i].Case.Describe()}");
        }
    }

    private sealed record Rendered(
        int Index,
        IReadOnlyList<(Field Field, string Value)> Placed,
        IReadOnlyDictionary<string, string> Files,
        IReadOnlyDictionary<string, IReadOnlyList<object>> Expected)
    {
        public string Describe() => string.Join("\n", Placed.Select(p => $"  {p.Field.Name} = {Show(p.Value)}"));
    }

    /// <summary>
    /// One stack with every field set to its generated string; a field whose string the check rejects
    /// goes back to its default, until the stack is valid.
    /// </summary>
    private static Rendered? RenderCase(string[] strings, TempDir dir, int index)
    {
        var placed = Fields.Select((f, i) => (Field: f, Value: strings[i])).ToList();
        placed = [.. placed.GroupBy(p => p.Field.Group ?? p.Field.Key).Select(g => g.ElementAt(index % g.Count()))];
        for (var attempt = 0; attempt < 4 && placed.Count > 0; attempt++)
        {
            // A CronJob: its OBS_ID and file prefix patterns are rendered as written.
            var values = StackValues.Parse(MinimalStack.Yaml, "Pulumi.strings.yaml");
            StackValues.Set(values, "srcnet:workflow.mode", "cronjob");
            foreach (var (field, value) in placed) StackValues.Set(values, field.Key, field.Yaml(value));
            var check = EnvironmentCheck.Run("strings", values);
            if (check.Ok)
            {
                var plan = Planner.Plan(check.Environment!);
                var files = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, content) in RenderedFiles.For(plan))
                    files[name] = dir.Write(Path.Combine($"case{index}", name), content);
                var expected = new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal)
                {
                    [Manifests.ManifestsFileName] = [.. plan.Objects.Select(o => (object)JsonForm.Of(o.Object))],
                    [Manifests.ValuesFileName] = [plan.Ingestor.Values],
                    [Manifests.ReleaseFileName] = [HelmValues.ReleaseDescription(plan.Ingestor)],
                };
                return new Rendered(index, placed, files, expected);
            }
            var rejected = check.Errors.Select(e => e.Key).ToList();
            var kept = placed.Where(p => !rejected.Any(k => k.StartsWith(p.Field.Key, StringComparison.Ordinal))).ToList();
            // An error no field's key explains: give up on this case rather than guess.
            if (kept.Count == placed.Count) return null;
            placed = kept;
        }
        return null;
    }


    private static bool Holds(JsonArray documents, string value, bool asKey) =>
        documents.Any(d => Contains(d, value, asKey));

    private static bool Contains(JsonNode? node, string value, bool asKey) => node switch
    {
        JsonObject o => o.Any(p => (asKey && p.Key == value) || Contains(p.Value, value, asKey)),
        JsonArray a => a.Any(n => Contains(n, value, asKey)),
        JsonValue v => !asKey && v.TryGetValue<string>(out var s) && s == value,
        _ => false,
    };

    private static string Show(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}

/// <summary>YAML text for test stack files, independent of the writer under test.</summary>
internal static class TestYaml
{
    /// <summary>Any string as a YAML double-quoted scalar, escaping like JSON (which YAML 1.2 reads).</summary>
    public static string DoubleQuoted(string s)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            if (c is '"' or '\\') b.Append('\\').Append(c);
            else if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF') b.Append($"\\u{(int)c:X4}");
            else b.Append(c);
        }
        return b.Append('"').ToString();
    }
}
