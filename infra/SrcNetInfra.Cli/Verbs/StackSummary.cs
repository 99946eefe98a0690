using System.Text;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>A stack for review, as plain text or as Markdown for a pull-request comment.</summary>
public sealed record StackSummary(string Stack, string File, CheckResult Check, EnvironmentPlan? Plan, RenderChanges? Changes)
{
    /// <summary>Diff lines per stack in Markdown; the text form always has the whole diff.</summary>
    public const int MaxDiffLinesInMarkdown = 200;

    private string Verdict => Check.Verdict;

    private IEnumerable<(string Label, string Value)> Facts()
    {
        if (Plan is null) yield break;
        var spec = Plan.Spec;
        var sizing = Plan.Environment.Sizing;
        var run = Plan.Run;
        yield return ("namespace", spec.Namespace.Name);
        yield return ("workload", run.RunId is null
            ? $"CronJob {run.WorkloadName}, schedule {spec.Workflow.Schedule}"
            : $"Job {run.WorkloadName} (run id derived offline; pulumi up draws its own)");
        if (spec.Campaign is { } campaign && sizing.Campaign is { } points)
        {
            yield return ("campaign", $"{campaign.Name}: {campaign.Points.Count} point(s) varying {string.Join(", ", campaign.Keys)}" +
                                      (campaign.Queue is { } queue ? $", admitted by Kueue queue {queue}" : ""));
            yield return ("points at once", $"{points.Parallelism} ({(points.ParallelismAuto ? "auto" : "set")}; bound: {points.Limit.Reason})");
        }
        yield return ("image", spec.Workflow.Image.Reference);
        yield return ("products", spec.Workflow.Products.ToString());
        yield return ("scratch per run", $"{StorageRequest.Human(sizing.Estimate.ScratchBytes)}, requests {sizing.ScratchRequest.Text} ({Core.Config.ConfigWords.ScratchMode.Of(spec.Scratch.Mode)})");
        yield return ("ingest per run", $"{StorageRequest.Human(sizing.Estimate.IngestBytes)}, ingest-area {sizing.IngestRequest.Text} for {sizing.RunsToHold} run(s)");
        yield return ("duration", Plan.Environment.Duration is { } d
            ? $"{d.Describe()} (calibration {d.Calibration})" + (spec.Workflow.ActiveDeadlineAuto && spec.Workflow.ActiveDeadlineSeconds is { } deadline ? $", deadline {deadline}s" : "")
            : DurationReport.Hint(spec.Stack));
        yield return ("ingestor", $"{Plan.Ingestor.Chart} {Plan.Ingestor.Version}, RSE {spec.Ingestor.Settings.RucioIngestRseName}");
        yield return ("secret", spec.Secret.Mode switch
        {
            Core.Model.SecretMode.ExternalSecret => $"{spec.Secret.Name} from Vault ({spec.Secret.Vault.RemoteKey})",
            Core.Model.SecretMode.ExistingSecret => $"{spec.Secret.Name} (existing)",
            _ => $"{spec.Secret.Name} from Pulumi secrets",
        });
        yield return ("objects", string.Join(", ", Plan.Objects.Select(o => $"{o.Kind} {o.Name}")));
    }

    /// <summary>
    /// What a new Job name means: a Job stack's next run (a new OBS_ID); a campaign's new Job, beside
    /// the old one, which runs no point that already reached the datalake (docs/campaign.md#resume-and-extend).
    /// </summary>
    private bool IsCampaign => Plan?.Spec.Campaign is not null;

    private string NewRunText => IsCampaign
        ? "pulumi up starts a new campaign Job (the old one is left to finish; points already done are not run again)"
        : "pulumi up starts a new run";

    private string NewRunMarkdown => IsCampaign
        ? "`pulumi up` starts a new campaign Job (the old one is left to finish; points already done are not run again)."
        : "`pulumi up` starts a new run (new OBS_ID).";

