using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Duration;

/// <summary>
/// Whether a run found on the cluster ran the stack's simulation as the stack says it now: a
/// calibration records the stack's run shape beside the run's stage durations, so a run made before
/// the stack changed (more time steps, a larger image, another CPU limit) would record durations
/// under the wrong shape and every projection from it would be off.
/// </summary>
public static class RunShapeCheck
{
    /// <summary>The contract's variables that decide how long a run takes; the metadata ones do not.</summary>
    private static readonly HashSet<string> ShapeVariables = new(StringComparer.Ordinal)
    {
        "SKY_MODEL", "PHASE_CENTER_RA_DEG", "PHASE_CENTER_DEC_DEG", "START_FREQ_HZ", "END_FREQ_HZ", "FREQ_INC_HZ",
        "OBS_LENGTH_HOURS", "NUM_TIME_STAMPS", "IMAGING_NPIXEL", "IMAGING_CELLSIZE",
    };

    /// <summary>
    /// Each difference between the run's Job (its simulation container's plain environment and CPU
    /// limit) and the stack, as "NAME: the run had X, the stack says Y", in the contract's order.
    /// A variable the Job does not set as a plain value is not compared.
    /// </summary>
    public static IReadOnlyList<string> Differences(EnvironmentSpec spec, IReadOnlyDictionary<string, string> runEnvironment, string? runCpuLimit)
    {
        var differences = new List<string>();
        foreach (var (name, value) in SimulationRun.ContractEnvironment(spec))
        {
            if (!ShapeVariables.Contains(name) || !runEnvironment.TryGetValue(name, out var ran) || ran == value) continue;
            differences.Add($"{name}: the run had {Config.UserText.Quote(ran)}, the stack says {Config.UserText.Quote(value)}");
        }
        var limit = spec.Workflow.Resources.LimitsCpu;
        if (runCpuLimit is not null && Quantity.TryParse(runCpuLimit, out var ranCpu) && ranCpu.Value != limit.Value)
            differences.Add($"the CPU limit: the run had {Config.UserText.Quote(runCpuLimit)}, the stack says {limit.Text}");
        return differences;
    }
}
