using System.Globalization;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// A whole-number setting of a stack, declared once: its key, the <c>srcnet estimate</c> flag that
/// overrides it (null when it has none), its default and its bounds. The config reader and the
/// flag both check a value with <see cref="Check"/> and word the reason with their own name.
/// </summary>
public sealed record WholeNumberSetting(string Key, string? Flag, int Default, int Min, int Max, string Meaning)
{
    /// <summary>Why <paramref name="value"/> is not allowed, or null when it is.</summary>
    public string? Check(long value) => value >= Min && value <= Max ? null : Bounds(Min, Max);

    internal static string Bounds(int min, int max) =>
        (min, max) switch
        {
            (int.MinValue, int.MaxValue) => $"must be a whole number between {int.MinValue} and {int.MaxValue}",
            (_, int.MaxValue) => $"must be at least {min}",
            (int.MinValue, _) => $"must be at most {max}",
            _ => $"must be between {min} and {max}",
        };

    public string DefaultText => Default.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A number setting of a stack, declared once: key, estimate flag (or null), default and the rule
/// it must follow (<see cref="Check"/> returns the reason, e.g. "must be greater than 0").
/// </summary>
public sealed record NumberSetting(string Key, string? Flag, double Default, Func<double, string?> Rule, string Meaning)
{
    public string? Check(double value) =>
        double.IsFinite(value) ? Rule(value) : "must be a finite number";

    public string DefaultText => Default.ToString("R", CultureInfo.InvariantCulture);

    public static string? Positive(double value) => value > 0 ? null : "must be greater than 0";
}
