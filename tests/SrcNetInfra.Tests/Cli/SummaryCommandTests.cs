using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

public class SummaryCommandTests
{
    [Fact]
    public void Markdown_summary_of_a_valid_stack()
    {
        var run = CliRun.AtRoot("summary", "--stack", "prod", "--markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("### ✅ Stack `prod`: valid", run.Out);
        Assert.Contains("| namespace | datalake-ingestion |", run.Out);
        Assert.Contains("| workload | CronJob karabo-aastar, schedule 0 * * * * |", run.Out);
        Assert.Contains("| products | dirty,cleaned |", run.Out);
        Assert.Matches(@"\| scratch per run \| [0-9.]+ [kMGT]?B, requests \d+Gi \(ephemeral\) \|", run.Out);
    }

    [Fact]
    public void Text_summary_is_the_default()
    {
        var run = CliRun.AtRoot("summary", "--stack", "dev");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("stack dev (Pulumi.dev.yaml): valid", run.Out);
        Assert.Contains("  namespace: srcnet-dev", run.Out);
        // Without a calibration, how to make one (the projected duration itself: CalibrateCommandTests).
        Assert.Contains("  duration: no calibration: after a small run, `srcnet calibrate --stack dev`", run.Out);
    }

    [Fact]
    public void An_invalid_stack_is_summarised_with_its_errors_and_exits_2()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.bad.yaml", MinimalStack.Yaml.Replace("tag: 0.34.0", "tag: 0.34.0\n    mode: nightly", StringComparison.Ordinal));
        var run = CliRun.In(dir.Path, "summary", "--config-file", file, "--markdown");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("### ❌ Stack `bad`: invalid, 1 error", run.Out);
        Assert.Contains("- **error** `srcnet:workflow.mode`: must be one of job, cronjob, campaign (got 'nightly')", run.Out);
    }

