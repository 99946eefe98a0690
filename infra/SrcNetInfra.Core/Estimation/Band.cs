using System.Globalization;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Core.Estimation;

/// <summary>A broken band rule: the setting a user has to change and why.</summary>
public sealed record BandProblem(NumberSetting Setting, string Reason);

/// <summary>
/// The rules the frequency band must follow: the end above the start, at least one channel, and no
/// more channels than an estimate can sensibly count. The reasons name the other settings through
/// <c>nameOf</c>, so the config says <c>startFreqHz</c> and <c>srcnet estimate</c> says <c>--start-freq-hz</c>.
/// </summary>
public static class Band
{
    public const double MaxChannels = 10_000_000;

    public static BandProblem? Check(double startHz, double endHz, double incHz, Func<NumberSetting, string> nameOf)
    {
        var start = nameOf(SimulationSettings.StartFreqHz);
        var end = nameOf(SimulationSettings.EndFreqHz);
        if (!(endHz > startHz))
            return new(SimulationSettings.EndFreqHz, $"must be greater than {start} ({Fmt(startHz)} Hz), got {Fmt(endHz)} Hz");
        if (incHz > endHz - startHz)
            return new(SimulationSettings.FreqIncHz,
                $"must be at most {end} - {start} ({Fmt(endHz - startHz)} Hz) so there is at least one channel, got {Fmt(incHz)} Hz");
        // In doubles: a tiny width (1e-300) would be 0 as a decimal, and dividing by it would throw.
        if ((endHz - startHz) / incHz > MaxChannels)
            return new(SimulationSettings.FreqIncHz, $"gives more than {MaxChannels.ToString("N0", CultureInfo.InvariantCulture)} channels; check the band and channel width");
        return null;
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
