using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>What verify read from the cluster: the observation the verdict is decided on, and what the report shows besides.</summary>
/// <param name="LogTail">The last lines of a failed run's log; empty otherwise.</param>
/// <param name="Listing">The run's entries in the ingest area, when they were listed.</param>
/// <param name="Notes">Things a user should know that do not change the verdict.</param>
/// <param name="Area">The ingest area's health; null when the area was not listed (no running ingestor pod, nothing deployed, the listing failed).</param>
public sealed record VerifyFindings(
    VerifyObservation Observation,
    IReadOnlyList<string> LogTail,
    IngestListing? Listing,
    IReadOnlyList<string> Notes,
    IngestAreaHealth? Area = null);
