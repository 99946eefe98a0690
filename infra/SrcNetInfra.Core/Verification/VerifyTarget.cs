using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// What <c>srcnet verify</c> looks for on a cluster, derived from a checked stack alone: where the
/// runs are, how they are labelled, which products they must ingest and where the ingestor keeps them.
/// </summary>
/// <param name="WorkloadName">A CronJob's name; for a Job the workflow's name, which the Job's name
/// starts with (<c>&lt;name&gt;-&lt;runId&gt;</c>; the run id is only known on the cluster).</param>
/// <param name="RunLabels">The labels every run's Job carries (instance and component).</param>
/// <param name="StagingDir">OUT_DIR as the ingestor's pod sees it (the workflow appends the Rucio scope below it).</param>
/// <param name="IngestRoot">Where the ingestor's pod mounts the ingest claim: its filesystem, and .srcnet/runs/ in it.</param>
/// <param name="Limits">What the ingest area's health is judged against.</param>
public sealed record VerifyTarget(
    string Stack,
    string Namespace,
    WorkflowMode Mode,
    string WorkloadName,
    string Schedule,
    string? TimeZone,
    IReadOnlyDictionary<string, string> RunLabels,
    IReadOnlyList<string> Products,
    string MetadataSuffix,
    string IngestorRelease,
    string StagingDir,
    string ProcessedDir,
    string FailedDir,
    string IngestRoot,
    IngestAreaLimits Limits)
{
    /// <summary>Ingestor pods are named <c>core-...</c> (docs/ingestor.md#what-the-chart-creates; inferred from the seed's exec example).</summary>
    public const string IngestorPodPrefix = "core-";

    public string WorkloadKind => Mode == WorkflowMode.CronJob ? "CronJob" : "Job";

    /// <summary>How long the janitor keeps processed products (<c>srcnet:retention.processed</c>) as written and as a span; null without the janitor.</summary>
    public (string Text, TimeSpan Span)? ProcessedRetention { get; init; }

    /// <summary>A campaign stack's campaign as the stack file has it; null for a Job or CronJob stack.</summary>
    public CampaignTarget? Campaign { get; init; }

    /// <summary>The label selector of a run's Job, as the API's <c>labelSelector</c> takes it.</summary>
    public string RunSelector => string.Join(",", RunLabels.Select(l => $"{l.Key}={l.Value}"));

    /// <summary>The run-private directories the run script works in (docs/handover.md#layout-on-the-ingest-claim).</summary>
    public string RunsDir => IngestRoot + "/.srcnet/runs";

    /// <summary>The three areas the ingestor moves products between, in the order a product passes them.</summary>
    public IReadOnlyList<string> IngestDirs => [StagingDir, ProcessedDir, FailedDir];

    public static VerifyTarget For(CheckedEnvironment env)
    {
        var spec = env.Spec;
        var w = spec.Workflow;
        var runLabels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Labels.Instance] = spec.Stack,
            [Labels.Component] = SimulationRun.Component,
        };
        CampaignTarget? campaign = null;
        if (spec.Campaign is { } c)
        {
            // A campaign's Jobs carry its name: those of an earlier campaign of the stack are not this one's.
            runLabels[CampaignRun.CampaignLabel] = c.Name;
            var table = CampaignPoints.Table(CampaignPoints.For(spec));
            campaign = new CampaignTarget(c.Name, CampaignRun.PointTableName(spec, table), table);
        }
        return new VerifyTarget(
            spec.Stack,
            spec.Namespace.Name,
            w.Mode,
            w.Name,
            w.Schedule,
            w.TimeZone,
            runLabels,
            w.Products.SelectedNames,
            spec.Ingestor.Settings.MetadataSuffix,
            spec.Ingestor.ReleaseName,
            IngestorPath(w.OutDir),
            Plan.IngestorRelease.ProcessedDir,
            Plan.IngestorRelease.FailedDir,
            Plan.IngestorRelease.PodMountPath,
            IngestAreaLimits.For(env))
        {
            Campaign = campaign,
            ProcessedRetention = spec.Retention.Enabled ? (spec.Retention.Processed, RetentionSpec.Span(spec.Retention.Processed)) : null,
        };
    }

    /// <summary>
    /// The workflow sees the ingest area at /ingest, the ingestor at /tmp/ingest: the same claim,
    /// so /ingest/staging is /tmp/ingest/staging in the ingestor's pod.
    /// </summary>
    internal static string IngestorPath(string workflowPath)
    {
        var relative = workflowPath.TrimEnd('/')[SimulationRun.IngestMountPath.Length..];
        return Plan.IngestorRelease.PodMountPath + relative;
    }
}

/// <summary>
/// A campaign as its stack file has it: its name, and the point table <c>pulumi up</c> would deploy
/// (its ConfigMap's name, which is a digest of it, and its text). When the deployed Job reads a table
/// of the same name, verify needs no access to ConfigMaps to know its points.
/// </summary>
public sealed record CampaignTarget(string Name, string PointTable, string Table);
