using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Adoption;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Adopt;

/// <summary>
/// What <c>srcnet adopt</c> prints: blockers first, then what was found in apply order, the steps
/// with their settings and commands, and the import file; or one JSON object with the same.
/// Holds no secret: of the OIDC Secret only key names were read.
/// </summary>
public static class AdoptReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Text(AdoptRequest request, AdoptionObservation seen, AdoptionReport report)
    {
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append($"{label,-10} {value}".TrimEnd()).Append('\n');
        void Detail(string value) => Line("", "  " + value);

        Line("stack", $"{request.Paths.Stack}: namespace {request.Plan.Spec.Namespace.Name} on {seen.Cluster}");
        foreach (var f in report.Findings)
        {
            Line(f.Kind == FindingKind.Blocker ? "blocker" : "found", $"{f.Subject}: {f.Message}");
            if (f.Command is { } command) Detail($"$ {command}");
            foreach (var s in f.AllSettings) Detail($"set {s} in the stack file");
        }
        foreach (var note in seen.AllNotes) Line("note", note);
        var number = 1;
        foreach (var step in report.Steps)
        {
            Line($"step {number++}", step.Title);
            foreach (var s in step.Settings) Detail($"set {s}{(s.AlreadySet ? " (already set)" : "")}");
            foreach (var c in step.Commands) Detail($"$ {c}");
        }
        if (report.Import is { } import)
            Line("import", $"wrote {request.Paths.ImportFile}: release {import.ReleaseId} as {PulumiImportFile.ReleaseType} through provider {import.ProviderUrn}");
        else
            Line("import", "nothing to import: no ingestor release is installed");
        var blockers = report.Blockers.Count();
        Line("verdict", report.Ready
            ? "ready: follow the steps in order"
            : $"blocked: handle the {(blockers == 1 ? "blocker" : $"{blockers} blockers")} above before step 1");
        return text.ToString();
    }

    public static string Json(AdoptRequest request, AdoptionObservation seen, AdoptionReport report, int exitCode)
    {
        var o = Head(request, seen.Cluster, report.Ready, exitCode);
        o["blockers"] = Findings(report, FindingKind.Blocker);
        o["found"] = Findings(report, FindingKind.Found);
        o["notes"] = new JsonArray([.. seen.AllNotes.Select(n => (JsonNode?)JsonValue.Create(n))]);
        o["steps"] = new JsonArray([.. report.Steps.Select(step => (JsonNode?)new JsonObject
        {
            ["title"] = step.Title,
            ["settings"] = Settings(step.Settings),
            ["commands"] = new JsonArray([.. step.Commands.Select(c => (JsonNode?)JsonValue.Create(c))]),
        })]);
        o["importFile"] = report.Import is null ? null : request.Paths.ImportFile;
        o["import"] = report.Import is { } import ? JsonNode.Parse(import.ToJson()) : null;
        o["message"] = report.Ready ? "ready" : $"{report.Blockers.Count()} blocker(s) to handle first";
        return o.ToJsonString(Indented) + "\n";
    }

    /// <summary>The JSON of an adopt that could not ask the cluster: what is known, and why.</summary>
    public static string ErrorJson(AdoptRequest request, ClusterRef cluster, int exitCode, string message)
    {
        var o = Head(request, cluster, ready: false, exitCode);
        o["message"] = message;
        return o.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Head(AdoptRequest request, ClusterRef cluster, bool ready, int exitCode) => new()
    {
        ["stack"] = request.Paths.Stack,
        ["namespace"] = request.Plan.Spec.Namespace.Name,
        ["cluster"] = new JsonObject { ["server"] = cluster.Server, ["context"] = cluster.Context },
        ["ready"] = ready,
        ["exitCode"] = exitCode,
    };

    private static JsonArray Findings(AdoptionReport report, FindingKind kind) =>
        new([.. report.Findings.Where(f => f.Kind == kind).Select(f => (JsonNode?)new JsonObject
        {
            ["subject"] = f.Subject,
            ["message"] = f.Message,
            ["command"] = f.Command,
            ["settings"] = Settings(f.AllSettings),
        })]);

    private static JsonArray Settings(IEnumerable<StackSetting> settings) =>
        new([.. settings.Select(s => (JsonNode?)new JsonObject { ["key"] = s.Key, ["value"] = s.Value, ["alreadySet"] = s.AlreadySet })]);
}
