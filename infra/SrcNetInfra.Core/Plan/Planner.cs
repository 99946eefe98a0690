using k8s;
using k8s.Models;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>A pure function from a checked environment (and a run id) to its plan.</summary>
public static class Planner
{
    /// <summary>The Pulumi name of the run id, and of the workload (Job or CronJob).</summary>
    public const string RunIdResource = "run";
    public const string WorkloadResource = "simulation";

    /// <summary>The Pulumi name of the ingestor's Helm release, and of the Kubernetes provider every object uses.</summary>
    public const string IngestorResource = "ingestor";
    public const string ProviderResource = "kubernetes";

    /// <summary>
    /// Plans the environment. <paramref name="runId"/> is the Job's run id to render (Pulumi's
    /// RandomId, from the stack output runId); without it the id is derived from the run's keepers,
    /// so offline rendering is deterministic.
    /// </summary>
    public static EnvironmentPlan Plan(CheckedEnvironment env, string? runId = null)
    {
        var spec = env.Spec;
        var keepData = new ResourcePolicy(Protect: spec.Deploy.ProtectData, RetainOnDelete: spec.Deploy.ProtectData);
        var steps = new List<PlanStep>();

        if (spec.Namespace.Create)
            steps.Add(Object("namespace", NamespaceObjects.Namespace(spec), keepData, EarlierLayout.Namespace));
        steps.Add(Object("quota", NamespaceObjects.ResourceQuota(spec), ResourcePolicy.Default, EarlierLayout.Limits));
        steps.Add(Object("container-defaults", NamespaceObjects.LimitRange(spec), ResourcePolicy.Default, EarlierLayout.Limits));
        foreach (var (name, obj) in SecretObjects.For(spec))
            steps.Add(Object(name, obj, ResourcePolicy.Default, EarlierLayout.Secret));
        if (ManagedSecret.For(spec) is { } managed)
            steps.Add(new ManagedSecretStep("oidc-client", managed, ResourcePolicy.Default));
        steps.Add(Object("ingest-area", IngestAreaClaim.For(env), keepData, earlierGroup: null));
        // Protected in production: uninstalling the ingestor stops ingestion (its data is safe in ingest-area either way).
        if (spec.Ingestor.Manage)
            steps.Add(new ReleaseStep(IngestorResource, IngestorRelease.For(env), new ResourcePolicy(Protect: spec.Deploy.ProtectData)));
        if (Janitor.CronJob(env) is { } janitor)
            steps.Add(Object("janitor", janitor, ResourcePolicy.Default, earlierGroup: null));
        if (Scratch.SharedClaim(env) is { } claim)
            steps.Add(Object("scratch", claim, ResourcePolicy.Default, EarlierLayout.Scratch));
        if (SkyModelCache.Claim(spec) is { } cache)
            steps.Add(Object("sky-model-cache", cache, ResourcePolicy.Default, earlierGroup: null));
        steps.AddRange(Workload(env, runId));

        return new EnvironmentPlan(env, steps);
    }

    private static IEnumerable<PlanStep> Workload(CheckedEnvironment env, string? runId)
    {
        if (env.Spec.Workflow.Mode == WorkflowMode.CronJob)
        {
            yield return Object(WorkloadResource, SimulationRun.CronJob(env), ResourcePolicy.Default, EarlierLayout.Workload);
            yield break;
        }
        if (env.Spec.Workflow.Mode == WorkflowMode.Campaign)
        {
            foreach (var step in Campaign(env, runId)) yield return step;
            yield break;
        }
        foreach (var step in Run(JobKeepers(env), id => SimulationRun.Job(env, id), SimulationRun.JobFieldsNeverUpdated, runId))
            yield return step;
    }

