using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// User values in messages are escaped and shortened: a value must not be able to rewrite the
/// terminal (escape sequences), reorder what is shown (bidirectional overrides), hide characters
/// (zero-width ones) or flood the output (a 50 MB value).
/// </summary>
public class UserTextTests
{
    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", @"'\u001B[31mred\u001B[0m'")]        // a terminal colour escape
    [InlineData("\u009b31m", @"'\u009B31m'")]                                   // C1 control sequence introducer
    [InlineData("evil\u202Egnp.exe", @"'evil\u202Egnp.exe'")]                   // right-to-left override
    [InlineData("a\u2066b\u2069", @"'a\u2066b\u2069'")]                         // isolates
    [InlineData("pre\u200Bfix", @"'pre\u200Bfix'")]                            // zero-width space
    [InlineData("\uFEFFbom", @"'\uFEFFbom'")]                                   // byte order mark
    [InlineData("nul\0", @"'nul\u0000'")]
    [InlineData("tab\tnew\nline\r", @"'tab\tnew\nline\r'")]
    [InlineData("del\u007f", @"'del\u007F'")]
    [InlineData("line\u2028sep", @"'line\u2028sep'")]
    [InlineData("Zürich 東京 🚀", "'Zürich 東京 🚀'")]                           // ordinary text stays as it is
    [InlineData("", "''")]
    public void Quote_escapes_what_a_terminal_would_not_show_as_itself(string value, string expected) =>
        Assert.Equal(expected, UserText.Quote(value));

    [Fact]
    public void A_lone_surrogate_is_escaped() =>
        // Not in InlineData: test discovery would turn it into U+FFFD on its way.
        Assert.Equal(@"'lone\uD800'", UserText.Quote("lone" + (char)0xD800));

    [Fact]
    public void A_long_value_is_shortened_with_its_full_length()
    {
        var quoted = UserText.Quote(new string('x', 5_000_000));
        Assert.Equal($"'{new string('x', UserText.Shown)}...' (5000000 characters)", quoted);
    }

    [Fact]
    public void An_escape_is_never_cut_in_half()
    {
        var value = new string('x', UserText.Shown - 3) + "\u001b[0m";
        var quoted = UserText.Quote(value);
        Assert.StartsWith($"'{new string('x', UserText.Shown - 3)}...'", quoted, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_exactly_the_limit_is_shown_whole()
    {
        var value = new string('y', UserText.Shown);
        Assert.Equal($"'{value}'", UserText.Quote(value));
    }

    [Fact]
    public void A_config_value_with_a_terminal_escape_is_shown_escaped()
    {
        var result = Stacks.Check("srcnet:workflow.mode", "\"\\e]0;pwned\\a\\e[2J\"");
        var error = Expect.Error(result, "srcnet:workflow.mode", "must be one of job, cronjob, campaign");
        Assert.Contains(@"(got '\u001B]0;pwned\u0007\u001B[2J')", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error.ToString());
    }

    [Fact]
    public void An_unknown_key_with_a_bidirectional_override_is_shown_escaped()
    {
        var values = Stacks.Parse(Stacks.Valid);
        StackValues.Set(values, "srcnet:workflow.image.tag", "0.34.0");
        ((System.Text.Json.Nodes.JsonObject)values["workflow"]!)["ima\u202Ege"] = "x";
        var result = EnvironmentCheck.Run("test", values);
        var error = Assert.Single(result.Errors);
        Assert.Equal(@"srcnet:workflow.ima\u202Ege", error.Key);
        Assert.DoesNotContain('\u202E', error.ToString());
    }

    [Fact]
    public void A_5_MB_value_from_pulumi_is_not_echoed_whole()
    {
        // Through `pulumi up` values come from Pulumi's config, not from a size-limited file.
        var values = Stacks.With(("srcnet:workflow.image.tag", "0.34.0"));
        StackValues.Set(values, "srcnet:workflow.mode", "job");
        ((System.Text.Json.Nodes.JsonObject)values["workflow"]!)["mode"] = new string('m', 5_000_000);
        var result = EnvironmentCheck.Run("test", values);
        var error = Expect.Error(result, "srcnet:workflow.mode", "must be one of job, cronjob, campaign");
        Assert.InRange(error.ToString().Length, 1, 300);
        Assert.Contains("(5000000 characters)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_unknown_key_is_shortened_and_costs_no_suggestion_search()
    {
        var values = Stacks.Parse(Stacks.Valid);
        values[new string('k', 1_000_000)] = "x";
        var result = EnvironmentCheck.Run("test", values);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"srcnet:{new string('k', UserText.Shown)}... (1000000 characters)", error.Key);
    }

    [Fact]
    public void A_flag_value_with_control_characters_is_shown_escaped()
    {
        var run = CliRun.AtRoot("render", "--stack", "dev", "--run-id", "\u001b[2J\u202E");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(@"(got '\u001B[2J\u202E')", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Error);
    }

    [Fact]
    public void An_unknown_verb_with_an_escape_is_shown_escaped()
    {
        var run = CliRun.AtRoot("\u001b[2Jrender");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
    }
}
