using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// A simulation key a campaign's points may set (<c>srcnet:campaign.axes.KEY</c>,
/// <c>srcnet:campaign.points[i].KEY</c>): its key, the workflow variable it becomes, and how one
/// value of it is read and checked, by the same rule as <c>srcnet:workflow.simulation.KEY</c>.
/// </summary>
/// <param name="Read">
/// Reads the value at <c>leaf</c> of a section (reporting a bad one there) and returns what it does
/// to a point's simulation, or null when the value is not allowed.
/// </param>
public sealed record CampaignKey(string Key, string Variable, Func<ConfigSection, string, Problems, Func<SimulationSpec, SimulationSpec>?> Read);

/// <summary>
/// The keys a campaign may vary, in the order they combine (the last varies fastest) and in which
/// a point's values are listed. Pulumi hands structured config to the program as JSON with its keys
/// sorted, and the CLI reads the YAML file in its order: a fixed order here makes both number the
/// points alike. <c>skyModel</c> has one allowed value and <c>stations</c> only changes the estimate,
/// so neither is a campaign key.
/// </summary>
public static class CampaignKeys
{
    public static readonly IReadOnlyList<CampaignKey> All =
    [
        Number(SimulationSettings.PhaseCenterRaDeg, "PHASE_CENTER_RA_DEG", (s, v) => s with { PhaseCenterRaDeg = v }),
        Number(SimulationSettings.PhaseCenterDecDeg, "PHASE_CENTER_DEC_DEG", (s, v) => s with { PhaseCenterDecDeg = v }),
        Number(SimulationSettings.StartFreqHz, "START_FREQ_HZ", (s, v) => s with { StartFreqHz = v }),
        Number(SimulationSettings.EndFreqHz, "END_FREQ_HZ", (s, v) => s with { EndFreqHz = v }),
        Number(SimulationSettings.FreqIncHz, "FREQ_INC_HZ", (s, v) => s with { FreqIncHz = v }),
        Number(SimulationSettings.ObsLengthHours, "OBS_LENGTH_HOURS", (s, v) => s with { ObsLengthHours = v }),
        WholeNumber(SimulationSettings.NumTimeStamps, "NUM_TIME_STAMPS", (s, v) => s with { NumTimeStamps = v }),
        new("startDateAndTime", "START_DATE_AND_TIME", (section, leaf, problems) =>
        {
            if (section.OptionalString(leaf) is not { } text) return null;
            if (StartTime.Check(text) is { } bad)
            {
                problems.Error(section.KeyOf(leaf), bad);
                return null;
            }
            return s => s with { StartDateAndTime = text };
        }),
        WholeNumber(SimulationSettings.ImagingNpixel, "IMAGING_NPIXEL", (s, v) => s with { ImagingNpixel = v }),
        new("imagingCellsize", "IMAGING_CELLSIZE", (section, leaf, problems) =>
        {
            if (section.OptionalString(leaf) is not { } text) return null;
            if (!WorkflowConfig.TryCellsize(text, out var cell))
            {
                problems.Error(section.KeyOf(leaf), WorkflowConfig.CellsizeRule(text));
                return null;
            }
            return s => s with { ImagingCellsize = cell };
        }),
    ];

    public static CampaignKey? Find(string key) => All.FirstOrDefault(k => k.Key == key);

    private static CampaignKey Number(NumberSetting setting, string variable, Func<SimulationSpec, double, SimulationSpec> set) =>
        new(setting.Key, variable, (section, leaf, _) =>
        {
            // The setting's rule refuses anything not finite, so NaN comes back only for a value in error.
            var value = section.Number(leaf, double.NaN, setting.Check);
            return double.IsNaN(value) ? null : s => set(s, value);
        });

    private static CampaignKey WholeNumber(WholeNumberSetting setting, string variable, Func<SimulationSpec, int, SimulationSpec> set) =>
        new(setting.Key, variable, (section, leaf, _) =>
            section.OptionalInt(leaf, setting.Min, setting.Max) is { } value ? s => set(s, value) : null);
}
