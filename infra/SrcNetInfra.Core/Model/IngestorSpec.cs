namespace SrcNetInfra.Core.Model;

/// <summary>The SRCNet data ingestor Helm release (<c>srcnet:ingestor</c>), chart 0.1.1.</summary>
public sealed record IngestorSpec
{
    public required string ReleaseName { get; init; }
    public required string Chart { get; init; }
    public required string Version { get; init; }
    public required string Repository { get; init; }
    public required int TimeoutSeconds { get; init; }
    public required int MaxHistory { get; init; }
    public required string ImageRepository { get; init; }
    public required string ImageTag { get; init; }
    public required IngestorSettings Settings { get; init; }
    public required IngestAreaSpec Persistence { get; init; }

    /// <summary>
    /// False while a release installed by hand is being adopted: the stack does not declare the
    /// release until it is imported into the stack's state (README, "Adopt an existing environment").
    /// </summary>
    public bool Manage { get; init; } = true;
}

/// <summary>
/// The chart's <c>config</c> values. Names are the chart's own in camelCase
/// (<c>rucio_ingest_rse_name</c> is <c>rucioIngestRseName</c>), so the mapping stays mechanical.
/// </summary>
public sealed record IngestorSettings
{
    public required int Frequency { get; init; }
    public required int BatchSize { get; init; }
    public required string MetadataSuffix { get; init; }
    public required int NProcesses { get; init; }
    public required string IngestionBackendName { get; init; }
    public required string RucioIngestRseName { get; init; }
    public required bool Debug { get; init; }
    public required bool AutoStart { get; init; }
    public required string RucioCfgClientHost { get; init; }
    public required string RucioCfgClientAuthType { get; init; }
    public required string RucioCfgClientOidcScope { get; init; }
    public required string RucioCfgClientOidcAudience { get; init; }
    public required string RucioCfgClientAccount { get; init; }
    public required string OidcTokenEndpoint { get; init; }
}

/// <summary>
/// The claim <c>ingest-area</c> the chart creates and the workflow writes into. The ingestor does not
/// empty its directories, so it must hold <see cref="RunsToHold"/> runs' products.
/// </summary>
public sealed record IngestAreaSpec
{
    public required string StorageClass { get; init; }
    public required string AccessMode { get; init; }
    public required SizeSetting Size { get; init; }
    public required int RunsToHold { get; init; }

    /// <summary>True when the stack states runsToHold (a CronJob with a janitor holds its retention window instead).</summary>
    public bool RunsToHoldGiven { get; init; }
    public required double Headroom { get; init; }

    /// <summary>
    /// A numeric group the handed-over products are given, for an ingestor that runs as a non-root
    /// user of that group (docs/handover.md); null leaves them root's, group-writable.
    /// </summary>
    public long? Group { get; init; }
}
