using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Benchmarks;

/// <summary>Paths in the repository, found from wherever the benchmark process runs.</summary>
public static class Repo
{
    /// <summary>
    /// The directory holding SrcNetInfra.sln, walking up from <see cref="AppContext.BaseDirectory"/>.
    /// BenchmarkDotNet runs each job from a generated project under this project's bin/, so the
    /// walk works for the host process and for every benchmark process it starts.
    /// </summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The stack file of <paramref name="stack"/>: Pulumi.dev.yaml at the root, the others in stacks/.</summary>
    public static string StackFile(string stack)
    {
        foreach (var candidate in new[] { Path.Combine(Root, $"Pulumi.{stack}.yaml"), Path.Combine(Root, "stacks", $"Pulumi.{stack}.yaml") })
        {
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"no Pulumi.{stack}.yaml in {Root} or {Path.Combine(Root, "stacks")}");
    }

    /// <summary>The stack's checked environment; a stack that does not pass its checks stops the benchmark.</summary>
    public static CheckedEnvironment CheckedEnvironment(string stack)
    {
        var path = StackFile(stack);
        var result = EnvironmentCheck.RunFile(path);
        return result.Environment
            ?? throw new InvalidOperationException($"{path} does not pass its checks: {string.Join("; ", result.Errors)}");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SrcNetInfra.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no SrcNetInfra.sln in {AppContext.BaseDirectory} or any directory above it");
    }
}
