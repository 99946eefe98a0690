using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

public class UsageTests
{
    [Fact]
    public void No_verb_prints_help_and_exits_2()
    {
        var run = CliRun.AtRoot();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("estimate", run.Out);
        Assert.Contains("render", run.Out);
        Assert.Contains("validate", run.Out);
    }

    [Theory]
    [InlineData("estimate")]
    [InlineData("render")]
    [InlineData("validate")]
    [InlineData("summary")]
    [InlineData("verify")]
    [InlineData("adopt")]
    public void Every_verb_has_help_naming_its_flags_with_examples(string verb)
    {
        var run = CliRun.AtRoot(verb, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"srcnet {verb}", run.Out);
        Assert.Contains("--stack", run.Out);
        Assert.Contains("--config-file", run.Out);
        Assert.Contains($"Examples:\n  srcnet {verb}", run.Out);
    }

    [Fact]
    public void Every_example_in_help_is_a_command_the_cli_accepts()
    {
        foreach (var (verb, examples) in SrcNetInfra.Cli.HelpExamples.ByVerb)
        {
            foreach (var example in examples)
            {
                var args = example.Split(" | ")[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
                Assert.Equal(verb, args[0]);
                var parse = SrcNetInfra.Cli.SrcNet.BuildCommand(new SrcNetInfra.Cli.CliContext(TextWriter.Null, TextWriter.Null, Repo.Root)).Parse(args);
                Assert.True(parse.Errors.Count == 0, $"`{example}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            }
        }
    }

    [Fact]
    public void Unknown_verbs_and_flags_exit_2_and_point_at_help()
    {
        var unknownVerb = CliRun.AtRoot("deploy");
        Assert.Equal(2, unknownVerb.ExitCode);
        Assert.Contains("'deploy'", unknownVerb.Error);

        var unknownFlag = CliRun.AtRoot("render", "--stack", "dev", "--output", "x");
        Assert.Equal(2, unknownFlag.ExitCode);
        Assert.Contains("Run 'srcnet render --help' for usage.", unknownFlag.Error);
        Assert.Empty(unknownFlag.Out);
    }
}
