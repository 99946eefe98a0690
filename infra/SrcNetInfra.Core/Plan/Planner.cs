using k8s;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>A pure function from a checked environment (and a run id) to its plan.</summary>
public static class Planner
{
    /// <summary>
    /// Plans the environment. <paramref name="runId"/> is the Job's run id (Pulumi's RandomId);
    /// without it the id is derived from the run's keepers, so offline rendering is deterministic.
    /// </summary>
    public static EnvironmentPlan Plan(CheckedEnvironment env, string? runId = null)
    {
        var spec = env.Spec;
        var isJob = spec.Workflow.Mode == WorkflowMode.Job;
        var keepers = isJob ? JobKeepers(env) : new SortedDictionary<string, string>(StringComparer.Ordinal);
        var runIdGiven = isJob && runId is not null;
        if (isJob) runId ??= RunIdentity.DeterministicId(keepers);
        else runId = null;

        var objects = new List<PlannedObject>
        {
            new(Lifecycle.Namespace, NamespaceObjects.Namespace(spec)),
            new(Lifecycle.Limits, NamespaceObjects.ResourceQuota(spec)),
            new(Lifecycle.Limits, NamespaceObjects.LimitRange(spec)),
        };
        objects.AddRange(SecretObjects.For(spec).Select(o => new PlannedObject(Lifecycle.Secret, o)));
        if (Scratch.SharedClaim(env) is { } claim) objects.Add(new PlannedObject(Lifecycle.Scratch, claim));
        IKubernetesObject<V1ObjectMeta> workload = isJob ? SimulationRun.Job(env, runId!) : SimulationRun.CronJob(env);
        objects.Add(new PlannedObject(Lifecycle.Workload, workload));

        return new EnvironmentPlan(env, objects, IngestorRelease.For(env), ManagedSecret.For(spec), keepers, Summary(spec, workload, runId) with { RunIdGiven = runIdGiven });
    }

    /// <summary>
    /// The Job's keepers. The digest covers what of the Job cannot change in place, with a
    /// placeholder id: its pod template, backoff and the namespace it runs in. Metadata (the
    /// estimate's annotations) and the fields Kubernetes lets a Job change (ttlSecondsAfterFinished,
    /// activeDeadlineSeconds) are left out, so changing them never re-runs a simulation.
    /// </summary>
    public static SortedDictionary<string, string> JobKeepers(CheckedEnvironment env)
    {
        var job = SimulationRun.Job(env, RunIdentity.Placeholder);
        job.Spec.TtlSecondsAfterFinished = null;
        job.Spec.ActiveDeadlineSeconds = null;
        // JSON rather than YAML: the same content, at a fraction of the Kubernetes YAML serializer's cost.
        var immutable = $"namespace: {job.Metadata.NamespaceProperty}\n{KubernetesJson.Serialize(job.Spec)}";
        return RunIdentity.Keepers(env.Spec, RunIdentity.Digest(immutable));
    }

    private static RunSummary Summary(EnvironmentSpec spec, IKubernetesObject<V1ObjectMeta> workload, string? runId)
    {
        var m = spec.Workflow.Metadata;
        var run = runId ?? MetadataSpec.RunPlaceholder;
        return new RunSummary(
            spec.Workflow.Mode,
            workload.Kind,
            workload.Metadata.Name,
            runId,
            m.ObsIdFor(run),
            m.FilePrefixFor(run),
            $"{spec.Workflow.OutDir.TrimEnd('/')}/{m.RucioNamespace}",
            IngestorRelease.ProcessedDir,
            IngestorRelease.FailedDir);
    }
}
