using System.Globalization;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// What verify saw of a campaign: its newest Indexed Job and the points of its point table.
/// </summary>
/// <param name="Name">The campaign's name (the Job's <c>srcnet.skao.int/campaign</c> label).</param>
/// <param name="PointTable">The ConfigMap the Job reads its points from.</param>
/// <param name="Total">How many points the campaign has.</param>
/// <param name="Parallelism">How many points the Job runs at once (its <c>spec.parallelism</c>).</param>
/// <param name="Suspended">The Job is suspended (<c>spec.suspend</c>): no point starts.</param>
/// <param name="Queue">The Kueue LocalQueue the Job is labelled for; null: none.</param>
/// <param name="KueueInstalled">Whether the cluster serves Kueue's API; null when it was not asked or could not be.</param>
/// <param name="JobFailed">The reason and message of the Job's Failed condition (too many failed points, its deadline); null while it has none.</param>
/// <param name="Points">The points reported (one with <c>--run</c>); null when the point table could not be read.</param>
/// <param name="TableProblem">Why the point table could not be read.</param>
public sealed record CampaignObservation(
    string Name,
    string PointTable,
    int Total,
    int? Parallelism,
    bool Suspended,
    string? Queue,
    bool? KueueInstalled,
    (string Reason, string? Message)? JobFailed,
    IReadOnlyList<PointReport>? Points,
    string? TableProblem = null)
{
    public int Count(PointState state) => Points?.Count(p => p.State == state) ?? 0;

    /// <summary>
    /// The selected products of the points reported, and how many of them are ingested (those the
    /// janitor has since removed from processed/ included: they were ingested first).
    /// </summary>
    public (int Ingested, int Expected) ProductCount =>
        Points is null ? (0, 0)
        : (Points.Sum(p => p.Products?.Count(s => s.State is ProductState.Ingested or ProductState.Expired) ?? 0), Points.Sum(p => p.Point.Products.Count));

    /// <summary>One line a person can watch: <c>7/9 done, 1 running, 1 failed, 0 waiting; 7/9 products ingested</c>.</summary>
    public string Progress
    {
        get
        {
            var shown = Points?.Count ?? Total;
            var parts = new List<string>
            {
                $"{Count(PointState.Done)}/{shown} done",
                $"{Count(PointState.Running)} running",
                $"{Count(PointState.Failed)} failed",
                $"{Count(PointState.Waiting)} waiting",
            };
            if (Count(PointState.Stuck) > 0) parts.Add($"{Count(PointState.Stuck)} stuck");
            var (ingested, expected) = ProductCount;
            return string.Join(", ", parts) + string.Create(CultureInfo.InvariantCulture, $"; {ingested}/{expected} products ingested");
        }
    }
}
