using System.CommandLine;
using System.Globalization;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Cli;

/// <summary>
/// Options built from a setting's declaration (<see cref="SimulationSettings"/>): the flag's name
/// and help come from it, and a value is checked by the setting's own rule, worded with the flag.
/// </summary>
public static class Flags
{
    public static Option<int?> For(WholeNumberSetting setting) => new(FlagOf(setting.Flag, setting.Key))
    {
        Description = setting.Meaning,
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{setting.Flag}: expected a whole number (got {UserText.Quote(text)})");
                return null;
            }
            if (setting.Check(value) is { } reason)
            {
                result.AddError($"{setting.Flag}: {reason} (got {text})");
                return null;
            }
            return (int)value;
        },
    };

    public static Option<double?> For(NumberSetting setting) => new(FlagOf(setting.Flag, setting.Key))
    {
        Description = setting.Meaning,
        HelpName = "F",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{setting.Flag}: expected a number such as {setting.DefaultText} (got {UserText.Quote(text)})");
                return null;
            }
            if (setting.Check(value) is { } reason)
            {
                result.AddError($"{setting.Flag}: {reason} (got {text})");
                return null;
            }
            return value;
        },
    };

    private static string FlagOf(string? flag, string key) =>
        flag ?? throw new ArgumentException($"setting {key} has no flag");
}
