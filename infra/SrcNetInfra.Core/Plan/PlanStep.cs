using k8s;
using k8s.Models;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// One resource of an environment, in apply order. The Pulumi program declares one Pulumi resource
/// per step under <see cref="ResourceName"/> (stable: renaming one is a new resource to Pulumi), and
/// <c>srcnet render</c> writes the same steps. Each step is applied after the one before it.
/// </summary>
public abstract record PlanStep(string ResourceName, ResourcePolicy Policy);

/// <summary>A Kubernetes object, fully known before deploying.</summary>
public sealed record ObjectStep(string ResourceName, IKubernetesObject<V1ObjectMeta> Object, ResourcePolicy Policy)
    : PlanStep(ResourceName, Policy)
{
    public string TypeToken => KubernetesType.Token(Object.ApiVersion, Object.Kind);
}

/// <summary>
/// The run id of a Job stack: a random id whose keepers are the inputs that define the run, so it
/// changes (and with it the Job's name, OBS_ID and FILE_PREFIX) exactly when one of them does.
/// </summary>
public sealed record RunIdStep(string ResourceName, int ByteLength, IReadOnlyDictionary<string, string> Keepers)
    : PlanStep(ResourceName, ResourcePolicy.Default);

/// <summary>
/// A Kubernetes object that depends on the run id (a Job): <see cref="ForRun"/> makes it for an id.
/// <see cref="RenderedRunId"/> is the id <c>srcnet render</c> uses (derived from the keepers, or given
/// with <c>--run-id</c>); <c>pulumi up</c> uses the RandomId of the <see cref="RunIdStep"/> instead.
/// </summary>
public sealed record RunObjectStep(
    string ResourceName,
    string RunIdResource,
    Func<string, IKubernetesObject<V1ObjectMeta>> ForRun,
    string RenderedRunId,
    ResourcePolicy Policy)
    : PlanStep(ResourceName, Policy)
{
    /// <summary>True when <see cref="RenderedRunId"/> was given (<c>--run-id</c>), false when derived from the keepers.</summary>
    public bool RenderedRunIdGiven { get; init; }

    public IKubernetesObject<V1ObjectMeta> Rendered => ForRun(RenderedRunId);

    public string TypeToken => KubernetesType.Token(Rendered.ApiVersion, Rendered.Kind);
}

/// <summary>The ingestor's Helm release.</summary>
public sealed record ReleaseStep(string ResourceName, HelmReleaseSpec Release, ResourcePolicy Policy)
    : PlanStep(ResourceName, Policy);

/// <summary>
/// The OIDC client Secret made from the stack's Pulumi secrets (mode pulumiSecret). Described, not
/// built: its values exist only as Pulumi secrets, so nothing outside Pulumi can render them.
/// </summary>
public sealed record ManagedSecretStep(string ResourceName, ManagedSecret Secret, ResourcePolicy Policy)
    : PlanStep(ResourceName, Policy);
