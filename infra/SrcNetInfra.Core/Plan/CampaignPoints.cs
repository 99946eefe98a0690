using System.Globalization;
using System.Text;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// One point as it runs: its OBS_ID and FILE_PREFIX, and the values it gives the workflow that
/// differ between points (docs/campaign.md#point-ids).
/// </summary>
/// <param name="RunId">What the OBS_ID and FILE_PREFIX patterns get at <c>{run}</c>: the campaign and the point's id.</param>
/// <param name="Values">The varying variables (the campaign's keys), in <see cref="CampaignKeys"/> order.</param>
public sealed record PlannedPoint(CampaignPoint Point, string RunId, string ObsId, string FilePrefix, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public int Index => Point.Index;
    public ProductSelection Products => Point.Products;
}

/// <summary>
/// The ids of a campaign's points and the table the point script reads. A point's id is a digest of
/// everything the workflow is given for it (every contract variable and its products), not of its
/// index: the same point keeps its OBS_ID when the campaign is extended, reordered or run again, so
/// the run script's ledger (docs/handover.md) makes a finished point exit at once instead of running
/// again; a point whose values changed is a new run with a new OBS_ID.
/// </summary>
public static class CampaignPoints
{
    /// <summary>Hex digits of a point's id: 40 bits, so even 10,000 points are unlikely to share one (and validation refuses it).</summary>
    public const int IdLength = 10;

    /// <summary>The point table's key in its ConfigMap, and so its file name in the mounted volume.</summary>
    public const string TableKey = "points";

    /// <summary>The table's size the API server allows: a ConfigMap's data may hold at most 1 MiB (docs/campaign.md#what-kubernetes-checks).</summary>
    public const int MaxTableBytes = 1024 * 1024;

    public static IReadOnlyList<PlannedPoint> For(EnvironmentSpec spec)
    {
        var campaign = spec.Campaign ?? throw new InvalidOperationException($"stack {spec.Stack} has no campaign");
        var w = spec.Workflow;
        var varying = campaign.Keys.Select(k => CampaignKeys.Find(k)!.Variable).ToHashSet(StringComparer.Ordinal);
        var points = new List<PlannedPoint>(campaign.Points.Count);
        foreach (var point in campaign.Points)
        {
            var variables = SimulationRun.ContractEnvironment(point.Simulation, w.Metadata);
            var run = $"{campaign.Name}-{Id(variables, point.Products)}";
            points.Add(new PlannedPoint(
                point,
                run,
                w.Metadata.ObsIdFor(run),
                w.Metadata.FilePrefixFor(run),
                [.. variables.Where(v => varying.Contains(v.Key))]));
        }
        return points;
    }

    /// <summary>The point's id: the first <see cref="IdLength"/> hex digits of a digest of its variables and products.</summary>
    public static string Id(IEnumerable<KeyValuePair<string, string>> variables, ProductSelection products)
    {
        var canonical = new StringBuilder();
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal)) canonical.Append(name).Append('=').Append(value).Append('\n');
        canonical.Append("products=").Append(products);
        return RunIdentity.Digest(canonical.ToString())[..IdLength];
    }

    /// <summary>
    /// The table: line <c>i</c> is point <c>i</c>, tab-separated <c>NAME=value</c> fields: its index,
    /// OBS_ID, FILE_PREFIX, products and varying values. Values come from validated config (numbers
    /// as the workflow reads them, start times in their checked formats, ids of safe characters), so
    /// none holds a tab or a line break; the check here keeps it that way.
    /// </summary>
    public static string Table(IReadOnlyList<PlannedPoint> points)
    {
        var table = new StringBuilder(points.Count * 120);
        foreach (var p in points)
        {
            Field(table, "index", p.Index.ToString(CultureInfo.InvariantCulture), first: true);
            Field(table, "OBS_ID", p.ObsId);
            Field(table, "FILE_PREFIX", p.FilePrefix);
            Field(table, ContainerScripts.PointProductsField, p.Products.ToString());
            foreach (var (name, value) in p.Values) Field(table, name, value);
            table.Append('\n');
        }
        return table.ToString();
    }

    private static void Field(StringBuilder table, string name, string value, bool first = false)
    {
        if (value.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
            throw new InvalidOperationException($"the value of {name} holds a tab or a line break, which the point table cannot carry");
        if (!first) table.Append('\t');
        table.Append(name).Append('=').Append(value);
    }
}
