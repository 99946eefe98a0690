using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>Every stack's rendering, as `srcnet render --out` writes it, against its golden files.</summary>
public class GoldenRenderTests
{
    public static TheoryData<string> Stacks => [.. Repo.Stacks];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Stack_renders_as_its_golden_files(string stack)
    {
        using var dir = new TempDir();
        var run = CliRun.AtRoot("render", "--stack", stack, "--out", dir.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            new[] { Manifests.ReleaseFileName, Manifests.ValuesFileName, Manifests.ManifestsFileName }.Order(StringComparer.Ordinal),
            dir.Files());
        foreach (var file in dir.Files())
        {
            Golden.Check(stack, file, File.ReadAllText(Path.Combine(dir.Path, file)));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Stdout_is_the_manifests_file(string stack)
    {
        using var dir = new TempDir();
        var toFiles = CliRun.AtRoot("render", "--stack", stack, "--out", dir.Path);
        var toStdout = CliRun.AtRoot("render", "--stack", stack);
        Assert.Equal(0, toStdout.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, Manifests.ManifestsFileName)), toStdout.Out);
        Assert.Equal(0, toFiles.ExitCode);
    }
}
