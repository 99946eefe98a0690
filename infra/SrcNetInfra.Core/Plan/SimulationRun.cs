using System.Globalization;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The Karabo AA* simulation as a Job (one run, named by its run id) or a CronJob (a run on a
/// schedule, each named by its UTC start), following the workflow's container contract (docs/workflow.md#the-container-contract).
/// </summary>
public static class SimulationRun
{
    public const string ContainerName = "karabo";
    public const string Module = "karabo.workflows.SRCNet_SKA-MID_AAstar";
    public const string IngestVolumeName = "ingest-area";
    public const string IngestMountPath = "/ingest";

    /// <summary>The app.kubernetes.io/component of the simulation's Jobs and pods; verify selects runs by it.</summary>
    public const string Component = "simulation";

    /// <summary>
    /// Starts the first log line of every run, <c>srcnet-run: OBS_ID=... FILE_PREFIX=...</c>, which the
    /// run script prints first (its every line starts with its name) and verify parses back.
    /// </summary>
    public const string RunMarker = ContainerScripts.RunName + ":";

    /// <summary>The run's first log line, as the run script prints it.</summary>
    public static string MarkerLine(string obsId, string filePrefix) => $"{RunMarker} OBS_ID={obsId} FILE_PREFIX={filePrefix}";

    /// <summary>The pod's own name, from the downward API: its last part is random per pod.</summary>
    public const string PodNameVariable = "SRCNET_POD_NAME";

    public static string JobName(WorkflowSpec workflow, string runId) => JobName(workflow.Name, runId);

    public static string JobName(string workflowName, string runId) => $"{workflowName}-{runId}";

    /// <summary>
    /// What of a Job never changes once it exists: its metadata and the two fields Kubernetes would
    /// let change (everything else makes a new run). Pulumi would update these by reading the live
    /// Job first, which fails for a Job the cluster has removed after ttlSecondsAfterFinished
    /// (docs/platform.md#updates-read-the-live-object), so they are never updated.
    /// </summary>
    public static readonly IReadOnlyList<string> JobFieldsNeverUpdated =
        ["metadata.labels", "metadata.annotations", "spec.ttlSecondsAfterFinished", "spec.activeDeadlineSeconds"];

    /// <summary>
    /// Every environment variable of the contract except OBS_ID and FILE_PREFIX (which are per run),
    /// in the contract's order, as the strings the pod spec carries.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ContractEnvironment(EnvironmentSpec spec) =>
        ContractEnvironment(spec.Workflow.Simulation, spec.Workflow.Metadata);

    /// <summary>The contract's variables for a simulation (a campaign point's) and the stack's metadata.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ContractEnvironment(SimulationSpec s, MetadataSpec m)
    {
        return
        [
            new("SKY_MODEL", s.SkyModel),
            new("PHASE_CENTER_RA_DEG", Number(s.PhaseCenterRaDeg)),
            new("PHASE_CENTER_DEC_DEG", Number(s.PhaseCenterDecDeg)),
            new("START_FREQ_HZ", Number(s.StartFreqHz)),
            new("END_FREQ_HZ", Number(s.EndFreqHz)),
            new("FREQ_INC_HZ", Number(s.FreqIncHz)),
            new("OBS_LENGTH_HOURS", Number(s.ObsLengthHours)),
            new("NUM_TIME_STAMPS", s.NumTimeStamps.ToString(CultureInfo.InvariantCulture)),
            new("START_DATE_AND_TIME", s.StartDateAndTime),
            new("IMAGING_NPIXEL", s.ImagingNpixel.ToString(CultureInfo.InvariantCulture)),
            new("IMAGING_CELLSIZE", s.ImagingCellsize is { } cell ? Number(cell) : "None"),
            new("RUCIO_NAMESPACE", m.RucioNamespace),
            new("RUCIO_LIFETIME", m.RucioLifetime.ToString(CultureInfo.InvariantCulture)),
            new("IVOID_AUTHORITY", m.IvoidAuthority),
            new("IVOID_PATH", m.IvoidPath),
            new("OBS_COLLECTION", m.ObsCollection),
        ];
    }

    /// <summary>
    /// What the run script reads (docs/handover.md): where the ingest claim is mounted, the staging
    /// root the products are handed over to (the stack's outDir: the workflow itself writes into a
    /// run-private directory the script gives it as OUT_DIR), and the ingestor's metadata suffix.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, string>> HandOverEnvironment(EnvironmentSpec spec)
    {
        yield return new(ContainerScripts.IngestRootVariable, IngestMountPath);
        yield return new(ContainerScripts.StagingDirVariable, spec.Workflow.OutDir.TrimEnd('/'));
        yield return new(ContainerScripts.MetadataSuffixVariable, spec.Ingestor.Settings.MetadataSuffix);
        if (spec.Ingestor.Persistence.Group is { } gid)
            yield return new(ContainerScripts.IngestGidVariable, gid.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The workflow's own command line: the module and the product flags.</summary>
    public static IReadOnlyList<string> WorkflowCommand(WorkflowSpec w) => [.. ModuleCommand, .. w.Products.Flags];

    /// <summary>The workflow's command line without product flags (a campaign point adds its own).</summary>
    public static readonly IReadOnlyList<string> ModuleCommand = ["python", "-m", Module];

    public static V1Job Job(CheckedEnvironment env, string runId)
    {
        var spec = env.Spec;
        var w = spec.Workflow;
        var obsId = w.Metadata.ObsIdFor(runId);
        var filePrefix = w.Metadata.FilePrefixFor(runId);
        var annotations = RunAnnotations(env);
        annotations[Annotations.PulumiSkipAwait] = "true";
        annotations[Annotations.RunId] = runId;
        annotations[Annotations.ObsId] = obsId;
        annotations[Annotations.FilePrefix] = filePrefix;

        var podLabels = WorkloadLabels(spec);
        podLabels[Annotations.RunId] = runId;
        var variables = ContractEnvironment(spec).Append(new("OBS_ID", obsId)).Append(new("FILE_PREFIX", filePrefix))
            .Concat(HandOverEnvironment(spec));

        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = JobName(w, runId),
                NamespaceProperty = spec.Namespace.Name,
                Labels = WorkloadLabels(spec),
                Annotations = annotations,
            },
            Spec = JobSpec(env, podLabels, variables),
        };
    }

    public static V1CronJob CronJob(CheckedEnvironment env)
    {
        var spec = env.Spec;
        var w = spec.Workflow;
        var annotations = RunAnnotations(env);
        annotations[Annotations.ObsIdPattern] = w.Metadata.ObsIdPattern;
        annotations[Annotations.FilePrefixPattern] = w.Metadata.FilePrefixPattern;
        // Deleting the CronJob (a mode change, a teardown) must not kill the run it started: its Job
        // is orphaned and finishes (pulumi-kubernetes provider/pkg/metadata/overrides.go, DeletionPropagation).
        var cronAnnotations = new SortedDictionary<string, string>(annotations, StringComparer.Ordinal)
        {
            [Annotations.PulumiDeletionPropagation] = "orphan",
        };

        return new V1CronJob
        {
            ApiVersion = "batch/v1",
            Kind = "CronJob",
            Metadata = new V1ObjectMeta
            {
                Name = w.Name,
                NamespaceProperty = spec.Namespace.Name,
                Labels = WorkloadLabels(spec),
                Annotations = cronAnnotations,
            },
            Spec = new V1CronJobSpec
            {
                Schedule = w.Schedule,
                TimeZone = w.TimeZone,
                // A run takes hours and the namespace's quota holds one simulation pod: never overlap.
                ConcurrencyPolicy = "Forbid",
                SuccessfulJobsHistoryLimit = w.SuccessfulJobsHistoryLimit,
                FailedJobsHistoryLimit = w.FailedJobsHistoryLimit,
                StartingDeadlineSeconds = w.StartingDeadlineSeconds,
                JobTemplate = new V1JobTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = WorkloadLabels(spec),
                        Annotations = new SortedDictionary<string, string>(annotations, StringComparer.Ordinal),
                    },
                    Spec = JobSpec(env, WorkloadLabels(spec), ContractEnvironment(spec).Concat(HandOverEnvironment(spec)).Concat(
                    [
                        // A CronJob run makes its ids in the script, from its UTC start and its pod's name.
                        new(ContainerScripts.ObsIdPatternVariable, w.Metadata.ObsIdPattern),
                        new(ContainerScripts.FilePrefixPatternVariable, w.Metadata.FilePrefixPattern),
                    ])),
                },
            },
        };
    }

    internal static V1JobSpec JobSpec(
        CheckedEnvironment env,
        IDictionary<string, string> podLabels,
        IEnumerable<KeyValuePair<string, string>> variables)
    {
        var spec = env.Spec;
        var w = spec.Workflow;
        var cache = SkyModelCache.For(spec);
        return new V1JobSpec
        {
            // A failed simulation is not retried blindly: it may have run for days, and its products
            // are kept for inspection (docs/handover.md); a new run is a deliberate new Job.
            BackoffLimit = 0,
            TtlSecondsAfterFinished = w.TtlSecondsAfterFinished,
            ActiveDeadlineSeconds = w.ActiveDeadlineSeconds,
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = podLabels },
                Spec = new V1PodSpec
                {
                    RestartPolicy = "Never",
                    Affinity = Affinity(w),
                    Tolerations = w.Tolerations.Count == 0 ? null : [.. w.Tolerations.Select(Toleration)],
                    Containers =
                    [
                        new V1Container
                        {
                            Name = ContainerName,
                            Image = w.Image.Reference,
                            ImagePullPolicy = w.Image.PullPolicy,
                            // The run script (docs/handover.md) runs the workflow in a run-private
                            // directory and hands its products over to staging once it succeeded.
                            Command = ["/bin/sh", "-c"],
                            Args = [.. ContainerScripts.RunArgs(WorkflowCommand(w))],
                            Env =
                            [
                                .. variables.Select(v => new V1EnvVar { Name = v.Key, Value = v.Value }),
                                PodNameFromDownwardApi(),
                                .. cache is { } c ? new[] { c.Variable } : [],
                            ],
                            Resources = Resources(w.Resources, Scratch.NodeDiskRequest(env)),
                            VolumeMounts =
                            [
                                new V1VolumeMount { Name = IngestVolumeName, MountPath = IngestMountPath },
                                new V1VolumeMount { Name = Scratch.VolumeName, MountPath = Scratch.MountPath },
                                .. cache is { } m ? new[] { m.Mount } : [],
                            ],
                        },
                    ],
                    Volumes =
                    [
                        new V1Volume
                        {
                            Name = IngestVolumeName,
                            PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = IngestAreaClaim.Name },
                        },
                        Scratch.Volume(env),
                        .. cache is { } v ? new[] { v.Volume } : [],
                    ],
                },
            },
        };
    }

    internal static SortedDictionary<string, string> WorkloadLabels(EnvironmentSpec spec) =>
        Labels.For(spec, Component, spec.Workflow.Image.Tag);

    private static V1EnvVar PodNameFromDownwardApi() => new()
    {
        Name = PodNameVariable,
        ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } },
    };

    internal static SortedDictionary<string, string> RunAnnotations(CheckedEnvironment env) => new(StringComparer.Ordinal)
    {
        [Annotations.Products] = env.Spec.Workflow.Products.ToString(),
        [Annotations.ScratchBytes] = env.Sizing.Estimate.ScratchBytes.ToString(CultureInfo.InvariantCulture),
        [Annotations.IngestBytes] = env.Sizing.Estimate.IngestBytes.ToString(CultureInfo.InvariantCulture),
        [Annotations.ScratchRequest] = env.Sizing.ScratchRequest.Text,
    };

    private static V1ResourceRequirements Resources(WorkloadResources r, ResourceQuantity? nodeDisk)
    {
        var requests = NamespaceObjects.Resources(r.RequestsCpu, r.RequestsMemory);
        var limits = NamespaceObjects.Resources(r.LimitsCpu, r.LimitsMemory);
        if (nodeDisk is not null) requests["ephemeral-storage"] = nodeDisk;
        if (r.Gpu > 0)
        {
            // Extended resources are requested through limits; Kubernetes sets the request equal.
            limits[NamespaceObjects.GpuResource] = new ResourceQuantity(r.Gpu.ToString(CultureInfo.InvariantCulture));
            requests[NamespaceObjects.GpuResource] = new ResourceQuantity(r.Gpu.ToString(CultureInfo.InvariantCulture));
        }
        return new V1ResourceRequirements { Requests = requests, Limits = limits };
    }

    private static V1Affinity? Affinity(WorkflowSpec w) =>
        w.NodeAffinity.Count == 0
            ? null
            : new V1Affinity
            {
                NodeAffinity = new V1NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                    {
                        NodeSelectorTerms =
                        [
                            new V1NodeSelectorTerm
                            {
                                MatchExpressions =
                                [
                                    .. w.NodeAffinity.Select(n => new V1NodeSelectorRequirement
                                    {
                                        Key = n.Key,
                                        OperatorProperty = n.Operator,
                                        Values = n.Values.Count == 0 ? null : [.. n.Values],
                                    }),
                                ],
                            },
                        ],
                    },
                },
            };

    private static V1Toleration Toleration(TolerationSpec t) => new()
    {
        Key = t.Key,
        OperatorProperty = t.Operator,
        Value = t.Value,
        Effect = t.Effect,
    };

    // Shortest round-trip form: 1.304e9 is written 1304000000, 150.12 stays 150.12.
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
