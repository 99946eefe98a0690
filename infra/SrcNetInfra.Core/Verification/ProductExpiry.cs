using SrcNetInfra.Core.Duration;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// Whether a finished run's products may have left the ingest area by design: the janitor removes
/// what has been in processed/ longer than <c>srcnet:retention.processed</c>, and never touches
/// staging/ or failed_processing/ (docs/handover.md#the-janitor-janitorsh). A product handed over is in staging,
/// then in processed or in failed_processing; found in none of them when the run ended longer ago
/// than the retention, it was ingested and has expired: only Rucio can still show it.
/// </summary>
public static class ProductExpiry
{
    /// <summary>
    /// Why a product no longer found is taken as expired, or null when it is not: no retention, the
    /// run's end unknown, or not long enough ago.
    /// </summary>
    public static string? Why(DateTimeOffset? runEnded, TimeSpan? retention, string? retentionText, DateTimeOffset now)
    {
        if (runEnded is not { } ended || retention is not { } keep) return null;
        var age = now - ended;
        if (age <= keep) return null;
        return $"not in staging, processed or failed_processing, and the run ended {DurationText.Format(age.TotalSeconds)} ago: " +
               $"the janitor removes processed products after srcnet:retention.processed ({retentionText}); Rucio has it if it was ingested";
    }
}
