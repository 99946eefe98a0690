namespace SrcNetInfra.Tests.Support;

/// <summary>The checkout the tests run from: its stack files are the real ones users deploy.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static readonly string[] Stacks = ["dev", "prod", "test"];

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
