namespace SrcNetInfra.Core.Verification;

/// <summary>The ingestor's three areas: products arrive in staging, then move to processed or failed_processing.</summary>
public enum IngestArea
{
    Staging,
    Processed,
    Failed,
}
