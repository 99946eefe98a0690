using System.Globalization;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// A campaign on Kubernetes' own batch machinery (docs/campaign.md): one Indexed Job, whose index
/// <c>i</c> runs point <c>i</c>, and the ConfigMap with the point table it reads. The Job is a run
/// like a Job stack's: named by a run id, never updated in place, left to finish when replaced.
/// </summary>
public static class CampaignRun
{
    public const string PointsResource = "campaign-points";
    public const string PointsVolumeName = "campaign-points";
    public const string PointsMountPath = "/srcnet/campaign";

    /// <summary>The label every object of a campaign carries, with the campaign's name.</summary>
    public const string CampaignLabel = Annotations.Prefix + "campaign";

    /// <summary>Kueue's label naming the LocalQueue that admits a Job (docs/campaign.md#kueue).</summary>
    public const string KueueQueueLabel = "kueue.x-k8s.io/queue-name";

    /// <summary>
    /// The exit code of a configuration error in the scripts (a bad point, a bad environment): trying
    /// the point again cannot help, so the index fails at once.
    /// </summary>
    public const int ConfigErrorExitCode = 2;

    /// <summary>
    /// The point table's ConfigMap, named by its content: a changed table is a new ConfigMap (and so a
    /// new Job), and the one an older Job still reads is left in place (it is retained on replacement).
    /// </summary>
    public static V1ConfigMap PointTable(CheckedEnvironment env, string table)
    {
        var spec = env.Spec;
        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                Name = PointTableName(spec, table),
                NamespaceProperty = spec.Namespace.Name,
                Labels = Labels(spec),
                Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    [Annotations.CampaignPoints] = spec.Campaign!.Points.Count.ToString(CultureInfo.InvariantCulture),
                },
            },
            // Nobody changes it: a new table is a new ConfigMap, and the kubelet need not watch this one.
            Immutable = true,
            Data = new SortedDictionary<string, string>(StringComparer.Ordinal) { [CampaignPoints.TableKey] = table },
        };
    }

    public static string PointTableName(EnvironmentSpec spec, string table) =>
        $"{spec.Workflow.Name}-points-{RunIdentity.Digest(table)[..(RunIdentity.IdBytes * 2)]}";

    public static V1Job Job(CheckedEnvironment env, string runId, string pointTable)
    {
        var spec = env.Spec;
        var w = spec.Workflow;
        var campaign = spec.Campaign!;
        var sizing = env.Sizing.Campaign!;

        var annotations = SimulationRun.RunAnnotations(env);
        annotations[Annotations.PulumiSkipAwait] = "true";
        annotations[Annotations.RunId] = runId;
        annotations[Annotations.CampaignPoints] = campaign.Points.Count.ToString(CultureInfo.InvariantCulture);
        annotations[Annotations.CampaignPointTable] = pointTable;
        annotations[Annotations.ObsIdPattern] = w.Metadata.ObsIdPattern;
        annotations[Annotations.FilePrefixPattern] = w.Metadata.FilePrefixPattern;

        var labels = Labels(spec);
        if (campaign.Queue is { } queue) labels[KueueQueueLabel] = queue;
        var podLabels = Labels(spec);
        podLabels[Annotations.RunId] = runId;

        // The point script sets OBS_ID, FILE_PREFIX and the point's values; the rest is the stack's.
        var variables = SimulationRun.ContractEnvironment(spec)
            .Concat(SimulationRun.HandOverEnvironment(spec))
            .Append(new(ContainerScripts.CampaignPointsVariable, $"{PointsMountPath}/{CampaignPoints.TableKey}"));
        var job = SimulationRun.JobSpec(env, podLabels, variables);

        // A failed point does not stop the others: each index has its own retries, and the Job
        // goes on until every index succeeded or failed (docs/campaign.md#failed-points).
        job.BackoffLimit = null;
        job.CompletionMode = "Indexed";
        job.Completions = campaign.Points.Count;
        job.Parallelism = sizing.Parallelism;
        job.BackoffLimitPerIndex = campaign.RetriesPerPoint;
        job.MaxFailedIndexes = campaign.MaxFailedPoints;
        job.PodFailurePolicy = new V1PodFailurePolicy
        {
            Rules =
            [
                new V1PodFailurePolicyRule
                {
                    Action = "FailIndex",
                    OnExitCodes = new V1PodFailurePolicyOnExitCodesRequirement
                    {
                        ContainerName = SimulationRun.ContainerName,
                        OperatorProperty = "In",
                        Values = [ConfigErrorExitCode],
                    },
                },
            ],
        };
        // Kueue admits a queued Job by unsuspending it; created suspended, it starts no pod before that.
        job.Suspend = campaign.Queue is null ? null : true;
        // The deadline is each point's (a Job's deadline would be the whole campaign's).
        job.Template.Spec.ActiveDeadlineSeconds = job.ActiveDeadlineSeconds;
        job.ActiveDeadlineSeconds = null;

        var container = job.Template.Spec.Containers[0];
        container.Args = [.. ContainerScripts.PointArgs(SimulationRun.ModuleCommand)];
        container.VolumeMounts.Add(new V1VolumeMount { Name = PointsVolumeName, MountPath = PointsMountPath, ReadOnlyProperty = true });
        job.Template.Spec.Volumes.Add(new V1Volume
        {
            Name = PointsVolumeName,
            ConfigMap = new V1ConfigMapVolumeSource { Name = pointTable },
        });

        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = SimulationRun.JobName(w, runId),
                NamespaceProperty = spec.Namespace.Name,
                Labels = labels,
                Annotations = annotations,
            },
            Spec = job,
        };
    }

    /// <summary>
    /// The Job's fields that never change once it exists: a Job's (metadata, ttlSecondsAfterFinished,
    /// activeDeadlineSeconds), its parallelism (change a running campaign's with kubectl patch; a new
    /// value in the stack applies to its next Job) and suspend, which Kueue owns.
    /// </summary>
    public static readonly IReadOnlyList<string> JobFieldsNeverUpdated =
        [.. SimulationRun.JobFieldsNeverUpdated, "spec.parallelism", "spec.suspend"];

    private static SortedDictionary<string, string> Labels(EnvironmentSpec spec)
    {
        var labels = SimulationRun.WorkloadLabels(spec);
        labels[CampaignLabel] = spec.Campaign!.Name;
        return labels;
    }
}
