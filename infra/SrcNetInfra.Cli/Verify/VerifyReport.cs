using System.Text;
using System.Text.Encodings.Web;
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

    /// <summary>
    /// The version of the JSON contract (docs/verify.md#json). 2: every state is a lowercase word and
    /// the ingest area's health is reported; output without a version field is the first form,
    /// whose pod and ingestor states were capitalised (<c>Succeeded</c>).
    /// </summary>
    public const int JsonVersion = 2;

    /// <summary>A campaign's points the text lists one by one; beyond, those that are done and ingested or waiting are counted.</summary>
    public const int PointRows = 100;

    // Plain characters (the seed's, not the seed\u0027s): the output is read by people as much as by
    // scripts, and any JSON parser reads both. Control characters are still escaped.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Text(VerifyFindings f, Verdict verdict)
    {
        var o = f.Observation;
        var t = o.Target;
        var text = new StringBuilder();
        // What the cluster says (pod messages, log lines) is shown escaped: a log must not rewrite the terminal.
        void Line(string label, string value) => text.Append(UserText.Escape($"{label,-10} {value}".TrimEnd())).Append('\n');

        Line("stack", $"{t.Stack}: namespace {t.Namespace} on {o.Cluster}");
        Line("workload", t.Mode switch
        {
            WorkflowMode.Job => $"Job {o.JobName ?? $"{t.WorkloadName}-<runId>"} ({t.RunSelector})",
            WorkflowMode.Campaign => $"Indexed Job {o.JobName ?? $"{t.WorkloadName}-<runId>"} ({t.RunSelector})",
            _ => $"CronJob {t.WorkloadName} ({t.Schedule})",
        });
        if (t.Mode == WorkflowMode.CronJob && o.JobName is not null) Line("job", o.JobName);
        if (o.Ids is { } ids) Line("run", $"OBS_ID {ids.ObsId}, FILE_PREFIX {ids.FilePrefix}");
        if (o.Run is { } run) Line("pod", $"{run.PodName ?? "(none)"}: {run.Describe()}");
        if (o.Campaign is { } campaign) CampaignLines(campaign, Line);
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
        foreach (var log in f.PointLogs.Where(l => l.Lines.Count > 0))
        {
            text.Append(UserText.Escape($"log        last {log.Lines.Count} lines of {log.Pod} (point {log.Index}):")).Append('\n');
            foreach (var line in log.Lines) text.Append("  | ").Append(UserText.Escape(line)).Append('\n');
        }
        Line("verdict", $"{verdict.Name}: {verdict.Message}");
        return text.ToString();
    }

    /// <summary>
    /// A campaign: what it is, a table of its points (every point up to <see cref="PointRows"/>; beyond,
    /// those that need a look first), and the progress line.
    /// </summary>
    private static void CampaignLines(CampaignObservation c, Action<string, string> line)
    {
        var queue = c.Queue is null ? "" : $", Kueue LocalQueue {c.Queue}";
        line("campaign", $"{c.Name}: {c.Total} points, {c.Parallelism?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} at once, " +
                         $"point table {c.PointTable}{queue}{(c.Suspended ? ", suspended" : "")}");
        if (c.Points is not { } points) return;
        var shown = points.Count <= PointRows ? points : [.. points.Where(NeedsALook).Take(PointRows)];
        var width = Math.Max("OBS_ID".Length, shown.Count == 0 ? 0 : shown.Max(p => p.Point.Ids.ObsId.Length));
        line("points", $"{"index",5}  {"state",-7}  {"OBS_ID".PadRight(width)}  products, or why");
        foreach (var p in shown)
        {
            var what = p.Products is { } products
                ? string.Join(", ", products.Select(x => $"{x.Product} {x.StateName}"))
                : p.Detail ?? "";
            line("", $"{p.Point.Index,5}  {p.StateName,-7}  {p.Point.Ids.ObsId.PadRight(width)}  {what}");
        }
        if (shown.Count < points.Count)
        {
            var rest = points.Except(shown).ToList();
            line("", $"... and {rest.Count} more: {rest.Count(p => p.State == PointState.Done)} done and ingested, " +
                     $"{rest.Count(p => p.State == PointState.Waiting)} waiting; --json lists every point");
        }
        line("progress", c.Progress);
    }

    /// <summary>A point a person wants to see in a long table: anything but done and ingested, or waiting.</summary>
    private static bool NeedsALook(PointReport p) =>
        p.State is not (PointState.Done or PointState.Waiting) || p.Products?.Any(x => x.State != ProductState.Ingested) == true;

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
        // The word is the JSON's; what follows it is for a person.
        line("health", a.WordName + a.Word switch
        {
            HealthWord.Ok => "",
            HealthWord.Unknown => $": {unread}",
            _ => $": {(a.Findings.Count == 1 ? "1 finding" : $"{a.Findings.Count} findings")} above; " +
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
            ["version"] = JsonVersion,
            ["stack"] = t?.Stack,
            ["namespace"] = t?.Namespace,
            ["cluster"] = cluster is null ? null : new JsonObject { ["server"] = cluster.Server, ["context"] = cluster.Context },
            ["workload"] = t is null ? null : new JsonObject
            {
                ["kind"] = t.WorkloadKind,
                ["name"] = t.Mode == WorkflowMode.CronJob ? t.WorkloadName : o?.JobName,
                ["selector"] = t.RunSelector,
            },
            ["job"] = o?.JobName,
            ["run"] = o?.Ids is { } ids ? new JsonObject { ["obsId"] = ids.ObsId, ["filePrefix"] = ids.FilePrefix } : null,
            ["pod"] = run is null ? null : PodJson(run, f?.LogTail ?? []),
            ["ingestor"] = t is null ? null : new JsonObject
            {
                ["release"] = t.IngestorRelease,
                ["pod"] = o?.Ingestor?.PodName,
                ["state"] = o?.Ingestor is { } ingestor ? VerifyWords.Run.Of(ingestor.State.Phase) : null,
            },
            ["products"] = ProductsJson(o?.Products ?? []),
            ["campaign"] = o?.Campaign is { } campaign ? CampaignJson(campaign, f?.PointLogs ?? []) : null,
            ["ingestArea"] = f?.Area is { } area ? AreaJson(area) : null,
            ["health"] = f is null ? null : f.Area?.WordName ?? VerifyWords.Health.Of(HealthWord.Unknown),
            ["notes"] = new JsonArray([.. (f?.Notes ?? []).Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["verdict"] = verdict,
            ["exitCode"] = exitCode,
            ["message"] = message,
        };
    }

    private static JsonObject CampaignJson(CampaignObservation c, IReadOnlyList<PointLog> logs)
    {
        var (ingested, expected) = c.ProductCount;
        return new JsonObject
        {
            ["name"] = c.Name,
            ["pointTable"] = c.PointTable,
            ["total"] = c.Total,
            ["parallelism"] = c.Parallelism,
            ["suspended"] = c.Suspended,
            ["queue"] = c.Queue,
            ["kueueInstalled"] = c.KueueInstalled,
            ["jobFailed"] = c.JobFailed is { } failed ? new JsonObject { ["reason"] = failed.Reason, ["message"] = failed.Message } : null,
            ["problem"] = c.TableProblem,
            ["progress"] = new JsonObject
            {
                ["done"] = c.Count(PointState.Done),
                ["running"] = c.Count(PointState.Running),
                ["failed"] = c.Count(PointState.Failed),
                ["waiting"] = c.Count(PointState.Waiting),
                ["stuck"] = c.Count(PointState.Stuck),
                ["productsIngested"] = ingested,
                ["productsExpected"] = expected,
                ["line"] = c.Progress,
            },
            ["points"] = c.Points is null ? null : new JsonArray([.. c.Points.Select(p => (JsonNode?)new JsonObject
            {
                ["index"] = p.Point.Index,
                ["obsId"] = p.Point.Ids.ObsId,
                ["filePrefix"] = p.Point.Ids.FilePrefix,
                ["state"] = p.StateName,
                ["detail"] = p.Detail,
                ["pod"] = p.Pod is { } pod ? PointPodJson(pod, logs.FirstOrDefault(l => l.Index == p.Point.Index)) : null,
                ["products"] = p.Products is null ? null : ProductsJson(p.Products),
            })]),
        };
    }

    /// <summary>A campaign point's pod; a failed point's whose log was read, with its log's tail.</summary>
    private static JsonObject PointPodJson(RunState pod, PointLog? log)
    {
        var json = PodJson(pod);
        if (log is not null) json["logTail"] = new JsonArray([.. log.Lines.Select(l => (JsonNode?)JsonValue.Create(l))]);
        return json;
    }

    /// <summary>A pod's state; a run's (not a campaign point's) also with its Job's reason and its log's tail.</summary>
    private static JsonObject PodJson(RunState pod, IReadOnlyList<string>? logTail = null)
    {
        var json = new JsonObject
        {
            ["name"] = pod.PodName,
            ["phase"] = pod.PodPhase,
            ["state"] = VerifyWords.Run.Of(pod.Phase),
            ["reason"] = pod.Reason,
            ["exitCode"] = pod.ExitCode,
            ["message"] = pod.Message,
        };
        if (logTail is null) return json;
        json["jobReason"] = pod.JobReason;
        json["logTail"] = new JsonArray([.. logTail.Select(l => (JsonNode?)JsonValue.Create(l))]);
        return json;
    }

    private static JsonArray ProductsJson(IEnumerable<ProductStatus> products) =>
        new([.. products.Select(p => (JsonNode?)new JsonObject
        {
            ["product"] = p.Product,
            ["file"] = p.File,
            ["state"] = p.StateName,
            ["path"] = p.Path,
            ["detail"] = p.Detail,
        })]);

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
