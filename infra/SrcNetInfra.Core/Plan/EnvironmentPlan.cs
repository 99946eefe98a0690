using k8s;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// Groups of objects that share a lifecycle, in the order they are applied. The Pulumi program
/// gives each group its resource options (a protected claim, a Job that is replaced, not updated);
/// the ingestor release goes between <see cref="Secret"/> and <see cref="Scratch"/>.
/// </summary>
public enum Lifecycle
{
    Namespace,
    Limits,
    Secret,
    Scratch,
    Workload,
}

public sealed record PlannedObject(Lifecycle Lifecycle, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;
    public string Name => Object.Metadata.Name;
    public string? Namespace => Object.Metadata.NamespaceProperty;
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}

/// <summary>What a user needs to find a run again: its workload, ids and where its products go.</summary>
/// <param name="RunId">A Job's run id; null for a CronJob (each of its runs is named by its UTC start).</param>
/// <param name="ObsId">OBS_ID, or for a CronJob its pattern with the run left as <c>{run}</c>.</param>
/// <param name="StagingDir">Where the workflow writes its products (OUT_DIR plus the Rucio scope).</param>
/// <param name="RunIdGiven">True when the run id was given (<c>--run-id</c>, Pulumi's RandomId), false when derived offline.</param>
public sealed record RunSummary(
    WorkflowMode Mode,
    string WorkloadKind,
    string WorkloadName,
    string? RunId,
    string ObsId,
    string FilePrefix,
    string StagingDir,
    string ProcessedDir,
    string FailedDir,
    bool RunIdGiven = false);

/// <summary>Everything one environment deploys, derived from its checked config and nothing else.</summary>
/// <param name="RunKeepers">The inputs that define a Job's run (RandomId keepers); empty for a CronJob.</param>
public sealed record EnvironmentPlan(
    CheckedEnvironment Environment,
    IReadOnlyList<PlannedObject> Objects,
    HelmReleaseSpec Ingestor,
    ManagedSecret? ManagedSecret,
    IReadOnlyDictionary<string, string> RunKeepers,
    RunSummary Run)
{
    public EnvironmentSpec Spec => Environment.Spec;

    public IEnumerable<PlannedObject> In(Lifecycle lifecycle) => Objects.Where(o => o.Lifecycle == lifecycle);
}
