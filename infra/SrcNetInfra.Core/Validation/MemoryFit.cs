using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// Checks the simulation's memory against the estimated peak of one run, so a run that would be
/// OOM-killed after days of simulation is refused before it starts. A limit below the peak is an
/// error (the kernel kills the container when it passes its limit); a request below it is a
/// warning (the pod may be placed on a node without that much memory to spare, and is the first
/// to be evicted when the node runs short).
/// </summary>
internal static class MemoryFit
{
    public const string LimitKey = "srcnet:workflow.resources.limits.memory";
    public const string RequestKey = "srcnet:workflow.resources.requests.memory";

    /// <param name="whose">Whose memory it is, for the message: "one run", or a campaign's hungriest point.</param>
    public static void Check(WorkloadResources resources, RunMemory memory, Problems problems, string whose = "one run")
    {
        var peak = memory.PeakBytes;
        if (resources.LimitsMemory.Value < peak)
            problems.Error(LimitKey,
                $"{resources.LimitsMemory.Text} ({StorageRequest.Human((long)resources.LimitsMemory.Value)}) is below the estimated peak memory of {whose}, " +
                $"{Describe(memory)}: the container would be OOM-killed; set it to at least {AtLeast(peak)}");
        else if (resources.RequestsMemory.Value < peak)
            problems.Warning(RequestKey,
                $"{resources.RequestsMemory.Text} ({StorageRequest.Human((long)resources.RequestsMemory.Value)}) is below the estimated peak memory of {whose}, " +
                $"{Describe(memory)}: the pod may land on a node without that much to spare and be evicted first; request at least {AtLeast(peak)}");
    }

    /// <summary>"10.6 GB (10,567,567,567 bytes) in the simulation: OSKAR compute devices 9.1 GB, ...".</summary>
    internal static string Describe(RunMemory memory)
    {
        var peak = memory.Peak;
        var parts = string.Join(", ", peak.Parts.Select(p => $"{p.Name} {StorageRequest.Human(p.Bytes)}"));
        return $"{StorageRequest.Human(peak.Bytes)} ({peak.Bytes} bytes) in the {peak.Name} step ({parts})";
    }

    private static string AtLeast(long bytes) => StorageRequest.Gi(bytes, 1.0);
}
