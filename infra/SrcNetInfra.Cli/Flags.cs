using System.CommandLine;
using System.Globalization;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Cli;

/// <summary>Numeric flags whose parse errors name the flag and what it takes, in the user's words.</summary>
public static class Flags
{
    public static Option<int?> WholeNumber(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            result.AddError($"{name}: expected a whole number (got {UserText.Quote(text)})");
            return null;
        },
    };

    public static Option<double?> Number(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
            result.AddError($"{name}: expected a number such as 1.304e9 (got {UserText.Quote(text)})");
            return null;
        },
    };
}
