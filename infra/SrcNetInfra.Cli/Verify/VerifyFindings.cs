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
    IngestAreaHealth? Area = null)
{
    /// <summary>The last lines of the logs of a campaign's first failed points (at most <see cref="MaxPointLogs"/>); empty otherwise.</summary>
    public IReadOnlyList<PointLog> PointLogs { get; init; } = [];

    /// <summary>Failed points whose logs are read: as many as the verdict names.</summary>
    public const int MaxPointLogs = CampaignVerdict.NamedInVerdict;
}

/// <summary>The end of a failed campaign point's log: its index, the pod it is of, and the lines.</summary>
public sealed record PointLog(int Index, string Pod, IReadOnlyList<string> Lines);
