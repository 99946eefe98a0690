using DiffPlex.Renderer;
using k8s;
using k8s.Models;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// How a stack's render differs from a base render: a unified diff per file, and whether the Job
/// changed name, which on <c>pulumi up</c> means a new run with new ids.
/// </summary>
/// <param name="BaseExists">False when the base branch has no render of this stack (a new stack).</param>
/// <param name="Refused">What <c>pulumi up</c> refuses (errors) or warns of for a stack deployed from the base
/// (<see cref="DeployedIdentity.Changes"/>), with the steps; the claim's size is in <paramref name="Resizes"/>.</param>
public sealed record RenderChanges(
    bool BaseExists,
    IReadOnlyList<FileChange> Files,
    string? JobBefore,
    string? JobAfter,
    IReadOnlyList<ClaimResize> Resizes,
    IReadOnlyList<Core.Config.Problem> Refused)
{
    public bool Any => !BaseExists || Files.Any(f => f.Diff.Length > 0);

    public bool NewRun => BaseExists && JobBefore is not null && JobAfter is not null && JobBefore != JobAfter;

    public int Added => Files.Sum(f => f.Added);

    public int Removed => Files.Sum(f => f.Removed);

    /// <summary>The most read of one base-render file: a stack's render is a few dozen KiB.</summary>
    public const int MaxBaseFileBytes = 512 * 1024;

    /// <summary>
    /// The most lines of one base-render file: a stack's render has a few hundred, and a diff costs
    /// time in proportion to lines times differences (5000 lines against a render take well under a second).
    /// </summary>
    public const int MaxBaseFileLines = 5000;

    /// <summary>
    /// The head side comes from the plan itself (its files, its Job's name, its ingest request); only
    /// the base, which is files on disk, is read back.
    /// </summary>
    public static RenderChanges Against(string baseDirectory, EnvironmentPlan head)
    {
        var jobAfter = head.Run.RunId is null ? null : head.Run.WorkloadName;
        if (!Directory.Exists(baseDirectory)) return new RenderChanges(false, [], null, jobAfter, [], []);
        var files = new List<FileChange>();
        var before = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, content) in RenderedFiles.For(head))
        {
            before[name] = ReadBase(baseDirectory, name);
            files.Add(FileChange.Of(name, before[name] ?? "", content));
        }
        var manifestsText = before.GetValueOrDefault(Manifests.ManifestsFileName) ?? "";
        var baseObjects = manifestsText.Length > 0 ? Objects(manifestsText) : [];
        var headIdentity = DeployedIdentity.Of(head.Environment);
        // The ingest area is the stack's own claim in the manifests; a render from before that has
        // only the chart's persistence values.
        var baseIdentity = BaseIdentity.From(manifestsText, baseObjects,
            before.GetValueOrDefault(Manifests.ValuesFileName) is { } baseValues ? Values(baseValues) : null, headIdentity);
        var resizes = new List<ClaimResize>();
        if (ClaimResize.Of(IngestAreaClaim.Name, baseIdentity?.IngestSize, head.Environment.Sizing.IngestRequest.Text) is { } ingest)
            resizes.Add(ingest);
        // The claim's size is already said by its resize, with the value to keep.
        var refused = DeployedIdentity.Changes(baseIdentity, headIdentity, head.Spec.Deploy.ProtectData)
            .Where(p => p.Key != "srcnet:ingestor.persistence.size").ToList();
        return new RenderChanges(true, files, baseObjects.OfType<V1Job>().SingleOrDefault()?.Metadata.Name, jobAfter, resizes, refused);
    }

    /// <summary>A file of the base render, or null when the base has none; one that is not a render is a usage error.</summary>
    private static string? ReadBase(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path) && !Directory.Exists(path)) return null;
        var text = TextFile.Read(path, MaxBaseFileBytes, out var refused)
            ?? throw new UsageException($"--base-render: {name} {refused}");
        var lines = text.Count(c => c == '\n');
        if (lines > MaxBaseFileLines)
            throw new UsageException($"--base-render: {name} has {lines} lines, more than the {MaxBaseFileLines} compared; a stack's render has a few hundred: is it the right directory?");
        return text;
    }

    /// <summary>A base render's Helm values; null when they cannot be read.</summary>
    private static Dictionary<string, object>? Values(string values)
    {
        // Deserializing recurses: a file nested too deep, like one that is not YAML, has no size to read.
        if (YamlLimits.Check(values) is not null) return null;
        try
        {
            return new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(values);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    /// <summary>The objects of a base render's manifests; none when they cannot be read.</summary>
    private static IReadOnlyList<object> Objects(string manifests)
    {
        if (YamlLimits.Check(manifests) is not null) return [];
        try
        {
            return KubernetesYaml.LoadAllFromString(manifests, new Dictionary<string, Type>(CustomResourceTypes.Map));
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }
}

/// <summary>One rendered file's unified diff (empty when unchanged) and its line counts.</summary>
public sealed record FileChange(string Name, string Diff, int Added, int Removed)
{
    public static FileChange Of(string name, string before, string after)
    {
        if (before == after) return new FileChange(name, "", 0, 0);
        var diff = UnidiffRenderer.GenerateUnidiff(before, after, $"base/{name}", $"head/{name}", ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
        var lines = diff.Split('\n');
        return new FileChange(name, diff.TrimEnd('\n') + "\n",
            lines.Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)),
            lines.Count(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)));
    }
}

/// <summary>
/// A claim that keeps its data whose requested size changes. Kubernetes refuses to shrink a claim,
/// and grows one only where its storage class allows volume expansion.
/// </summary>
public sealed record ClaimResize(string Claim, string Before, string After, bool Shrinks)
{
    public static ClaimResize? Of(string claim, string? before, string? after)
    {
        if (before is null || after is null || before == after) return null;
        if (!Quantity.TryParse(before, out var b) || !Quantity.TryParse(after, out var a) || a.Value == b.Value) return null;
        return new ClaimResize(claim, before, after, a.Value < b.Value);
    }

    public string Message => Shrinks
        ? $"claim {Claim} would shrink from {Before} to {After}: Kubernetes refuses to shrink a claim, so pulumi up fails. " +
          "Keep the size with an explicit srcnet:ingestor.persistence.size."
        : $"claim {Claim} grows from {Before} to {After}: its storage class must allow volume expansion.";
}
