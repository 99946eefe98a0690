using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Config;

/// <summary>Enum words are read and written through one table, so output spells them as users do.</summary>
public class ConfigWordsTests
{
    [Fact]
    public void Every_word_reads_back_to_the_value_that_writes_it()
    {
        static void RoundTrip<T>(Words<T> words) where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                Assert.True(words.TryRead(words.Of(value), out var read));
                Assert.Equal(value, read);
            }
            Assert.Equal(Enum.GetValues<T>().Length, words.All.Distinct().Count());
        }
        RoundTrip(ConfigWords.WorkflowMode);
        RoundTrip(ConfigWords.ScratchMode);
        RoundTrip(ConfigWords.SecretMode);
    }

    [Fact]
    public void A_table_missing_a_value_is_refused_when_it_is_made()
    {
        Assert.Throws<ArgumentException>(() => new Words<ScratchMode>((ScratchMode.Ephemeral, "ephemeral")));
    }

    [Fact]
    public void The_summary_writes_a_mode_as_the_stack_file_does()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.shared.yaml", MinimalStack.Yaml + "  srcnet:scratch:\n    mode: sharedClaim\n");
        var run = CliRun.AtRoot("summary", "--config-file", file);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("(sharedClaim)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_in_the_wrong_case_is_refused_with_the_words_allowed()
    {
        var result = Stacks.Check("srcnet:scratch.mode", "sharedclaim");
        var error = Assert.Single(result.Errors);
        Assert.Equal("srcnet:scratch.mode", error.Key);
        Assert.Contains("must be one of ephemeral, sharedClaim", error.Message, StringComparison.Ordinal);
    }
}
