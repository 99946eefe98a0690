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
    [InlineData("calibrate")]
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

    [Theory]
    [InlineData(new[] { "valdate" }, "srcnet: Unrecognized command or argument 'valdate'. Did you mean 'validate'?")]
    [InlineData(new[] { "sumary", "--stack", "dev" }, "'sumary'. Did you mean 'summary'?")]
    [InlineData(new[] { "render", "--stack", "dev", "--ouy", "x" }, "'--ouy'. Did you mean '--out'?")]
    [InlineData(new[] { "verify", "--stack", "dev", "--kubeconfg", "x" }, "'--kubeconfg'. Did you mean '--kubeconfig'?")]
    public void A_mistyped_verb_or_flag_gets_a_did_you_mean(string[] args, string line)
    {
        var run = CliRun.AtRoot(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.EndsWith(line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "summary", "--stack", "dev", "--base-render", "" }, "srcnet: --base-render: give the directory `srcnet render --out` wrote; an empty path would compare with the current directory")]
    [InlineData(new[] { "validate", "--config-file", "stacks" }, "srcnet: --config-file: 'stacks' is a directory; name a stack file such as Pulumi.dev.yaml, or use --stack")]
    [InlineData(new[] { "validate", "--config-file", "" }, "srcnet: --config-file: no such file: ''")]
    public void An_empty_or_wrong_kind_of_path_is_one_line_naming_the_flag(string[] args, string line)
    {
        var run = CliRun.AtRoot(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(line, Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Debug_is_a_flag_of_every_verb_shown_in_help()
    {
        Assert.Contains("--debug", CliRun.AtRoot("--help").Out, StringComparison.Ordinal);
        foreach (var verb in new[] { "estimate", "render", "validate", "verify", "summary", "calibrate", "adopt" })
            Assert.Contains("SRCNET_DEBUG=1", CliRun.AtRoot(verb, "--help").Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.AtRoot("validate", "--stack", "dev", "--debug").ExitCode);
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
