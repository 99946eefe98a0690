using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// The report <c>srcnet verify</c> prints: a few aligned lines for a reader, or one JSON object whose
/// fields are a contract for scripts (docs/verify.md). Holds no secrets: nothing of a pod's
/// environment or of any Secret is ever read.
/// </summary>
public static class VerifyReport
{
    /// <summary>The verdict name of a run that could not be checked at all (exit 1).</summary>
    public const string ErrorVerdict = "error";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Text(VerifyFindings f, Verdict verdict)
    {
        var o = f.Observation;
        var t = o.Target;
        var text = new StringBuilder();
        // What the cluster says (pod messages, log lines) is shown escaped: a log must not rewrite the terminal.
        void Line(string label, string value) => text.Append(UserText.Escape($"{label,-10} {value}".TrimEnd())).Append('\n');

        Line("stack", $"{t.Stack}: namespace {t.Namespace} on {o.Cluster}");
        Line("workload", t.Mode == WorkflowMode.Job ? $"Job {o.JobName ?? $"{t.WorkloadName}-<runId>"} ({t.RunSelector})" : $"CronJob {t.WorkloadName} ({t.Schedule})");
        if (t.Mode == WorkflowMode.CronJob && o.JobName is not null) Line("job", o.JobName);
        if (o.Ids is { } ids) Line("run", $"OBS_ID {ids.ObsId}, FILE_PREFIX {ids.FilePrefix}");
        if (o.Run is { } run) Line("pod", $"{run.PodName ?? "(none)"}: {run.Describe()}");
        if (o.Ingestor is { } ingestor) Line("ingestor", $"{ingestor.PodName}: {ingestor.State.Describe()}");
        if (o.Products is { Count: > 0 } products)
        {
            var width = products.Max(p => p.File.Length);
            var label = "products";
            foreach (var p in products)
            {
                var where = p.Path is null ? "" : $"  {p.Path}";
                var detail = p.Detail is null ? "" : $"  ({p.Detail})";
                Line(label, $"{p.Product,-10} {p.File.PadRight(width)}  {p.StateName,-8}{where}{detail}");
                label = "";
            }
        }
        foreach (var note in f.Notes) Line("note", note);
        if (f.LogTail.Count > 0)
        {
            text.Append($"log        last {f.LogTail.Count} lines of {o.Run?.PodName}:\n");
            foreach (var line in f.LogTail) text.Append("  | ").Append(UserText.Escape(line)).Append('\n');
        }
        Line("verdict", $"{verdict.Name}: {verdict.Message}");
        return text.ToString();
    }

    public static string Json(VerifyFindings f, Verdict verdict) =>
        Serialize(Object(f.Observation.Target, f.Observation.Cluster, f, verdict.Name, verdict.ExitCode, verdict.Message));

    /// <summary>
    /// The JSON of a verify that could not ask the cluster, or not even start (a usage or config
    /// error: no target yet): what is known, the verdict "error" and why.
    /// </summary>
    public static string ErrorJson(VerifyTarget? target, ClusterRef? cluster, int exitCode, string message) =>
        Serialize(Object(target, cluster, null, ErrorVerdict, exitCode, message));

    private static JsonObject Object(VerifyTarget? t, ClusterRef? cluster, VerifyFindings? f, string verdict, int exitCode, string message)
    {
        var o = f?.Observation;
        var run = o?.Run;
        return new JsonObject
        {
            ["stack"] = t?.Stack,
            ["namespace"] = t?.Namespace,
            ["cluster"] = cluster is null ? null : new JsonObject { ["server"] = cluster.Server, ["context"] = cluster.Context },
            ["workload"] = t is null ? null : new JsonObject
            {
                ["kind"] = t.WorkloadKind,
                ["name"] = t.Mode == WorkflowMode.Job ? o?.JobName : t.WorkloadName,
                ["selector"] = t.RunSelector,
            },
            ["job"] = o?.JobName,
            ["run"] = o?.Ids is { } ids ? new JsonObject { ["obsId"] = ids.ObsId, ["filePrefix"] = ids.FilePrefix } : null,
            ["pod"] = run is null ? null : new JsonObject
            {
                ["name"] = run.PodName,
                ["phase"] = run.PodPhase,
                ["state"] = run.Phase.ToString(),
                ["reason"] = run.Reason,
                ["exitCode"] = run.ExitCode,
                ["message"] = run.Message,
                ["jobReason"] = run.JobReason,
                ["logTail"] = new JsonArray([.. (f?.LogTail ?? []).Select(l => (JsonNode?)JsonValue.Create(l))]),
            },
            ["ingestor"] = t is null ? null : new JsonObject
            {
                ["release"] = t.IngestorRelease,
                ["pod"] = o?.Ingestor?.PodName,
                ["state"] = o?.Ingestor?.State.Phase.ToString(),
            },
            ["products"] = new JsonArray([.. (o?.Products ?? []).Select(p => (JsonNode?)new JsonObject
            {
                ["product"] = p.Product,
                ["file"] = p.File,
                ["state"] = p.StateName,
                ["path"] = p.Path,
                ["detail"] = p.Detail,
            })]),
            ["notes"] = new JsonArray([.. (f?.Notes ?? []).Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["verdict"] = verdict,
            ["exitCode"] = exitCode,
            ["message"] = message,
        };
    }

    private static string Serialize(JsonObject o) => o.ToJsonString(Indented) + "\n";
}
