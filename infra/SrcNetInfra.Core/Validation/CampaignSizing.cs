using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// A campaign sized (docs/campaign.md#sizing): every point estimated; how many run at once (the
/// stack's <c>parallelism</c>, or with <c>auto</c> as many as the tightest bound holds); and the
/// ingest area, which must hold the products of every point (the ingestor never deletes them, the
/// janitor only after <c>srcnet:retention.processed</c>) and the temporary files of the points
/// running at once.
/// </summary>
/// <param name="Points">Each point's estimate, by index (points with the same inputs share one).</param>
/// <param name="Limit">The tightest bound on how many points run at once.</param>
/// <param name="IngestBytes">What all points together leave in the ingest area.</param>
/// <param name="TransientBytes">The most temporary files one running point adds to the ingest area.</param>
public sealed record CampaignSizing(
    IReadOnlyList<Estimate> Points,
    int Parallelism,
    bool ParallelismAuto,
    CapacityBound Limit,
    IReadOnlyList<CapacityBound> Bounds,
    long IngestBytes,
    long TransientBytes)
{
    public const string ParallelismKey = "srcnet:campaign.parallelism";
    public const string IngestSizeKey = "srcnet:ingestor.persistence.size";

    /// <summary>The point with the largest scratch: scratch is sized for it.</summary>
    public int LargestScratchPoint => IndexOfMax(Points, e => e.ScratchBytes);

    /// <summary>The point with the largest peak memory: the memory limit is checked against it.</summary>
    public int LargestMemoryPoint => IndexOfMax(Points, e => e.MemoryBytes);

    /// <summary>The first point with the most of something.</summary>
    private static int IndexOfMax(IReadOnlyList<Estimate> points, Func<Estimate, long> of)
    {
        var best = 0;
        for (var i = 1; i < points.Count; i++)
            if (of(points[i]) > of(points[best])) best = i;
        return best;
    }

    /// <summary>The campaign's sizing; null (with an error) when an estimate overflows.</summary>
    public static Sizing? For(EnvironmentSpec spec, CampaignSpec campaign, Problems problems)
    {
        var w = spec.Workflow;
        var known = new Dictionary<EstimateInput, Estimate>();
        var estimates = new List<Estimate>(campaign.Points.Count);
        long ingest = 0, transient = 0;
        foreach (var point in campaign.Points)
        {
            var input = EstimateInput.For(w with { Simulation = point.Simulation, Products = point.Products });
            try
            {
                if (!known.TryGetValue(input, out var estimate))
                {
                    estimate = Estimator.For(input);
                    known[input] = estimate;
                }
                estimates.Add(estimate);
                ingest = checked(ingest + estimate.IngestBytes);
                transient = Math.Max(transient, estimate.IngestPeakBytes - estimate.IngestBytes);
            }
            catch (OverflowException)
            {
                problems.Error(point.Source, $"point {point.Index}: the estimated data size exceeds 8 EiB; check numTimeStamps, imagingNpixel and the band against freqIncHz");
                return null;
            }
        }

        var largestIndex = IndexOfMax(estimates, e => e.ScratchBytes);
        var largest = estimates[largestIndex];
        var scratchRequest = Sizing.ScratchRequestFor(spec, largest, $"point {largestIndex}, the campaign's largest", problems);

        var bounds = CampaignCapacity.Bounds(spec, campaign.Points.Count, ingest, transient);
        var limit = bounds[0];
        var parallelism = Math.Min(campaign.Parallelism ?? Math.Max(1, limit.Points), campaign.Points.Count);

        var persistence = spec.Ingestor.Persistence;
        long need;
        try
        {
            need = checked(ingest + Math.Max(1, parallelism) * transient);
        }
        catch (OverflowException)
        {
            problems.Error(CampaignConfig.Key, "the products of all points exceed 8 EiB; split the campaign");
            return null;
        }
        // The error is for what no parallelism fits (all products and one point's temporary files);
        // more points at once than the size holds is the parallelism's error below.
        if (persistence.Size.ExplicitSize is { } size && size.Value < ingest + transient)
        {
            problems.Error(IngestSizeKey,
                $"{size.Text} ({StorageRequest.Human((long)size.Value)}) cannot hold the campaign: the products of its {campaign.Points.Count} points " +
                $"({StorageRequest.Human(ingest)}; the ingestor never deletes them, the janitor only after srcnet:retention.processed)" +
                (transient > 0 ? $" and one running point's temporary files ({StorageRequest.Human(transient)})" : "") +
                "; raise the size, or use auto");
        }
        else if (campaign.Parallelism is { } asked && asked > limit.Points && limit.Key != CampaignConfig.Key)
        {
            problems.Error(ParallelismKey,
                $"{asked} points at once do not fit: {limit.Reason}; set at most {limit.Points}, or auto");
        }

        var ingestRequest = persistence.Size.ExplicitSize ?? Quantity.Parse(StorageRequest.Gi(need, persistence.Headroom));
        return new Sizing(largest, scratchRequest, ingestRequest, need, campaign.Points.Count)
        {
            Campaign = new CampaignSizing(estimates, parallelism, campaign.Parallelism is null, limit, bounds, ingest, transient),
        };
    }
}
