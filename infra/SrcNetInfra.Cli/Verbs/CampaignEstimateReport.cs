using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>One point of a campaign's estimate.</summary>
public sealed record PointEstimateReport(
    int Index,
    string ObsId,
    string FilePrefix,
    IReadOnlyList<string> Products,
    IReadOnlyDictionary<string, string> Values,
    long ScratchBytes,
    long IngestBytes,
    long IngestPeakBytes,
    long MemoryBytes,
    double? DurationLowSeconds,
    double? DurationHighSeconds);

/// <summary>
/// A campaign's estimate as <c>srcnet estimate --stack</c> prints it (docs/campaign.md#sizing): each
/// point, and the campaign as a whole at its parallelism: the scratch of the points running at once,
/// the ingest area for every point, the largest memory, and with a calibration how long it takes.
/// The JSON field names are a contract (README, "Campaigns").
/// </summary>
public sealed record CampaignEstimateReport(
    string Basis,
    string Campaign,
    int Points,
    IReadOnlyList<string> Keys,
    int Parallelism,
    bool ParallelismAuto,
    CapacityBound ParallelismBound,
    IReadOnlyList<CapacityBound> Bounds,
    long ScratchBytesPerPoint,
    string ScratchRequest,
    string ScratchMode,
    long ScratchAtOnceBytes,
    long IngestBytes,
    long IngestBytesToHold,
    string IngestRequest,
    long MemoryBytes,
    int MemoryPoint,
    string? DurationCalibration,
    double? DurationLowSeconds,
    double? DurationHighSeconds,
    long? ActiveDeadlineSeconds,
    string? DurationHint,
    IReadOnlyList<PointEstimateReport> PerPoint)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <param name="duration">The campaign's projection from a calibration; null without one.</param>
    public static CampaignEstimateReport From(string basis, CheckedEnvironment env, CampaignDuration? duration, string? calibration)
    {
        var spec = env.Spec;
        var campaign = spec.Campaign!;
        var sizing = env.Sizing.Campaign!;
        var planned = CampaignPoints.For(spec);
        var keyByVariable = campaign.Keys.ToDictionary(k => Core.Config.CampaignKeys.Find(k)!.Variable, k => k, StringComparer.Ordinal);
        var perPoint = planned.Select(p =>
        {
            var e = sizing.Points[p.Index];
            var d = duration?.Points[p.Index];
            return new PointEstimateReport(
                p.Index, p.ObsId, p.FilePrefix, p.Products.SelectedNames,
                p.Values.ToDictionary(v => keyByVariable[v.Key], v => v.Value, StringComparer.Ordinal),
                e.ScratchBytes, e.IngestBytes, e.IngestPeakBytes, e.MemoryBytes,
                d?.TotalLowSeconds, d?.TotalHighSeconds);
        }).ToList();
        var scratchMode = Core.Config.ConfigWords.ScratchMode.Of(spec.Scratch.Mode);
        return new CampaignEstimateReport(
            basis, campaign.Name, campaign.Points.Count, campaign.Keys,
            sizing.Parallelism, sizing.ParallelismAuto, sizing.Limit, sizing.Bounds,
            env.Sizing.Estimate.ScratchBytes, env.Sizing.ScratchRequest.Text, scratchMode,
            checked((long)env.Sizing.ScratchRequest.Value * sizing.Parallelism),
            sizing.IngestBytes, env.Sizing.IngestBytesToHold, env.Sizing.IngestRequest.Text,
            sizing.Points[sizing.LargestMemoryPoint].MemoryBytes, sizing.LargestMemoryPoint,
            calibration, duration?.LowSeconds, duration?.HighSeconds,
            duration is null ? null : ActiveDeadline.For(duration.Longest),
            duration is null ? DurationReport.Hint(spec.Stack) : null,
            perPoint);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public string ToTable()
    {
        var t = new StringBuilder();
        void Line(string text = "") => t.Append(text).Append('\n');

        Line($"Estimate for {Basis}: campaign {Campaign}, {Points} point(s) varying {string.Join(", ", Keys)}");
        Line($"  {Parallelism} point(s) at once ({(ParallelismAuto ? "auto" : "set")}); bound: {ParallelismBound.Reason}");
        Line();
        var header = $"  {"point",5}  " + string.Join("  ", Keys.Select(k => k.PadLeft(Math.Max(k.Length, 8)))) +
                     $"  {"products",-22} {"scratch",10} {"ingest",10} {"memory",10}  {"duration",-18} OBS_ID";
        Line(header.TrimEnd());
        foreach (var p in PerPoint)
        {
            var values = string.Join("  ", Keys.Select(k => p.Values[k].PadLeft(Math.Max(k.Length, 8))));
            var duration = p.DurationHighSeconds is { } high ? DurationText.Range(p.DurationLowSeconds!.Value, high) : "-";
            Line($"  {p.Index,5}  {values}  {string.Join(",", p.Products),-22} {StorageRequest.Human(p.ScratchBytes),10} " +
                 $"{StorageRequest.Human(p.IngestBytes),10} {StorageRequest.Human(p.MemoryBytes),10}  {duration,-18} {p.ObsId}");
        }
        Line();
        Line("Campaign");
        Line($"  scratch per point        {StorageRequest.Human(ScratchBytesPerPoint),10}  request {ScratchRequest} ({ScratchMode}), the largest point's peak with headroom");
        Line($"  scratch at once          {StorageRequest.Human(ScratchAtOnceBytes),10}  {Parallelism} x {ScratchRequest}" +
             (ScratchMode == "emptyDir" ? " of the nodes' disks, freed as each point ends" : ScratchMode == "ephemeral" ? $"; every point keeps its claim until the Job is deleted ({Points} claims)" : ""));
        Line($"  ingest, every point      {StorageRequest.Human(IngestBytes),10}  the products of all {Points} point(s) stay until srcnet:retention.processed");
        Line($"  ingest area              {StorageRequest.Human(IngestBytesToHold),10}  with {Parallelism} running point(s)' temporary files; request {IngestRequest}");
        Line($"  memory per point         {StorageRequest.Human(MemoryBytes),10}  point {MemoryPoint}, the hungriest");
        if (DurationHighSeconds is { } total)
            Line($"  duration                 {DurationText.Range(DurationLowSeconds!.Value, total)} at {Parallelism} at once (calibration {DurationCalibration})" +
                 (ActiveDeadlineSeconds is { } deadline ? $"; activeDeadlineSeconds: auto would give each point {deadline} ({DurationText.Format(deadline)})" : ""));
        else
            Line($"  duration                 {DurationHint ?? "unknown: a point's step is not in the calibration"}");
        return t.ToString();
    }
}
