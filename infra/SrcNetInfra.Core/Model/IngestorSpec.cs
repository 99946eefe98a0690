namespace SrcNetInfra.Core.Model;

/// <summary>The SRCNet data ingestor Helm release (<c>srcnet:ingestor</c>), chart 0.1.1.</summary>
public sealed record IngestorSpec(
    string ReleaseName,
    string Chart,
    string Version,
    string Repository,
    string ImageRepository,
    string ImageTag,
    IngestorSettings Settings,
    IngestAreaSpec Persistence);

/// <summary>
/// The chart's <c>config</c> values. Names are the chart's own in camelCase
/// (<c>rucio_ingest_rse_name</c> is <c>rucioIngestRseName</c>), so the mapping stays mechanical.
/// </summary>
public sealed record IngestorSettings(
    int Frequency,
    int BatchSize,
    string MetadataSuffix,
    int NProcesses,
    string IngestionBackendName,
    string RucioIngestRseName,
    bool Debug,
    bool AutoStart,
    string RucioCfgClientHost,
    string RucioCfgClientAuthType,
    string RucioCfgClientOidcScope,
    string RucioCfgClientOidcAudience,
    string RucioCfgClientAccount,
    string OidcTokenEndpoint);

/// <summary>
/// The claim <c>ingest-area</c> the chart creates and the workflow writes into. The ingestor does not
/// empty its directories, so it must hold <see cref="RunsToHold"/> runs' products.
/// </summary>
public sealed record IngestAreaSpec(
    string StorageClass,
    string AccessMode,
    SizeSetting Size,
    int RunsToHold,
    double Headroom);
