using System.Globalization;

namespace SrcNetInfra.Core.Estimation;

/// <summary>Which of the band's values a problem is about.</summary>
public enum BandField { EndFreq, FreqInc }

public sealed record BandProblem(BandField Field, string Message);

/// <summary>
/// The rules the frequency band must follow, with the config (srcnet:workflow.simulation) and
/// <c>srcnet estimate</c>'s flags naming the values their own way: the end above the start, at
/// least one channel, and no more channels than an estimate can sensibly count.
/// </summary>
public static class Band
{
    public const double MaxChannels = 10_000_000;

    /// <param name="startName">How the caller names the start (startFreqHz, --start-freq-hz).</param>
    /// <param name="endName">How the caller names the end.</param>
    public static BandProblem? Check(double startHz, double endHz, double incHz, string startName, string endName)
    {
        if (!(endHz > startHz))
            return new(BandField.EndFreq, $"must be greater than {startName} ({Fmt(startHz)} Hz), got {Fmt(endHz)} Hz");
        if (incHz > endHz - startHz)
            return new(BandField.FreqInc,
                $"must be at most {endName} - {startName} ({Fmt(endHz - startHz)} Hz) so there is at least one channel, got {Fmt(incHz)} Hz");
        // In doubles: a tiny width (1e-300) would be 0 as a decimal, and dividing by it would throw.
        if ((endHz - startHz) / incHz > MaxChannels)
            return new(BandField.FreqInc, $"gives more than {MaxChannels.ToString("N0", CultureInfo.InvariantCulture)} channels; check the band and channel width");
        return null;
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