    public string ToText()
    {
        var t = new StringBuilder();
        t.Append($"stack {Stack} ({File}): {Verdict}\n");
        foreach (var p in Check.Problems) t.Append($"  {p}\n");
        foreach (var (label, value) in Facts()) t.Append($"  {label}: {value}\n");
        if (Changes is { } c)
        {
            foreach (var p in c.Refused) t.Append($"  {(p.IsError ? "pulumi up refuses" : "pulumi up warns")}: {p.Key}: {p.Message}\n");
            foreach (var resize in c.Resizes) t.Append($"  {(resize.Shrinks ? "error" : "note")}: {resize.Message}\n");
            if (!c.BaseExists) t.Append("  new stack: no render on the base branch\n");
            else if (!c.Any) t.Append("  rendered output unchanged against the base branch\n");
            else
            {
                t.Append($"  rendered changes against the base branch: +{c.Added} -{c.Removed} lines\n");
                if (c.NewRun) t.Append($"  the Job changes from {c.JobBefore} to {c.JobAfter}: {NewRunText}\n");
                foreach (var f in c.Files.Where(f => f.Diff.Length > 0)) t.Append(f.Diff);
            }
        }
        return t.ToString();
    }

    public string ToMarkdown()
    {
        var m = new StringBuilder();
        var icon = Check.Ok ? (Check.Warnings.Any() ? "⚠️" : "✅") : "❌";
        m.Append($"### {icon} Stack `{Stack}`: {Verdict}\n\n");
        m.Append($"`{File}`\n\n");
        if (Check.Problems.Count > 0)
        {
            foreach (var p in Check.Problems) m.Append($"- **{(p.IsError ? "error" : "warning")}** `{p.Key}`: {Escape(p.Message)}\n");
            m.Append('\n');
        }
        var facts = Facts().ToList();
        if (facts.Count > 0)
        {
            m.Append("| | |\n|---|---|\n");
            foreach (var (label, value) in facts) m.Append($"| {label} | {Escape(value)} |\n");
            m.Append('\n');
        }
        if (Changes is { } c)
        {
            foreach (var p in c.Refused)
                m.Append(p.IsError
                    ? $"**❌ `pulumi up` refuses this change on a stack deployed from the base branch: `{p.Key}`: {Escape(p.Message)}**\n\n"
                    : $"⚠️ `pulumi up` warns: `{p.Key}`: {Escape(p.Message)}\n\n");
            foreach (var resize in c.Resizes) m.Append(resize.Shrinks ? $"**❌ {resize.Message}**\n\n" : $"⚠️ {resize.Message}\n\n");
            if (!c.BaseExists) m.Append("New stack: the base branch has no render of it.\n\n");
            else if (!c.Any) m.Append("Rendered output unchanged against the base branch.\n\n");
            else
            {
                if (c.NewRun)
                    m.Append($"**The Job changes from `{c.JobBefore}` to `{c.JobAfter}`: {NewRunMarkdown}**\n\n");
                m.Append($"<details><summary>Rendered changes against the base branch: +{c.Added} −{c.Removed} lines</summary>\n\n");
                // A pull-request comment holds 65,536 characters for every stack together.
                var budget = MaxDiffLinesInMarkdown;
                foreach (var f in c.Files.Where(f => f.Diff.Length > 0))
                {
                    var lines = f.Diff.TrimEnd('\n').Split('\n');
                    var shown = lines.Take(Math.Max(budget, 0)).ToList();
                    budget -= shown.Count;
                    if (shown.Count == 0) continue;
                    m.Append($"`{f.Name}`\n\n```diff\n{string.Join("\n", shown)}\n```\n\n");
                    if (shown.Count < lines.Length)
                        m.Append($"… {lines.Length - shown.Count} more lines: run `srcnet summary --stack {Stack} --base-render DIR` for the whole diff.\n\n");
                }
                m.Append("</details>\n\n");
            }
        }
        return m.ToString();
    }

    // Table cells and list items: a '|' would end a cell; keep messages on one line.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
