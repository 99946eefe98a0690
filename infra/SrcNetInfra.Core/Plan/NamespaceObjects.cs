using k8s.Models;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>The namespace and the limits that keep it from starving its nodes.</summary>
public static class NamespaceObjects
{
    public const string QuotaName = "srcnet-quota";
    public const string LimitRangeName = "srcnet-container-defaults";
    public const string GpuResource = "nvidia.com/gpu";

    public static V1Namespace Namespace(EnvironmentSpec spec)
    {
        var labels = Labels.For(spec, "namespace");
        foreach (var (key, value) in spec.Namespace.Labels) labels[key] = value;
        labels["pod-security.kubernetes.io/enforce"] = spec.Namespace.PodSecurity;
        labels["pod-security.kubernetes.io/warn"] = spec.Namespace.PodSecurity;
        return new V1Namespace
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = spec.Namespace.Name, Labels = labels },
        };
    }

    public static V1ResourceQuota ResourceQuota(EnvironmentSpec spec)
    {
        var q = spec.Quota;
        var hard = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["requests.cpu"] = q.RequestsCpu.ToResourceQuantity(),
            ["requests.memory"] = q.RequestsMemory.ToResourceQuantity(),
            ["limits.cpu"] = q.LimitsCpu.ToResourceQuantity(),
            ["limits.memory"] = q.LimitsMemory.ToResourceQuantity(),
            ["pods"] = new(q.Pods.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["persistentvolumeclaims"] = new(q.PersistentVolumeClaims.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (q.RequestsStorage is { } storage) hard["requests.storage"] = storage.ToResourceQuantity();
        if (q.RequestsGpu is { } gpu) hard[$"requests.{GpuResource}"] = new(gpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new V1ResourceQuota
        {
            ApiVersion = "v1",
            Kind = "ResourceQuota",
            Metadata = new V1ObjectMeta { Name = QuotaName, NamespaceProperty = spec.Namespace.Name, Labels = Labels.For(spec, "quota") },
            Spec = new V1ResourceQuotaSpec { Hard = hard },
        };
    }

    /// <summary>
    /// Defaults for containers that set no resources. Without them the quota above would make the
    /// API server reject such pods (the ingestor chart's among them).
    /// </summary>
    public static V1LimitRange LimitRange(EnvironmentSpec spec)
    {
        var d = spec.Quota.ContainerDefaults;
        return new V1LimitRange
        {
            ApiVersion = "v1",
            Kind = "LimitRange",
            Metadata = new V1ObjectMeta { Name = LimitRangeName, NamespaceProperty = spec.Namespace.Name, Labels = Labels.For(spec, "quota") },
            Spec = new V1LimitRangeSpec
            {
                Limits =
                [
                    new V1LimitRangeItem
                    {
                        Type = "Container",
                        DefaultRequest = Resources(d.RequestCpu, d.RequestMemory),
                        DefaultProperty = Resources(d.LimitCpu, d.LimitMemory),
                    },
                ],
            },
        };
    }

    internal static SortedDictionary<string, ResourceQuantity> Resources(Quantity cpu, Quantity memory) =>
        new(StringComparer.Ordinal)
        {
            ["cpu"] = cpu.ToResourceQuantity(),
            ["memory"] = memory.ToResourceQuantity(),
        };
}
