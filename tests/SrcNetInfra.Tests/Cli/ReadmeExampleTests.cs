using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

/// <summary>The README's examples are what the tool really does: each is run and compared line by line.</summary>
public class ReadmeExampleTests
{
    private static readonly string[] Readme = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));

    /// <summary>The lines of the README's code block that starts with <paramref name="firstLine"/>, up to its closing fence.</summary>
    private static List<string> Block(string firstLine)
    {
        var start = Array.IndexOf(Readme, firstLine);
        Assert.True(start >= 0, $"README has no line '{firstLine}'");
        return [.. Readme.Skip(start).TakeWhile(l => l != "```")];
    }

    [Fact]
    public void The_validate_example_is_reproduced_exactly()
    {
        var block = Block("$ cat Pulumi.typo.yaml");
        var command = block.FindIndex(l => l.StartsWith("$ srcnet ", StringComparison.Ordinal));
        var fileText = string.Join("\n", block[1..command]) + "\n";
        using var dir = new TempDir();
        dir.Write("Pulumi.typo.yaml", fileText);

        var args = block[command]["$ srcnet ".Length..].Split(' ');
        var run = CliRun.In(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(block[(command + 1)..], [.. run.ErrorLines, .. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)]);
    }
}
