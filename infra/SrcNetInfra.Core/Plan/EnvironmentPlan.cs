using k8s;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>A Kubernetes object of the plan with the Pulumi resource name that declares it.</summary>
public sealed record PlannedObject(string ResourceName, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;
    public string Name => Object.Metadata.Name;
    public string? Namespace => Object.Metadata.NamespaceProperty;
    public string TypeToken => KubernetesType.Token(Object.ApiVersion, Object.Kind);
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}

/// <summary>What a user needs to find a run again: its workload, ids and where its products go.</summary>
/// <param name="RunId">A Job's run id; null for a CronJob (each of its runs is named by its UTC start).</param>
/// <param name="ObsId">OBS_ID, or for a CronJob its pattern with the run left as <c>{run}</c>.</param>
/// <param name="StagingDir">Where the workflow's products are handed to the ingestor (OUT_DIR plus the Rucio scope).</param>
public sealed record RunSummary(
    WorkflowMode Mode,
    string WorkloadKind,
    string WorkloadName,
    string? RunId,
    string ObsId,
    string FilePrefix,
    string StagingDir,
    string ProcessedDir,
    string FailedDir);

/// <summary>
/// Everything one environment deploys, derived from its checked config and nothing else: its steps
/// in apply order. <c>srcnet render</c> writes them and the Pulumi program declares them, each
/// looping over the same list, so the order and the names are decided (and tested) here.
/// </summary>
public sealed record EnvironmentPlan(CheckedEnvironment Environment, IReadOnlyList<PlanStep> Steps)
{
    public EnvironmentSpec Spec => Environment.Spec;

    /// <summary>Every Kubernetes object in apply order; a Job for the rendered run id.</summary>
    public IReadOnlyList<PlannedObject> Objects =>
    [
        .. Steps.Select(step => step switch
        {
            ObjectStep o => new PlannedObject(o.ResourceName, o.Object),
            RunObjectStep r => new PlannedObject(r.ResourceName, r.Rendered),
            _ => null,
        }).OfType<PlannedObject>(),
    ];

    /// <summary>The ingestor release, whether the stack declares it or (while adopting) leaves it alone.</summary>
    public HelmReleaseSpec Ingestor => IngestorRelease.For(Environment);

    public ManagedSecret? ManagedSecret => Steps.OfType<ManagedSecretStep>().SingleOrDefault()?.Secret;

    /// <summary>The inputs that define a Job's run (RandomId keepers); empty for a CronJob.</summary>
    public IReadOnlyDictionary<string, string> RunKeepers =>
        Steps.OfType<RunIdStep>().SingleOrDefault()?.Keepers ?? new Dictionary<string, string>();

    /// <summary>The run as rendered: the Job's rendered run id, or a CronJob's patterns.</summary>
    public RunSummary Run => Steps.OfType<RunObjectStep>().SingleOrDefault() is { } run
        ? RunFor(run.RenderedRunId)
        : RunFor(null);

    /// <summary>The run for a given run id (a Job's; null for a CronJob).</summary>
    public RunSummary RunFor(string? runId) => RunSummaries.For(Spec, runId);
}
