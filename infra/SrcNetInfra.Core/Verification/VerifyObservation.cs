namespace SrcNetInfra.Core.Verification;

/// <summary>
/// Everything verify observed on the cluster, as plain values; a later stage is null when an earlier
/// one ended the search (no namespace, no workload, no run).
/// </summary>
/// <param name="RunFilter">The value of <c>--run</c>, if given.</param>
/// <param name="CronJobSuspended">A CronJob stack whose CronJob is suspended (no run will start).</param>
/// <param name="NextRunAt">A CronJob's next scheduled run, for when none has started yet.</param>
/// <param name="Ingestor">The ingestor's pod; null when the namespace has no <c>core-</c> pod.</param>
/// <param name="Products">Each selected product's state; null when they could not be looked for.</param>
/// <param name="Campaign">A campaign stack's newest Job and its points; null when there is no campaign Job (or no campaign).</param>
public sealed record VerifyObservation(
    VerifyTarget Target,
    ClusterRef Cluster,
    bool NamespaceFound,
    bool WorkloadFound = true,
    string? RunFilter = null,
    bool CronJobSuspended = false,
    DateTimeOffset? NextRunAt = null,
    string? JobName = null,
    RunState? Run = null,
    RunIds? Ids = null,
    IngestorObservation? Ingestor = null,
    IReadOnlyList<ProductStatus>? Products = null,
    CampaignObservation? Campaign = null);
