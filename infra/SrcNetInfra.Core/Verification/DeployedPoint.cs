using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// One point of a deployed campaign as its point table says (docs/campaign.md#the-point-table): its
/// index, its OBS_ID and FILE_PREFIX, and the products it ingests.
/// </summary>
public sealed record DeployedPoint(int Index, RunIds Ids, IReadOnlyList<string> Products)
{
    /// <summary>
    /// Reads a point table (<see cref="CampaignPoints.Table"/>): line <c>i</c> is point <c>i</c>, its
    /// tab-separated <c>NAME=value</c> fields. Null when the text is not such a table: a line whose index
    /// is not its position, ids with characters the config does not allow (they are used in a command
    /// in the ingestor's pod), or unknown products. The table comes from the cluster.
    /// </summary>
    public static IReadOnlyList<DeployedPoint>? ParseTable(string table)
    {
        var points = new List<DeployedPoint>();
        foreach (var line in table.Split('\n'))
        {
            if (line.Length == 0) continue;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in line.Split('\t'))
            {
                var equals = field.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0) fields.TryAdd(field[..equals], field[(equals + 1)..]);
            }
            if (!fields.TryGetValue("index", out var index) || index != points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || !fields.TryGetValue("OBS_ID", out var obsId) || !fields.TryGetValue("FILE_PREFIX", out var prefix)
                || RunIds.IfSafe(obsId, prefix) is not { } ids
                || !fields.TryGetValue(ContainerScripts.PointProductsField, out var products))
                return null;
            var names = products.Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0 || names.Any(n => !Model.ProductSelection.Names.Contains(n))) return null;
            points.Add(new DeployedPoint(points.Count, ids, names));
        }
        return points;
    }
}
