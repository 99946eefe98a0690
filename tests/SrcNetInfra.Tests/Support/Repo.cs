namespace SrcNetInfra.Tests.Support;

/// <summary>The checkout the tests run from: its stack files are the real ones users deploy.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Every stack of the checkout, from its files (Pulumi.dev.yaml at the root, stacks/Pulumi.NAME.yaml):
    /// a new stack file gets its golden render and the checks over every stack without a test edit.
    /// </summary>
    public static readonly string[] Stacks =
    [
        .. Directory.EnumerateFiles(Root, "Pulumi.*.yaml").Concat(Directory.EnumerateFiles(Path.Combine(Root, "stacks"), "Pulumi.*.yaml"))
            .Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal),
    ];

    public static string StackFile(string stack) =>
        stack == "dev" ? Path.Combine(Root, "Pulumi.dev.yaml") : Path.Combine(Root, "stacks", $"Pulumi.{stack}.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SrcNetInfra.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SrcNetInfra.sln not found above " + AppContext.BaseDirectory);
    }
}
