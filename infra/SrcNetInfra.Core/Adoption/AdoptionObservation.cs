using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Core.Adoption;

/// <summary>
/// What <c>srcnet adopt</c> found in the cluster for one stack: facts only, read by the CLI, judged by
/// <see cref="Adoption.Decide"/>. Nothing of a Secret's values is kept, only which keys hold something.
/// </summary>
/// <param name="ExistingObjects">Pulumi resource names of the plan's steps whose object already exists (the namespace, the ingest area and the Secret are below).</param>
/// <param name="IngestArea">The claim <c>ingest-area</c>, or null when there is none.</param>
/// <param name="Secret">The OIDC Secret (<c>srcnet:secret.name</c>), or null when there is none.</param>
/// <param name="Release">The newest revision of the ingestor's Helm release, or null when it is not installed.</param>
/// <param name="UnreadableRelease">A release record was found but could not be decoded.</param>
/// <param name="Notes">What could not be checked (a forbidden read) and was assumed instead.</param>
public sealed record AdoptionObservation(
    ClusterRef Cluster,
    bool NamespaceExists,
    IReadOnlySet<string> ExistingObjects,
    LiveClaim? IngestArea,
    LiveSecret? Secret,
    HelmReleaseRecord? Release,
    bool UnreadableRelease = false,
    IReadOnlyList<string>? Notes = null)
{
    public IReadOnlyList<string> AllNotes => Notes ?? [];
}

/// <summary>A claim as it is in the cluster: what cannot change under it, and who owns it.</summary>
/// <param name="Request">spec.resources.requests.storage.</param>
/// <param name="Annotations">Its annotations: Helm's ownership (meta.helm.sh/release-name) and keep policy.</param>
public sealed record LiveClaim(string? StorageClass, IReadOnlyList<string> AccessModes, string? Request, IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>Set on every object a Helm release made (helm/helm v3.20.2 pkg/action/validate.go, setMetadataVisitor).</summary>
    public const string HelmReleaseAnnotation = "meta.helm.sh/release-name";

    /// <summary>Helm skips deleting an object annotated so (pkg/kube/resource_policy.go; pkg/kube/client.go, update).</summary>
    public const string ResourcePolicyAnnotation = "helm.sh/resource-policy";
    public const string KeepPolicy = "keep";

    public string? HelmRelease => Annotations.TryGetValue(HelmReleaseAnnotation, out var r) ? r : null;

    public bool Kept => Annotations.TryGetValue(ResourcePolicyAnnotation, out var p) && p == KeepPolicy;
}

/// <summary>A Secret as it is in the cluster: the keys that hold a value (never the values) and its controller.</summary>
/// <param name="Controller">The kind and name of its controlling owner (an ExternalSecret that synced it), or null.</param>
public sealed record LiveSecret(IReadOnlySet<string> KeysWithValues, (string Kind, string Name)? Controller);
