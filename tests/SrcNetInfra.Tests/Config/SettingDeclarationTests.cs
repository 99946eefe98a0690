using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// Each simulation setting is declared once (SimulationSettings): a stack key and its estimate flag
/// accept and refuse the same values, the estimate without a stack is the estimate of a stack that
/// leaves the keys unset, and the README's config reference states the declared defaults and bounds.
/// </summary>
public class SettingDeclarationTests
{
    public static TheoryData<string> WholeNumbers() =>
        [.. Declared<WholeNumberSetting>().Select(s => s.Key)];

    public static TheoryData<string> Numbers() =>
        [.. Declared<NumberSetting>().Select(s => s.Key)];

    private static IEnumerable<T> Declared<T>() =>
        typeof(SimulationSettings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(T)).Select(f => (T)f.GetValue(null)!);

    private static WholeNumberSetting Whole(string key) => Declared<WholeNumberSetting>().Single(s => s.Key == key);

    [Theory]
    [MemberData(nameof(WholeNumbers))]
    public void A_stack_and_a_flag_refuse_the_same_whole_numbers(string key)
    {
        var setting = Whole(key);
        foreach (var bad in new long[] { setting.Min - 1L, setting.Max + 1L })
        {
            var text = bad.ToString(CultureInfo.InvariantCulture);
            var stack = Stacks.Check($"srcnet:workflow.simulation.{key}", text);
            var error = Assert.Single(stack.Errors, e => e.Key == $"srcnet:workflow.simulation.{key}");
            if (setting.Flag is null) continue;
            var run = CliRun.AtRoot("estimate", setting.Flag, text);
            Assert.Equal(2, run.ExitCode);
            // The same reason, worded with the flag instead of the key.
            Assert.Equal($"srcnet: {setting.Flag}: {error.Message}", run.ErrorLines[0]);
        }
    }

    [Theory]
    [MemberData(nameof(WholeNumbers))]
    public void A_stack_and_a_flag_accept_the_bounds(string key)
    {
        var setting = Whole(key);
        var text = setting.Max.ToString(CultureInfo.InvariantCulture);
        Assert.DoesNotContain(Stacks.Check($"srcnet:workflow.simulation.{key}", text).Errors, e => e.Key.EndsWith(key, StringComparison.Ordinal));
        if (setting.Flag is null) return;
        // At the lower bound, so the estimate stays countable.
        var run = CliRun.AtRoot("estimate", setting.Flag, setting.Min.ToString(CultureInfo.InvariantCulture), "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_stack_and_a_flag_refuse_the_same_numbers(string key)
    {
        var setting = Declared<NumberSetting>().Single(s => s.Key == key);
        foreach (var bad in new[] { "-1", "0", "360", "1e7" }.Where(v => setting.Check(double.Parse(v, CultureInfo.InvariantCulture)) is not null))
        {
            var stack = Stacks.Check($"srcnet:workflow.simulation.{key}", bad);
            var error = Assert.Single(stack.Errors, e => e.Key == $"srcnet:workflow.simulation.{key}");
            if (setting.Flag is null) continue;
            var run = CliRun.AtRoot("estimate", setting.Flag, bad);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"srcnet: {setting.Flag}: {error.Message}", run.ErrorLines[0]);
        }
    }

    [Fact]
    public void The_estimate_without_a_stack_is_that_of_a_stack_with_the_defaults()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.minimal.yaml", MinimalStack.Yaml);
        var plain = CliRun.AtRoot("estimate", "--json");
        var stack = CliRun.AtRoot("estimate", "--json", "--config-file", file);
        Assert.True(plain.ExitCode == 0 && stack.ExitCode == 0, plain + "\n" + stack);
        // Everything but the description of where the numbers come from.
        static string Sizes(string json) => Regex.Replace(json, "\"basis\": \"[^\"]*\",", "");
        Assert.Equal(Sizes(plain.Out), Sizes(stack.Out));
    }

    [Fact]
    public void The_readme_states_the_declared_defaults_and_bounds()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        (string Default, string Meaning) Row(string key)
        {
            var match = Regex.Match(readme, $@"^\| `simulation\.{key}` \| `([^`]*)` \| (.*) \|$", RegexOptions.Multiline);
            Assert.True(match.Success, $"README has no config row for simulation.{key}");
            return (match.Groups[1].Value, match.Groups[2].Value);
        }
        foreach (var s in Declared<NumberSetting>())
            Assert.Equal(s.Default, double.Parse(Row(s.Key).Default, CultureInfo.InvariantCulture));
        foreach (var s in Declared<WholeNumberSetting>())
        {
            var (shown, meaning) = Row(s.Key);
            Assert.Equal(s.DefaultText, shown);
            Assert.Contains($"{s.Min} to {s.Max}", meaning, StringComparison.Ordinal);
        }
    }
}