    [Fact]
    public void Against_an_identical_base_render_nothing_changes()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "dev", "--out", dir.Path).ExitCode);
        var run = CliRun.AtRoot("summary", "--stack", "dev", "--markdown", "--base-render", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Rendered output unchanged against the base branch.", run.Out);
        Assert.DoesNotContain("```diff", run.Out);
    }

    [Fact]
    public void A_changed_simulation_shows_the_diff_and_warns_of_a_new_run()
    {
        using var dir = new TempDir();
        var baseDir = Path.Combine(dir.Path, "base");
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "dev", "--out", baseDir).ExitCode);
        var head = dir.Write("Pulumi.dev.yaml", File.ReadAllText(Repo.StackFile("dev")).Replace("numTimeStamps: 8", "numTimeStamps: 12", StringComparison.Ordinal));

        var run = CliRun.In(dir.Path, "summary", "--config-file", head, "--markdown", "--base-render", baseDir);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(": `pulumi up` starts a new run (new OBS_ID).**", run.Out);
        Assert.Contains("```diff\n--- base/manifests.yaml\n+++ head/manifests.yaml\n", run.Out);
        Assert.Contains("-          value: '8'", run.Out);
        Assert.Contains("+          value: '12'", run.Out);
        Assert.Matches(@"Rendered changes against the base branch: \+\d+ −\d+ lines", run.Out);
    }

    [Fact]
    public void An_extended_campaign_says_a_new_campaign_job_leaves_done_points_alone()
    {
        using var dir = new TempDir();
        var baseDir = Path.Combine(dir.Path, "base");
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "campaign", "--out", baseDir).ExitCode);
        var head = dir.Write("Pulumi.campaign.yaml", File.ReadAllText(Repo.StackFile("campaign"))
            .Replace("phaseCenterDecDeg: [1.91, 2.21, 2.51]", "phaseCenterDecDeg: [1.91, 2.21, 2.51, 2.81]", StringComparison.Ordinal));

        var run = CliRun.In(dir.Path, "summary", "--config-file", head, "--markdown", "--base-render", baseDir);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(": `pulumi up` starts a new campaign Job (the old one is left to finish; points already done are not run again).**", run.Out);
        Assert.DoesNotContain("new OBS_ID", run.Out);
    }

    [Fact]
    public void A_quota_change_shows_the_diff_without_a_new_run()
    {
        using var dir = new TempDir();
        var baseDir = Path.Combine(dir.Path, "base");
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "dev", "--out", baseDir).ExitCode);
        var head = dir.Write("Pulumi.dev.yaml", File.ReadAllText(Repo.StackFile("dev")).Replace("requestsCpu: \"8\"", "requestsCpu: \"10\"", StringComparison.Ordinal));

        var run = CliRun.In(dir.Path, "summary", "--config-file", head, "--markdown", "--base-render", baseDir);
        Assert.Contains("+    requests.cpu: '10'", run.Out);
        Assert.DoesNotContain("starts a new run", run.Out);
    }

    [Fact]
    public void A_missing_base_render_means_a_new_stack()
    {
        using var dir = new TempDir();
        var run = CliRun.AtRoot("summary", "--stack", "test", "--markdown", "--base-render", Path.Combine(dir.Path, "none"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("New stack: the base branch has no render of it.", run.Out);
    }

    [Fact]
    public void A_base_render_that_is_a_file_is_a_usage_error()
    {
        using var dir = new TempDir();
        var file = dir.Write("x", "");
        var run = CliRun.AtRoot("summary", "--stack", "dev", "--base-render", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--base-render:", run.Error);
    }

    private static CliRun SummaryOfChangedProd(TempDir dir, string from, string to)
    {
        var baseDir = Path.Combine(dir.Path, "base");
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "prod", "--out", baseDir).ExitCode);
        var text = File.ReadAllText(Path.Combine(Repo.Root, "stacks", "Pulumi.prod.yaml"));
        Assert.Contains(from, text);
        var head = dir.Write("Pulumi.prod.yaml", text.Replace(from, to, StringComparison.Ordinal));
        return CliRun.In(dir.Path, "summary", "--config-file", head, "--markdown", "--base-render", baseDir);
    }

    [Fact]
    public void An_ingest_area_that_would_shrink_is_flagged_as_a_failing_deploy()
    {
        using var dir = new TempDir();
        var run = SummaryOfChangedProd(dir, "size: 20Gi", "size: 10Gi");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\*\*❌ claim ingest-area would shrink from \d+Gi to \d+Gi: Kubernetes refuses to shrink a claim", run.Out);
    }

    [Fact]
    public void An_ingest_area_that_grows_needs_volume_expansion()
    {
        using var dir = new TempDir();
        var run = SummaryOfChangedProd(dir, "size: 20Gi", "size: 40Gi");
        Assert.Matches(@"⚠️ claim ingest-area grows from \d+Gi to \d+Gi: its storage class must allow volume expansion", run.Out);
    }

    [Fact]
    public void A_huge_diff_is_cut_in_markdown_but_whole_in_text()
    {
        using var dir = new TempDir();
        var baseDir = Path.Combine(dir.Path, "base");
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "prod", "--out", baseDir).ExitCode);
        // A base with nothing in common: every rendered line is a change.
        File.WriteAllText(Path.Combine(baseDir, "manifests.yaml"), "");
        var markdown = CliRun.AtRoot("summary", "--stack", "prod", "--markdown", "--base-render", baseDir);
        var text = CliRun.AtRoot("summary", "--stack", "prod", "--base-render", baseDir);
        var markdownDiffLines = markdown.Out.Split('\n').Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal));
        Assert.True(markdownDiffLines <= StackSummaryLimit, $"{markdownDiffLines} diff lines in the comment");
        Assert.Contains("more lines: run `srcnet summary --stack prod --base-render DIR` for the whole diff.", markdown.Out);
        Assert.True(text.Out.Split('\n').Count(l => l.StartsWith('+')) > StackSummaryLimit);
    }

    private const int StackSummaryLimit = SrcNetInfra.Cli.Verbs.StackSummary.MaxDiffLinesInMarkdown;
}