    /// <summary>
    /// A run's id and its Job. A Job is a run: replaced (new name, new ids) when a keeper changes, and
    /// then left to finish, never deleted by Pulumi; it is never updated in place, so one the cluster
    /// has cleaned up never fails an update (docs/platform.md#retained-resources-and-replacement).
    /// </summary>
    private static IEnumerable<PlanStep> Run(
        SortedDictionary<string, string> keepers,
        Func<string, IKubernetesObject<V1ObjectMeta>> job,
        IReadOnlyList<string> fieldsNeverUpdated,
        string? runId)
    {
        yield return new RunIdStep(RunIdResource, RunIdentity.IdBytes, keepers);
        yield return new RunObjectStep(
            WorkloadResource,
            RunIdResource,
            job,
            runId ?? RunIdentity.DeterministicId(keepers),
            new ResourcePolicy(RetainOnDelete: true, IgnoreChanges: fieldsNeverUpdated))
        {
            RenderedRunIdGiven = runId is not null,
        };
    }

    /// <summary>
    /// A campaign: its point table, then its run id and Job. Both are left in place when replaced, so
    /// a campaign that is running goes on reading its table while the next one starts
    /// (docs/campaign.md#resume-and-extend).
    /// </summary>
    private static IEnumerable<PlanStep> Campaign(CheckedEnvironment env, string? runId)
    {
        var table = CampaignPoints.Table(CampaignPoints.For(env.Spec));
        var pointTable = CampaignRun.PointTable(env, table);
        var keepers = CampaignKeepers(env, pointTable.Metadata.Name);
        yield return new ObjectStep(CampaignRun.PointsResource, pointTable,
            new ResourcePolicy(RetainOnDelete: true, IgnoreChanges: ["metadata.labels", "metadata.annotations"]));
        foreach (var step in Run(keepers, id => CampaignRun.Job(env, id, pointTable.Metadata.Name), CampaignRun.JobFieldsNeverUpdated, runId))
            yield return step;
    }

    /// <summary>
    /// A campaign Job's keepers: a Job's, with a digest of what of the campaign's Job cannot change
    /// (its pod template holds the point table's name, so a new table is a new Job); its parallelism,
    /// like its deadline and time to live, never makes a new campaign.
    /// </summary>
    public static SortedDictionary<string, string> CampaignKeepers(CheckedEnvironment env, string pointTable)
    {
        var job = CampaignRun.Job(env, RunIdentity.Placeholder, pointTable);
        job.Spec.TtlSecondsAfterFinished = null;
        job.Spec.Parallelism = null;
        job.Spec.Suspend = null;
        var keepers = RunIdentity.Keepers(env.Spec, ImmutableDigest(job));
        keepers["campaign"] = env.Spec.Campaign!.Name;
        keepers["pointTable"] = pointTable;
        // Moving a campaign into or out of a queue makes a new Job: Kueue reads the label when a Job is created.
        keepers["queue"] = env.Spec.Campaign.Queue ?? "";
        return keepers;
    }

    private static ObjectStep Object(string name, IKubernetesObject<V1ObjectMeta> obj, ResourcePolicy policy, string? earlierGroup)
    {
        var aliases = new List<ResourceAlias>(policy.EarlierIdentities);
        var token = KubernetesType.Token(obj.ApiVersion, obj.Kind);
        if (earlierGroup is not null) aliases.Add(EarlierLayout.Alias(earlierGroup, token, obj.Metadata));
        // The External Secrets API version can change (v1beta1 -> v1) under the same object: the
        // other version's type token is the same resource, updated rather than created twice.
        if (obj is SecretStore or ExternalSecret)
            aliases.AddRange(SecretConfig.ExternalSecretsApiVersions
                .Where(v => v != obj.ApiVersion)
                .Select(v => new ResourceAlias(KubernetesType.Token(v, obj.Kind), name)));
        return new ObjectStep(name, obj, policy with { Aliases = aliases });
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
        return RunIdentity.Keepers(env.Spec, ImmutableDigest(job));
    }

    /// <summary>The digest of a Job's namespace and spec, once the fields that may change are cleared.</summary>
    private static string ImmutableDigest(V1Job job) =>
        // JSON rather than YAML: the same content, at a fraction of the Kubernetes YAML serializer's cost.
        // The same bytes KubernetesJson.Serialize writes (JsonFormTests), without its first-use cost.
        RunIdentity.Digest($"namespace: {job.Metadata.NamespaceProperty}\n{Rendering.JsonForm.Json(job.Spec)}");
}
