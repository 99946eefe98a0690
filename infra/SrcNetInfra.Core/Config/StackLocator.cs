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
            error = $"--stack: '{stack}' is not a stack name (letters, digits, '_', '.', '-')";
            return null;
        }
        foreach (var candidate in new[] { Path.Combine(Root, $"Pulumi.{stack}.yaml"), Path.Combine(Root, "stacks", $"Pulumi.{stack}.yaml") })
        {
            if (File.Exists(candidate)) return candidate;
        }
        var known = All().Select(StackFile.StackNameOf).ToList();
        error = $"--stack: no Pulumi.{stack}.yaml in {Root} or {Path.Combine(Root, "stacks")}"
            + (known.Count > 0 ? $"; stacks here: {string.Join(", ", known)}" : "");
        return null;
    }

    /// <summary>Every stack file, root first, each group in name order (stable for --all output).</summary>
    public IReadOnlyList<string> All()
    {
        static IEnumerable<string> In(string dir) =>
            Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, "Pulumi.*.yaml")
                    .Where(f => Path.GetFileName(f) != "Pulumi.yaml")
                    .Order(StringComparer.Ordinal)
                : [];
        return [.. In(Root).Concat(In(Path.Combine(Root, "stacks")))];
    }
}
