namespace SrcNetInfra.Tests.Support;

/// <summary>
/// A copy of the project's Pulumi.yaml and some of its stack files in a temporary directory, for
/// verbs that write into the project (calibrate's calibrations/) without touching the checkout.
/// </summary>
internal static class ProjectCopy
{
    public static TempDir With(params string[] stacks)
    {
        var dir = new TempDir();
        File.Copy(Path.Combine(Repo.Root, "Pulumi.yaml"), Path.Combine(dir.Path, "Pulumi.yaml"));
        foreach (var stack in stacks)
        {
            var target = Path.Combine(dir.Path, Path.GetRelativePath(Repo.Root, Repo.StackFile(stack)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Repo.StackFile(stack), target);
        }
        return dir;
    }
}
