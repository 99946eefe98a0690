using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:quota</c>. Defaults fit the seed's example job plus the ingestor.</summary>
internal static class QuotaConfig
{
    public static QuotaSpec Read(ConfigSection s)
    {
        var requestsCpu = s.Quantity("requestsCpu", "20")!;
        var requestsMemory = s.Quantity("requestsMemory", "80Gi")!;
        var limitsCpu = s.Quantity("limitsCpu", "40")!;
        var limitsMemory = s.Quantity("limitsMemory", "160Gi")!;
        var requestsStorage = s.Quantity("requestsStorage", null);
        var requestsGpu = s.OptionalInt("requestsGpu", min: 0);
        var pods = s.Int("pods", 10, min: 1);
        var claims = s.Int("persistentVolumeClaims", 10, min: 1);

        var d = s.Section("containerDefaults");
        var defaults = new ContainerDefaults
        {
            RequestCpu = d.Quantity("requestCpu", "500m")!,
            RequestMemory = d.Quantity("requestMemory", "1Gi")!,
            LimitCpu = d.Quantity("limitCpu", "2")!,
            LimitMemory = d.Quantity("limitMemory", "4Gi")!,
        };
        d.Done();
        s.Done();
        return new QuotaSpec
        {
            RequestsCpu = requestsCpu,
            RequestsMemory = requestsMemory,
            LimitsCpu = limitsCpu,
            LimitsMemory = limitsMemory,
            RequestsStorage = requestsStorage,
            RequestsGpu = requestsGpu,
            Pods = pods,
            PersistentVolumeClaims = claims,
            ContainerDefaults = defaults,
        };
    }
}
