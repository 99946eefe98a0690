using SrcNetInfra.Cli;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

/// <summary>
/// The last line of defence: anything unexpected (a bug) is exit 1 and one line, no stack trace;
/// <c>--debug</c> or <c>SRCNET_DEBUG=1</c> adds the trace, for the report of the bug.
/// </summary>
public class UnexpectedErrorTests
{
    /// <summary>Standard output that breaks: the one way to make a verb fail unexpectedly from outside.</summary>
    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("the output broke");
        public override void Write(char value) => throw new InvalidOperationException("the output broke");
    }

    private static async Task<(int Code, string[] Lines)> RenderInto(BrokenWriter output, params string[] extra)
    {
        var error = new StringWriter { NewLine = "\n" };
        var code = await SrcNet.RunAsync(["render", "--stack", "dev", .. extra], output, error, Repo.Root);
        return (code, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_unexpected_error_is_one_line_without_a_stack_trace()
    {
        var (code, lines) = await RenderInto(new BrokenWriter());
        Assert.Equal(1, code);
        var line = Assert.Single(lines);
        Assert.StartsWith("srcnet: unexpected error (InvalidOperationException): the output broke; this is a bug in srcnet", line, StringComparison.Ordinal);
        Assert.EndsWith("(--debug or SRCNET_DEBUG=1 shows where it happened)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debug_adds_the_stack_trace()
    {
        var (code, lines) = await RenderInto(new BrokenWriter(), "--debug");
        Assert.Equal(1, code);
        Assert.StartsWith("srcnet: unexpected error (InvalidOperationException)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at SrcNetInfra.Cli.Verbs.RenderVerb", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void The_debug_variable_is_on_unless_unset_or_zero_or_false(string? value, bool on) =>
        Assert.Equal(on, SrcNet.DebugRequested(value));
}
