using System.Globalization;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The janitor: a small CronJob that keeps the ingest claim from filling up, removing expired
/// products from processed/, expired run directories and old ledger entries, never staging/ or
/// failed_processing/ (docs/handover.md). It runs the janitor script in a plain busybox image.
/// </summary>
public static class Janitor
{
    public const string Name = "srcnet-janitor";
    public const string Component = "janitor";

    /// <summary>What its pod requests and may use: small, and counted by the quota check.</summary>
    public static readonly (Quantity RequestCpu, Quantity RequestMemory, Quantity LimitCpu, Quantity LimitMemory) Resources =
        (Quantity.Parse("50m"), Quantity.Parse("64Mi"), Quantity.Parse("500m"), Quantity.Parse("256Mi"));

    public static V1CronJob? CronJob(CheckedEnvironment env)
    {
        var spec = env.Spec;
        var r = spec.Retention;
        if (!r.Enabled) return null;
        var labels = Labels.For(spec, Component, r.Image.Tag);
        return new V1CronJob
        {
            ApiVersion = "batch/v1",
            Kind = "CronJob",
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = spec.Namespace.Name, Labels = labels },
            Spec = new V1CronJobSpec
            {
                Schedule = r.Schedule,
                TimeZone = spec.Workflow.TimeZone,
                // The script is safe to run twice at once, but there is never a reason to.
                ConcurrencyPolicy = "Forbid",
                SuccessfulJobsHistoryLimit = 1,
                FailedJobsHistoryLimit = 1,
                JobTemplate = new V1JobTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1JobSpec
                    {
                        BackoffLimit = 0,
                        // An hour at most, and gone a day after it ended.
                        ActiveDeadlineSeconds = 3600,
                        TtlSecondsAfterFinished = 86400,
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = labels },
                            Spec = new V1PodSpec
                            {
                                RestartPolicy = "Never",
                                Containers =
                                [
                                    new V1Container
                                    {
                                        Name = "janitor",
                                        Image = r.Image.Reference,
                                        ImagePullPolicy = r.Image.PullPolicy,
                                        Command = ["/bin/sh", "-c"],
                                        Args = [.. ContainerScripts.JanitorArgs()],
                                        Env =
                                        [
                                            Env(ContainerScripts.IngestRootVariable, SimulationRun.IngestMountPath),
                                            Env(ContainerScripts.MetadataSuffixVariable, spec.Ingestor.Settings.MetadataSuffix),
                                            Env(ContainerScripts.RetentionVariable, r.Processed),
                                            Env(ContainerScripts.FailedRunRetentionVariable, r.FailedRuns),
                                            Env(ContainerScripts.StaleRunAfterVariable, r.StaleRunAfter),
                                            Env(ContainerScripts.LedgerRetentionVariable, r.Ledger),
                                            new V1EnvVar
                                            {
                                                Name = SimulationRun.PodNameVariable,
                                                ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } },
                                            },
                                        ],
                                        Resources = new V1ResourceRequirements
                                        {
                                            Requests = NamespaceObjects.Resources(Resources.RequestCpu, Resources.RequestMemory),
                                            Limits = NamespaceObjects.Resources(Resources.LimitCpu, Resources.LimitMemory),
                                        },
                                        VolumeMounts = [new V1VolumeMount { Name = SimulationRun.IngestVolumeName, MountPath = SimulationRun.IngestMountPath }],
                                    },
                                ],
                                Volumes =
                                [
                                    new V1Volume
                                    {
                                        Name = SimulationRun.IngestVolumeName,
                                        PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = IngestAreaClaim.Name },
                                    },
                                ],
                            },
                        },
                    },
                },
            },
        };
    }

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };
}
