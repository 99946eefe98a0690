using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Estimation;
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

    /// <summary>The health of an ingest area that was not listed.</summary>
    public const string UnknownHealth = "unknown";

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
        if (o.NamespaceFound && o.WorkloadFound) AreaLines(f, Line);
        foreach (var note in f.Notes) Line("note", note);
        if (f.LogTail.Count > 0)
        {
            text.Append($"log        last {f.LogTail.Count} lines of {o.Run?.PodName}:\n");
            foreach (var line in f.LogTail) text.Append("  | ").Append(UserText.Escape(line)).Append('\n');
        }
        Line("verdict", $"{verdict.Name}: {verdict.Message}");
        return text.ToString();
    }

    /// <summary>
    /// The ingest area's health: a summary line, one line per finding (warning or notice), and the
    /// health word, which never changes the verdict below it.
    /// </summary>
    private static void AreaLines(VerifyFindings f, Action<string, string> line)
    {
        if (f.Area is not { } a)
        {
            var o = f.Observation;
            var why = o.Ingestor is null ? $"no ingestor pod ({VerifyTarget.IngestorPodPrefix}...)"
                : o.Ingestor.State.Phase != RunPhase.Running ? $"ingestor pod {o.Ingestor.PodName} is not running"
                : "see the note";
            line("health", $"unknown: the ingest area was not listed ({why})");
            return;
        }
        var parts = new List<string>
        {
            a.Staging is { } s
                ? $"staging {s.Waiting} waiting" + (s.Stuck > 0 ? $", {s.Stuck} longer than {DurationText.Format(s.StuckAfter.TotalSeconds)}" : "")
                : "staging not read",
            a.FailedProcessing is { } fp ? $"failed_processing {fp.Count}" : "failed_processing not read",
            a.Space is { } sp
                ? $"{StorageRequest.Human(sp.FreeBytes)} free of {StorageRequest.Human(sp.TotalBytes)} (the next run needs {StorageRequest.Human(sp.NextRunBytes)})"
                : "free space not read",
            a.Leftovers is { } l ? (l.Count == 1 ? "1 leftover run directory" : $"{l.Count} leftover run directories") : "run directories not read",
        };
        line("area", string.Join("; ", parts));
        foreach (var finding in a.Findings) line(finding.SeverityName, finding.Message);
        var unread = a.Unread.Count > 0 ? $"could not read {string.Join("; ", a.Unread)}" : "";
        line("health", a.Word switch
        {
            HealthWord.Ok => "ok",
            HealthWord.Unknown => $"unknown: {unread}",
            _ => $"attention: {(a.Findings.Count == 1 ? "1 finding" : $"{a.Findings.Count} findings")} above; " +
                 "they do not change the verdict or the exit code" + (unread.Length > 0 ? $"; {unread}" : ""),
        });
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
            ["ingestArea"] = f?.Area is { } area ? AreaJson(area) : null,
            ["health"] = f is null ? null : f.Area?.WordName ?? UnknownHealth,
            ["notes"] = new JsonArray([.. (f?.Notes ?? []).Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["verdict"] = verdict,
            ["exitCode"] = exitCode,
            ["message"] = message,
        };
    }

    private static JsonObject AreaJson(IngestAreaHealth a) => new()
    {
        ["staging"] = a.Staging is { } s ? new JsonObject
        {
            ["waiting"] = s.Waiting,
            ["stuckCount"] = s.Stuck,
            ["stuckAfterSeconds"] = (long)s.StuckAfter.TotalSeconds,
            ["stuck"] = new JsonArray([.. s.StuckEntries.Select(e => (JsonNode?)EntryJson(e))]),
        } : null,
        ["failedProcessing"] = a.FailedProcessing is { } f ? new JsonObject
        {
            ["count"] = f.Count,
            ["oldest"] = f.Oldest is { } o ? EntryJson(o) : null,
            ["names"] = new JsonArray([.. f.Names.Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["more"] = f.More,
        } : null,
        ["space"] = a.Space is { } sp ? new JsonObject
        {
            ["freeBytes"] = sp.FreeBytes,
            ["totalBytes"] = sp.TotalBytes,
            ["nextRunBytes"] = sp.NextRunBytes,
            ["enough"] = sp.Enough,
        } : null,
        ["leftovers"] = a.Leftovers is { } l ? new JsonArray([.. l.Select(x => (JsonNode?)new JsonObject
        {
            ["name"] = x.Name,
            ["path"] = x.Path,
            ["kind"] = x.KindName,
            ["state"] = x.State,
            ["ageSeconds"] = Seconds(x.Age),
            ["pod"] = x.Pod,
            ["exitCode"] = x.ExitCode,
            ["reason"] = x.Reason,
        })]) : null,
        ["findings"] = new JsonArray([.. a.Findings.Select(x => (JsonNode?)new JsonObject
        {
            ["kind"] = x.Kind,
            ["severity"] = x.SeverityName,
            ["message"] = x.Message,
        })]),
        ["unread"] = new JsonArray([.. a.Unread.Select(u => (JsonNode?)JsonValue.Create(u))]),
    };

    private static JsonObject EntryJson(AgedEntry e) => new() { ["name"] = e.Name, ["path"] = e.Path, ["ageSeconds"] = Seconds(e.Age) };

    private static long? Seconds(TimeSpan? age) => age is { } a ? (long)a.TotalSeconds : null;

    private static string Serialize(JsonObject o) => o.ToJsonString(Indented) + "\n";
}
