using System.Globalization;
using k8s.Models;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// A campaign's points from its Indexed Job, the Job's pods and the ingest area's listing: pure, so
/// every case is tested without a cluster. The Job's status names the indexes that completed and
/// failed; the pods say how the others are doing; the listing where a done point's products are.
/// </summary>
public static class CampaignProgress
{
    /// <summary>
    /// The label and annotation the Job controller puts on each pod of an Indexed Job
    /// (kubernetes/kubernetes pkg/apis/batch/types.go, <c>JobCompletionIndexAnnotation</c>; the label
    /// since 1.28, the annotation always).
    /// </summary>
    public const string CompletionIndexKey = "batch.kubernetes.io/job-completion-index";

    /// <param name="expiredSince">Given when a point's run ended, why its products found nowhere have expired (<see cref="ProductExpiry.Why"/>), or null.</param>
    public static IReadOnlyList<PointReport> Points(
        V1Job job, IReadOnlyList<DeployedPoint> points, IEnumerable<V1Pod> pods, IngestListing? listing, string metadataSuffix,
        Func<DateTimeOffset?, string?>? expiredSince = null)
    {
        // The points may be a few of the Job's (verify --run): the indexes are the Job's.
        var completions = job.Spec?.Completions ?? (points.Count == 0 ? 0 : points.Max(p => p.Index) + 1);
        var completed = CompletionIndexes.Parse(job.Status?.CompletedIndexes, completions);
        var failed = CompletionIndexes.Parse(job.Status?.FailedIndexes, completions);
        var newest = pods
            .Select(p => (Pod: p, Index: IndexOf(p)))
            .Where(x => x.Index is not null)
            .GroupBy(x => x.Index!.Value)
            .ToDictionary(g => g.Key, g => RunSelection.NewestPod(g.Select(x => x.Pod))!);
        // One lookup by name for every point: a campaign's listing may hold tens of thousands of entries.
        var byName = listing?.Entries.ToLookup(e => e.Name, StringComparer.Ordinal);

        var reports = new List<PointReport>(points.Count);
        foreach (var point in points)
        {
            var run = newest.TryGetValue(point.Index, out var pod) ? RunClassifier.Classify(new V1Job(), pod) : null;
            var state = StateOf(point.Index, completed, failed, run);
            IReadOnlyList<ProductStatus>? products = null;
            if (state == PointState.Done && byName is not null)
            {
                var expected = ExpectedProduct.For(point.Ids.FilePrefix, point.Products, metadataSuffix);
                var entries = expected.SelectMany(e => byName[e.File].Concat(byName[e.File + "." + metadataSuffix])).ToList();
                var expired = expiredSince?.Invoke(pod is null ? null : EndedAt(pod));
                products = ProductStatus.From(expected, new IngestListing(entries, listing!.AbsentAreas), expired);
            }
            reports.Add(new PointReport(point, state, run, products));
        }
        return reports;
    }

    /// <summary>
    /// What the ingest area is listed by: the longest prefix the points' FILE_PREFIXes share (with the
    /// patterns' <c>{run}</c> being <c>&lt;campaign&gt;-&lt;id&gt;</c>, at least the part before the
    /// ids). Null when they share none: then nothing would narrow the listing.
    /// </summary>
    public static string? ListingPrefix(IReadOnlyList<DeployedPoint> points)
    {
        if (points.Count == 0) return null;
        var prefix = points[0].Ids.FilePrefix;
        foreach (var point in points.Skip(1))
        {
            var other = point.Ids.FilePrefix;
            var length = 0;
            while (length < prefix.Length && length < other.Length && prefix[length] == other[length]) length++;
            prefix = prefix[..length];
        }
        return prefix.Length == 0 ? null : prefix;
    }

    private static PointState StateOf(int index, IReadOnlySet<int> completed, IReadOnlySet<int> failed, RunState? run)
    {
        if (failed.Contains(index)) return PointState.Failed;
        // A pod that succeeded is done, even before the Job's status lists its index.
        if (completed.Contains(index) || run?.Phase == RunPhase.Succeeded) return PointState.Done;
        if (run is null) return PointState.Waiting;
        if (run.Phase == RunPhase.Unschedulable
            || (run.Phase == RunPhase.Failed && run.Reason is { } reason && RunClassifier.StuckWaitingReasons.Contains(reason)))
            return PointState.Stuck;
        // A pod that failed while its index has tries left is followed by another (backoffLimitPerIndex).
        return PointState.Running;
    }

    /// <summary>When the point's simulation container ended (the kubelet's report); null while it runs or when unknown.</summary>
    private static DateTimeOffset? EndedAt(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == Plan.SimulationRun.ContainerName)?.State?.Terminated?.FinishedAt is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : null;

    /// <summary>The completion index the Job controller gave a pod of an Indexed Job; null for another pod.</summary>
    public static int? IndexOf(V1Pod pod)
    {
        var text = pod.Metadata?.Annotations?.TryGetValue(CompletionIndexKey, out var a) == true ? a
            : pod.Metadata?.Labels?.TryGetValue(CompletionIndexKey, out var l) == true ? l
            : null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }
}
