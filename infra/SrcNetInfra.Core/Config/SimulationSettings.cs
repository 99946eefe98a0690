namespace SrcNetInfra.Core.Config;

/// <summary>
/// The settings under <c>srcnet:workflow.simulation</c> that are numbers, each declared once. The
/// defaults are the seed's example job (docs/workflow.md#the-container-contract); the config reader,
/// <c>srcnet estimate</c>'s flags and the estimate of the defaults all read these declarations, so
/// a stack and a flag accept and refuse the same values.
/// </summary>
public static class SimulationSettings
{
    public static readonly NumberSetting PhaseCenterRaDeg = new("phaseCenterRaDeg", null, 150.12,
        v => v is >= 0 and < 360 ? null : "must be a right ascension in degrees, 0 <= RA < 360",
        "PHASE_CENTER_RA_DEG, degrees");

    public static readonly NumberSetting PhaseCenterDecDeg = new("phaseCenterDecDeg", null, 2.21,
        v => v is >= -90 and <= 90 ? null : "must be a declination in degrees, -90 <= Dec <= 90",
        "PHASE_CENTER_DEC_DEG, degrees");

    public static readonly NumberSetting StartFreqHz = new("startFreqHz", "--start-freq-hz", 1.304e9,
        NumberSetting.Positive, "Start of the band, Hz (START_FREQ_HZ)");

    public static readonly NumberSetting EndFreqHz = new("endFreqHz", "--end-freq-hz", 1.375e9,
        NumberSetting.Positive, "End of the band, Hz (END_FREQ_HZ)");

    public static readonly NumberSetting FreqIncHz = new("freqIncHz", "--freq-inc-hz", 17_750_000,
        NumberSetting.Positive, "Channel width, Hz (FREQ_INC_HZ); channels = floor((end - start) / inc)");

    public static readonly NumberSetting ObsLengthHours = new("obsLengthHours", null, 4.0,
        v => v is > 0 and <= 24 * 365 ? null : "must be greater than 0 hours and at most a year (8760)",
        "OBS_LENGTH_HOURS");

    public static readonly WholeNumberSetting NumTimeStamps = new("numTimeStamps", "--time-steps", 24, 1, 10_000_000,
        "Number of time dumps (NUM_TIME_STAMPS)");

    public static readonly WholeNumberSetting ImagingNpixel = new("imagingNpixel", "--npixel", 2024, 1, 100_000,
        "Image side in pixels (IMAGING_NPIXEL)");

    public static readonly WholeNumberSetting Stations = new("stations", "--stations", 144, 2, 100_000,
        "Stations in the array (AA* has 144); baselines are N(N-1)/2");
}
