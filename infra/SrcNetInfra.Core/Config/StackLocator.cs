using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Finds stack files the way the project lays them out: <c>Pulumi.dev.yaml</c> beside
/// <c>Pulumi.yaml</c>, the other environments in <c>stacks/</c>.
/// </summary>
public sealed partial class StackLocator(string root)
{
    public string Root { get; } = root;

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+$")]
    private static partial Regex StackName();

    /// <summary>The project root: the nearest directory upwards that holds Pulumi.yaml, else <paramref name="start"/>.</summary>
    public static StackLocator FromDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pulumi.yaml"))) return new StackLocator(dir.FullName);
        }
        return new StackLocator(start);
    }

    /// <summary>The file for stack <paramref name="stack"/>, or null and a one-line reason.</summary>
    public string? Find(string stack, out string? error)
    {
        error = null;
        if (!StackName().IsMatch(stack))
        {
            error = $"--stack: {UserText.Quote(stack)} is not a stack name (letters, digits, '_', '.', '-')";
            return null;
        }
        var candidates = new[] { Path.Combine(Root, $"Pulumi.{stack}.yaml"), Path.Combine(Root, "stacks", $"Pulumi.{stack}.yaml") }
            .Where(File.Exists).ToList();
        // `pulumi stack init` with a passphrase backend writes a root Pulumi.<stack>.yaml holding only
        // its encryption salt; it must not hide the stack's real file in stacks/.
        var configured = candidates.Where(HasSrcnetConfig).ToList();
        if (configured.Count > 1)
        {
            error = $"--stack: both {configured[0]} and {configured[1]} configure stack {stack}; keep one, or name it with --config-file";
            return null;
        }
        if (configured.Count == 1) return configured[0];
        if (candidates.Count > 0) return candidates[0];
        var known = All().Select(StackFile.StackNameOf).ToList();
        error = $"--stack: no Pulumi.{stack}.yaml in {Root} or {Path.Combine(Root, "stacks")}"
            + (known.Count > 0 ? $"; stacks here: {string.Join(", ", known)}" : "");
        return null;
    }

    /// <summary>Whether a file configures srcnet: keys; a file that cannot be read does not (validating it says why).</summary>
    private static bool HasSrcnetConfig(string path) =>
        TextFile.Read(path, TextFile.StackFileLimit, out _) is { } text
        && text.Split('\n').Any(line => line.TrimStart().StartsWith(StackConfig.Namespace + ":", StringComparison.Ordinal));

    /// <summary>
    /// Every stack file, root first, each group in name order (stable for --all output). Where a
    /// stack has a file in both places, a file without srcnet: keys (a salt-only file Pulumi wrote)
    /// gives way to the one that configures the stack.
    /// </summary>
    public IReadOnlyList<string> All()
    {
        static IEnumerable<string> In(string dir) =>
            Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, "Pulumi.*.yaml")
                    .Where(f => Path.GetFileName(f) != "Pulumi.yaml")
                    .Order(StringComparer.Ordinal)
                : [];
        var files = In(Root).Concat(In(Path.Combine(Root, "stacks"))).ToList();
        return [.. files.Where(f =>
            HasSrcnetConfig(f) || !files.Any(other => other != f && StackFile.StackNameOf(other) == StackFile.StackNameOf(f) && HasSrcnetConfig(other)))];
    }
}
