namespace SrcNetInfra.Core.Model;

/// <summary>
/// Limits for the whole namespace (<c>srcnet:quota</c>). The seed warns that an unlimited namespace
/// can starve a node until it loses the control plane; a quota without defaults rejects pods that
/// set no resources (the ingestor chart's may not), so it always comes with container defaults.
/// </summary>
public sealed record QuotaSpec(
    Quantity RequestsCpu,
    Quantity RequestsMemory,
    Quantity LimitsCpu,
    Quantity LimitsMemory,
    Quantity? RequestsStorage,
    int? RequestsGpu,
    int Pods,
    int PersistentVolumeClaims,
    ContainerDefaults ContainerDefaults);

/// <summary>What a container that sets no resources gets (the LimitRange's defaults).</summary>
public sealed record ContainerDefaults(
    Quantity RequestCpu,
    Quantity RequestMemory,
    Quantity LimitCpu,
    Quantity LimitMemory);
