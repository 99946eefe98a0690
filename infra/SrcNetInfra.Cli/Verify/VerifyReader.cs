using System.Net;
using System.Text;
using k8s;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// Reads what verify needs from the cluster, in the order a user would look: the namespace, the
/// workload, its runs, the run's pod and log, then the ingestor's areas. Stops at the first thing
/// that is missing; what it means is decided by <see cref="Verdict.Decide"/>.
/// </summary>
public sealed class VerifyReader(ClusterSession session, VerifyTarget target)
{
    /// <summary>Lines of a failed run's log shown in the report.</summary>
    public const int LogTailLines = 20;

    /// <summary>Bytes read from the start of a log to find the run marker in.</summary>
    public const int MarkerBytes = 2048;

    private const int MaxLogBytes = 64 * 1024;

    private readonly string ns = target.Namespace;
    private readonly List<string> notes = [];

    public async Task<VerifyFindings> Read(string? runFilter, DateTimeOffset now)
    {
        var observation = new VerifyObservation(target, session.Cluster, NamespaceFound: true, RunFilter: runFilter);
        if (!await NamespaceExists()) return Findings(observation with { NamespaceFound = false });
        if (target.Mode == WorkflowMode.Campaign) return await ReadCampaign(observation, runFilter);

        V1CronJob? cronJob = null;
        if (target.Mode == WorkflowMode.CronJob)
        {
            cronJob = await session.Find(new ApiCall("get", "cronjobs", ns, target.WorkloadName),
                (k, t) => k.BatchV1.ReadNamespacedCronJobAsync(target.WorkloadName, ns, cancellationToken: t));
            if (cronJob is null) return Findings(observation with { WorkloadFound = false });
            observation = observation with
            {
                CronJobSuspended = cronJob.Spec?.Suspend == true,
                NextRunAt = NextRun.After(cronJob.Spec?.Schedule ?? target.Schedule, cronJob.Spec?.TimeZone ?? target.TimeZone, now),
            };
        }

        var (runs, pods) = await StackRuns.List(session, target, cronJob);

        var chosen = await Choose(runs, pods, runFilter);
        IReadOnlyList<string> logTail = [];
        string? productPrefix = null;
        if (chosen is { } c)
        {
            var (job, pod, ids) = c;
            var jobName = job.Metadata.Name;
            var events = pod is null && !RunSelection.Finished(job) ? await JobEvents(jobName) : null;
            var run = RunClassifier.Classify(job, pod, events);
            observation = observation with { JobName = jobName, Run = run, Ids = ids };
            if (run.Phase == RunPhase.Failed && pod is not null)
                logTail = Lines(await Log(pod, tailLines: LogTailLines, limitBytes: MaxLogBytes) ?? "");
            // A run's products are looked for once it runs or has succeeded.
            if (run.Phase is RunPhase.Running or RunPhase.Succeeded && ids is not null) productPrefix = ids.FilePrefix;
        }

        // The ingest area is listed whatever the run's state: its health is reported beside it.
        (observation, var listing, var area) = await ReadIngestArea(observation, pods, productPrefix);
        if (listing is null || productPrefix is null) return Findings(observation, logTail, listing, area);
        var expected = ExpectedProduct.For(productPrefix, target.Products, target.MetadataSuffix);
        var ended = chosen?.Job.Status?.CompletionTime is { } done ? new DateTimeOffset(DateTime.SpecifyKind(done, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        return Findings(observation with { Products = ProductStatus.From(expected, listing, ExpiredSince(listing, ended)) }, logTail, listing, area);
    }

    /// <summary>
    /// A campaign (docs/verify.md#campaigns): its newest Job, the points of the table it reads (one with
    /// <c>--run</c>), each point's state from the Job's status and pods, and a done point's products
    /// from one listing of the ingest area by the prefix the points' FILE_PREFIXes share.
    /// </summary>
    private async Task<VerifyFindings> ReadCampaign(VerifyObservation observation, string? runFilter)
    {
        var (runs, pods) = await StackRuns.List(session, target);
        if (runs.FirstOrDefault() is not { } job)
        {
            var (none, emptyListing, emptyArea) = await ReadIngestArea(observation, pods, null);
            return Findings(none, null, emptyListing, emptyArea);
        }

        var (table, all, problem) = await PointTable(job);
        var points = all is null || runFilter is null ? all : [.. all.Where(p => p.Ids.Matches(runFilter))];
        var prefix = points is null ? null : CampaignProgress.ListingPrefix(points);
        (observation, var listing, var area) = await ReadIngestArea(observation with { JobName = job.Metadata.Name }, pods, prefix);

        // srcnet always sets backoffLimitPerIndex; an API server without the feature (Kubernetes before
        // 1.29, or its JobBackoffLimitPerIndex gate off) drops the field, and the Job then counts every
        // point's failures against backoffLimit (docs/campaign.md#what-kubernetes-checks).
        if (job.Spec is { BackoffLimitPerIndex: null } spec)
            notes.Add($"campaign Job {job.Metadata.Name} has no backoffLimitPerIndex: the cluster dropped it (Kubernetes before 1.29, or the JobBackoffLimitPerIndex " +
                      $"feature gate off), so every point's failures count against the whole Job (backoffLimit {spec.BackoffLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "6"}) " +
                      "and failed points can stop the others; a campaign needs Kubernetes 1.29 or later");
        var suspended = job.Spec?.Suspend == true;
        var queue = job.Metadata.Labels?.TryGetValue(CampaignRun.KueueQueueLabel, out var q) == true ? q : null;
        var failed = job.Status?.Conditions?.FirstOrDefault(c => c.Type == "Failed" && c.Status == "True");
        var campaign = new CampaignObservation(
            job.Metadata.Labels?.TryGetValue(CampaignRun.CampaignLabel, out var name) == true ? name : target.Campaign?.Name ?? "",
            table ?? "",
            all?.Count ?? job.Spec?.Completions ?? 0,
            job.Spec?.Parallelism,
            suspended,
            queue,
            suspended && queue is not null ? await KueueServed() : null,
            failed is null ? null : (failed.Reason ?? "Failed", failed.Message),
            points is null ? null : CampaignProgress.Points(job, points, RunSelection.PodsOf(job, pods), prefix is null ? null : listing, target.MetadataSuffix,
                ended => listing is null ? null : ExpiredSince(listing, ended)),
            problem);
        // Every point's state is known (not only one --run asked for): is there room for those still to run?
        if (area is not null && runFilter is null && campaign.Points is { } reported && target.Limits.Campaign is { } need)
            area = need.WithRemaining(area, reported);
        return Findings(observation with { Campaign = campaign }, null, listing, area) with { PointLogs = await PointLogs(campaign, pods) };
    }

    /// <summary>The ends of the logs of the first failed points (as many as the verdict names), from their newest pods.</summary>
    private async Task<IReadOnlyList<PointLog>> PointLogs(CampaignObservation campaign, IList<V1Pod> pods)
    {
        var logs = new List<PointLog>();
        foreach (var point in (campaign.Points ?? []).Where(p => p.State == PointState.Failed && p.Pod?.PodName is not null).Take(VerifyFindings.MaxPointLogs))
        {
            if (pods.FirstOrDefault(p => p.Metadata?.Name == point.Pod!.PodName) is not { } pod) continue;
            var lines = Lines(await Log(pod, tailLines: LogTailLines, limitBytes: MaxLogBytes) ?? "");
            logs.Add(new PointLog(point.Point.Index, pod.Metadata.Name, lines));
        }
        return logs;
    }

    /// <summary>Why a finished run's products found nowhere have expired, measured by the ingestor pod's clock (the claim's).</summary>
    private string? ExpiredSince(IngestListing listing, DateTimeOffset? ended) =>
        target.ProcessedRetention is { } retention
            ? ProductExpiry.Why(ended, retention.Span, retention.Text, listing.Survey?.Now ?? DateTimeOffset.UtcNow)
            : null;

    /// <summary>
    /// The points of the table a campaign Job reads: the stack file's own when the Job reads a table
    /// of the same name (named by its content, so the same points), else the ConfigMap's. Null with
    /// the reason when they cannot be known.
    /// </summary>
    private async Task<(string? Name, IReadOnlyList<DeployedPoint>? Points, string? Problem)> PointTable(V1Job job)
    {
        var jobName = job.Metadata.Name;
        if (job.Metadata.Annotations?.TryGetValue(Annotations.CampaignPointTable, out var name) != true || name is null)
            return (null, null, $"campaign Job {jobName} has no annotation {Annotations.CampaignPointTable}: it names no point table");
        string? text;
        if (target.Campaign is { } own && own.PointTable == name)
        {
            text = own.Table;
        }
        else
        {
            try
            {
                var map = await session.Find(new ApiCall("get", "configmaps", ns, name),
                    (k, t) => k.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: t));
                if (map is null)
                    return (name, null, $"campaign Job {jobName} reads point table {name}, which is not in namespace {ns} (deleted?), nor the stack file's: its points are unknown");
                text = map.Data?.TryGetValue(CampaignPoints.TableKey, out var data) == true ? data : null;
            }
            catch (ClusterFailure f) when (f.Kind == ClusterFailureKind.Forbidden)
            {
                return (name, null, $"campaign Job {jobName} reads point table {name}, which is not the stack file's ({target.Campaign?.PointTable}), " +
                                    $"and reading it was forbidden: the account needs get on configmaps in namespace {ns}, or verify with the stack file the Job was deployed from");
            }
        }
        var points = text is null ? null : DeployedPoint.ParseTable(text);
        if (points is null || points.Count == 0 || (job.Spec?.Completions is { } completions && completions != points.Count))
            return (name, null, $"ConfigMap {name} is not the point table of campaign Job {jobName} (its key {CampaignPoints.TableKey} is missing or malformed, or its points are not the Job's completions)");
        return (name, points, null);
    }

    /// <summary>
    /// Whether the cluster serves Kueue's API group (the discovery list every authenticated account
    /// may read): without it, nothing ever admits a queued, suspended Job. Null when it cannot be told.
    /// </summary>
    private async Task<bool?> KueueServed()
    {
        try
        {
            var groups = await session.Call(new ApiCall("get", "apis", null),
                (k, t) => k.Apis.GetAPIVersionsAsync(t));
            return groups.Groups?.Any(g => g.Name == KueueApiGroup) == true;
        }
        catch (ClusterFailure f) when (f.Kind == ClusterFailureKind.Forbidden)
        {
            notes.Add("could not read the cluster's API groups (forbidden), so whether Kueue is installed is unknown");
            return null;
        }
    }

    /// <summary>Kueue's API group (kubernetes-sigs/kueue apis/kueue/v1beta1/groupversion_info.go).</summary>
    public const string KueueApiGroup = "kueue.x-k8s.io";

    /// <summary>
    /// The ingestor's pod and, when it runs, one listing of the ingest area: the entries under
    /// <paramref name="prefix"/> (none without one) and the area's health.
    /// </summary>
    private async Task<(VerifyObservation Observation, IngestListing? Listing, IngestAreaHealth? Area)> ReadIngestArea(VerifyObservation observation, IList<V1Pod> pods, string? prefix)
    {
        var ingestorPod = RunSelection.IngestorPod(pods);
        if (ingestorPod is null) return (observation, null, null);
        var ingestor = new IngestorObservation(ingestorPod.Metadata.Name, RunClassifier.Classify(new V1Job(), ingestorPod));
        observation = observation with { Ingestor = ingestor };
        if (ingestor.State.Phase != RunPhase.Running) return (observation, null, null);

        var listing = await ListIngestArea(ingestorPod, prefix);
        if (listing is null) return (observation, null, null);
        var area = listing.Survey is { } survey ? IngestAreaHealth.Decide(survey, target) : null;
        if (prefix is not null && listing.AbsentAreas.Count > 0)
            notes.Add($"not in ingestor pod {ingestorPod.Metadata.Name}: {string.Join(", ", listing.AbsentAreas.Select(a => Dir(a)))} " +
                      "(the ingestor's layout is inferred; see docs/verify.md)");
        return (observation, listing, area);
    }

    private VerifyFindings Findings(VerifyObservation o, IReadOnlyList<string>? logTail = null, IngestListing? listing = null, IngestAreaHealth? area = null) =>
        new(o, logTail ?? [], listing, [.. notes], area);

    /// <summary>
    /// False only on a 404. Many accounts may not read namespaces at all (a namespaced Role cannot
    /// grant it): then the namespaced calls that follow tell whether it is there.
    /// </summary>
    private async Task<bool> NamespaceExists()
    {
        if (await session.NamespaceExists(ns) is { } exists) return exists;
        notes.Add($"could not read namespace {ns} (forbidden); went on with the calls inside it");
        return true;
    }

    /// <summary>
    /// The run to verify: the newest, or with <c>--run</c> the one whose OBS_ID or FILE_PREFIX is
    /// that value. A Job carries its ids as annotations; a CronJob's run only in its log's first line.
    /// </summary>
    private async Task<(V1Job Job, V1Pod? Pod, RunIds? Ids)?> Choose(IReadOnlyList<V1Job> runs, IList<V1Pod> pods, string? runFilter)
    {
        foreach (var job in runs)
        {
            var pod = RunSelection.NewestPod(RunSelection.PodsOf(job, pods));
            var ids = RunSelection.Annotated(job) ?? (pod is null ? null : await Marker(pod));
            if (runFilter is null || ids?.Matches(runFilter) == true) return (job, pod, ids);
        }
        return null;
    }

    private async Task<RunIds?> Marker(V1Pod pod) =>
        await Log(pod, tailLines: null, limitBytes: MarkerBytes) is { } head ? RunMarker.Parse(head) : null;

    /// <summary>
    /// A part of the simulation container's log; null when there is none yet (the container has not
    /// started: 400) or any more (the pod is gone: 404).
    /// </summary>
    private Task<string?> Log(V1Pod pod, int? tailLines, int limitBytes) =>
        session.Find(new ApiCall("get", "pods/log", ns, pod.Metadata.Name), async (k, t) =>
        {
            using var stream = await k.CoreV1.ReadNamespacedPodLogAsync(
                pod.Metadata.Name, ns, container: RunSelection.SimulationContainer(pod), limitBytes: limitBytes, tailLines: tailLines, cancellationToken: t);
            return await ReadText(stream, limitBytes, t);
        }, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);

    /// <summary>The events of a Job without a pod: the only place a refused pod (quota) shows. Best effort.</summary>
    private async Task<IList<Corev1Event>?> JobEvents(string jobName)
    {
        try
        {
            var list = await session.Call(new ApiCall("list", "events", ns),
                (k, t) => k.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: $"involvedObject.kind=Job,involvedObject.name={jobName}", cancellationToken: t));
            return list.Items;
        }
        catch (ClusterFailure f) when (f.Kind == ClusterFailureKind.Forbidden)
        {
            notes.Add($"could not read the events of Job {jobName} (forbidden): a pod refused by the quota would only show there");
            return null;
        }
    }

