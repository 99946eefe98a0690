namespace SrcNetInfra.Core.Model;

/// <summary>
/// Limits for the whole namespace (<c>srcnet:quota</c>). The seed warns that an unlimited namespace
/// can starve a node until it loses the control plane; a quota without defaults rejects pods that
/// set no resources (the ingestor chart's may not), so it always comes with container defaults.
/// </summary>
public sealed record QuotaSpec
{
    public required Quantity RequestsCpu { get; init; }
    public required Quantity RequestsMemory { get; init; }
    public required Quantity LimitsCpu { get; init; }
    public required Quantity LimitsMemory { get; init; }
    public required Quantity? RequestsStorage { get; init; }
    public required int? RequestsGpu { get; init; }
    public required int Pods { get; init; }
    public required int PersistentVolumeClaims { get; init; }
    public required ContainerDefaults ContainerDefaults { get; init; }
}

/// <summary>What a container that sets no resources gets (the LimitRange's defaults).</summary>
public sealed record ContainerDefaults
{
    public required Quantity RequestCpu { get; init; }
    public required Quantity RequestMemory { get; init; }
    public required Quantity LimitCpu { get; init; }
    public required Quantity LimitMemory { get; init; }
}
