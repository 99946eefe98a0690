using System.Globalization;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Validation;

/// <summary>One thing that bounds how many points run at once: how many it holds, and why.</summary>
public sealed record CapacityBound(int Points, string Key, string Reason);

/// <summary>
/// How many of a campaign's points the namespace runs at once: each point's pod needs the
/// simulation's requests and limits, and the namespace also runs the ingestor's pod (at the
/// container defaults) and the janitor's (QuotaFit counts the same); each running point may add its
/// temporary files to the ingest area beside the products of every point.
/// </summary>
internal static class CampaignCapacity
{
    /// <summary>Every bound, the tightest first; the campaign's own size is the last resort.</summary>
    public static IReadOnlyList<CapacityBound> Bounds(EnvironmentSpec spec, int points, long campaignIngestBytes, long transientBytes)
    {
        var quota = spec.Quota;
        var defaults = quota.ContainerDefaults;
        var run = spec.Workflow.Resources;
        var janitor = spec.Retention.Enabled ? Janitor.Resources : default;
        var besides = spec.Retention.Enabled ? "besides the ingestor's pod and the janitor's" : "besides the ingestor's pod";
        var bounds = new List<CapacityBound>();

        void Compute(string key, Quantity limit, Quantity perPoint, Quantity ingestor, Quantity? janitorShare, Func<decimal, string> format)
        {
            if (perPoint.Value <= 0) return;
            var left = limit.Value - ingestor.Value - (janitorShare?.Value ?? 0);
            var n = (int)Math.Clamp(decimal.Floor(left / perPoint.Value), 0, int.MaxValue);
            bounds.Add(new CapacityBound(n, key, $"{key} {limit.Text} holds {n} x {perPoint.Text} {besides} ({format(left)} left)"));
        }

        Compute("srcnet:quota.requestsCpu", quota.RequestsCpu, run.RequestsCpu, defaults.RequestCpu, janitor.RequestCpu, Cores);
        Compute("srcnet:quota.requestsMemory", quota.RequestsMemory, run.RequestsMemory, defaults.RequestMemory, janitor.RequestMemory, Bytes);
        Compute("srcnet:quota.limitsCpu", quota.LimitsCpu, run.LimitsCpu, defaults.LimitCpu, janitor.LimitCpu, Cores);
        Compute("srcnet:quota.limitsMemory", quota.LimitsMemory, run.LimitsMemory, defaults.LimitMemory, janitor.LimitMemory, Bytes);
        if (run.Gpu > 0 && quota.RequestsGpu is { } gpus)
            bounds.Add(new CapacityBound(gpus / run.Gpu, "srcnet:quota.requestsGpu", $"srcnet:quota.requestsGpu {gpus} holds {gpus / run.Gpu} x {run.Gpu} GPU(s)"));
        var pods = Math.Max(0, quota.Pods - QuotaFit.IngestorPods - (spec.Retention.Enabled ? 1 : 0));
        bounds.Add(new CapacityBound(pods, "srcnet:quota.pods", $"srcnet:quota.pods {quota.Pods} holds {pods} {besides}"));

        if (spec.Ingestor.Persistence.Size.ExplicitSize is { } size && transientBytes > 0)
        {
            var room = (decimal)size.Value - campaignIngestBytes;
            var n = (int)Math.Clamp(decimal.Floor(room / transientBytes), 0, int.MaxValue);
            bounds.Add(new CapacityBound(n, "srcnet:ingestor.persistence.size",
                $"srcnet:ingestor.persistence.size {size.Text} holds the campaign's products ({StorageRequest.Human(campaignIngestBytes)}) " +
                $"and the temporary files of {n} running point(s) ({StorageRequest.Human(transientBytes)} each)"));
        }
        bounds.Add(new CapacityBound(points, "srcnet:campaign", $"the campaign has {points} point(s)"));
        return [.. bounds.OrderBy(b => b.Points)];
    }

    private static string Cores(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Bytes(decimal value) =>
        (value / (1024m * 1024m * 1024m)).ToString("0.##", CultureInfo.InvariantCulture) + "Gi";
}