    /// <summary>
    /// The one command in the ingestor's pod: the run's entries (with a prefix) and the area's health.
    /// When the run's products are looked for, a listing that fails is a cluster failure (exit 1);
    /// when only the area's health is, it is a note and the health is unknown: the verdict stands without it.
    /// </summary>
    private async Task<IngestListing?> ListIngestArea(V1Pod ingestor, string? filePrefix)
    {
        var name = ingestor.Metadata.Name;
        var command = IngestListing.Command(filePrefix, target);
        try
        {
            var result = await session.Call(new ApiCall("create", "pods/exec", ns, name),
                (k, t) => PodExec.Run(k, name, ns, ingestor.Spec?.Containers?.FirstOrDefault()?.Name, command, t));
            // Entries past the cut would read as products that are not there.
            if (result.Cut)
                throw new ClusterFailure(ClusterFailureKind.Other,
                    $"the listing of the ingest area in pod {name} on {session.Cluster} is larger than {PodExec.MaxOutputBytes >> 20} MiB, the most verify reads; " +
                    "what is in staging/, processed/ and failed_processing/ is more than a campaign of 10,000 points leaves there");
            if (!result.Succeeded || !result.StdOut.Contains(IngestListing.StartLine, StringComparison.Ordinal))
                throw new ClusterFailure(ClusterFailureKind.Other,
                    $"listing the ingest area in pod {name} on {session.Cluster} failed: " +
                    $"{result.Status?.Message ?? "no output"}{(result.StdErr.Length > 0 ? $" ({result.StdErr.Trim()})" : "")}; the pod needs /bin/sh and find");
            return IngestListing.Parse(result.StdOut, target);
        }
        catch (ClusterFailure failure) when (filePrefix is null)
        {
            notes.Add($"the ingest area's health is unknown: {failure.Message}");
            return null;
        }
    }

    private string Dir(IngestArea area) => area switch
    {
        IngestArea.Staging => target.StagingDir,
        IngestArea.Processed => target.ProcessedDir,
        _ => target.FailedDir,
    };

    private static async Task<string> ReadText(Stream stream, int maxBytes, CancellationToken token)
    {
        var buffer = new byte[maxBytes];
        var total = 0;
        while (total < maxBytes)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), token);
            if (read == 0) break;
            total += read;
        }
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static IReadOnlyList<string> Lines(string text) =>
        text.Length == 0 ? [] : [.. text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').TakeLast(LogTailLines)];
}
