using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Duration;

/// <summary>
/// How long a campaign takes, from a calibration: each point's projection, and the whole campaign
/// at its parallelism. The Job controller starts the lowest pending indexes first as running ones
/// end (docs/campaign.md#what-kubernetes-checks), so the campaign is projected by placing the points
/// in index order, each on the slot that frees first; once with every point's low end, once with
/// its high end.
/// </summary>
/// <param name="Points">Each point's projection, by index.</param>
/// <param name="LowSeconds">The campaign's low end; null when a point's projection is incomplete.</param>
public sealed record CampaignDuration(IReadOnlyList<DurationProjection> Points, int Parallelism, double? LowSeconds, double? HighSeconds)
{
    /// <summary>The point whose run may take longest: its deadline is every point's.</summary>
    public DurationProjection Longest => Points.MaxBy(p => p.TotalHighSeconds ?? double.PositiveInfinity)!;

    public static CampaignDuration For(Calibration calibration, WorkflowSpec workflow, CampaignSpec campaign, int parallelism)
    {
        // Points with the same shape share a projection: counting the sources in the field is the costly part.
        var known = new Dictionary<RunShape, DurationProjection>();
        var points = new List<DurationProjection>(campaign.Points.Count);
        foreach (var point in campaign.Points)
        {
            var shape = RunShape.For(workflow with { Simulation = point.Simulation, Products = point.Products });
            if (!known.TryGetValue(shape, out var projection))
            {
                projection = DurationProjection.For(calibration, shape);
                known[shape] = projection;
            }
            points.Add(projection);
        }
        var complete = points.All(p => p.Complete);
        return new CampaignDuration(
            points,
            parallelism,
            complete ? Makespan(points.Select(p => p.TotalLowSeconds!.Value), parallelism) : null,
            complete ? Makespan(points.Select(p => p.TotalHighSeconds!.Value), parallelism) : null);
    }

    /// <summary>When the last of the runs ends if they start in order, each on the first of <paramref name="slots"/> to free.</summary>
    public static double Makespan(IEnumerable<double> seconds, int slots)
    {
        var free = new PriorityQueue<int, double>();
        for (var i = 0; i < Math.Max(1, slots); i++) free.Enqueue(i, 0);
        var end = 0.0;
        foreach (var s in seconds)
        {
            free.TryDequeue(out var slot, out var at);
            var done = at + s;
            end = Math.Max(end, done);
            free.Enqueue(slot, done);
        }
        return end;
    }
}
