namespace SrcNetInfra.Core.Config;

/// <summary>The factor by which estimated bytes are multiplied before a volume is requested.</summary>
internal static class Headroom
{
    // Below 1 a volume would be requested smaller than what a run writes; above 10 is surely a typo.
    public static string? Check(double value) =>
        value is >= 1.0 and <= 10.0 ? null : "must be between 1.0 and 10.0";
}
