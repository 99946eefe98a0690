using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// What the API server and Rucio would refuse of a campaign's point table: a table beyond the 1 MiB
/// a ConfigMap holds (docs/campaign.md#what-kubernetes-checks), and two points with one OBS_ID.
/// </summary>
internal static class CampaignTableFit
{
    public static readonly string[] Inputs = [CampaignConfig.Key, "srcnet:workflow.metadata", "srcnet:workflow.products"];

    public static void Check(EnvironmentSpec spec, Problems problems)
    {
        if (spec.Campaign is not { } campaign) return;
        var points = CampaignPoints.For(spec);
        var firstWithId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in points)
        {
            if (!firstWithId.TryAdd(p.ObsId, p.Index))
            {
                problems.Error(CampaignConfig.Key,
                    $"points {firstWithId[p.ObsId]} and {p.Index} got the same id ({p.RunId}): change one of their values a little");
                return;
            }
        }
        var bytes = System.Text.Encoding.UTF8.GetByteCount(CampaignPoints.Table(points));
        if (bytes > CampaignPoints.MaxTableBytes)
            problems.Error(CampaignConfig.Key,
                $"its point table is {bytes / 1024:N0} KiB, more than the 1,024 KiB a ConfigMap holds: split the campaign into smaller ones ({campaign.Points.Count} points now)");
    }
}
