using k8s;
using k8s.Models;
using SrcNetInfra.Cli.Verify;
using SrcNetInfra.Core.Adoption;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Cli.Adopt;

/// <summary>
/// Reads what <c>srcnet adopt</c> needs from the cluster: whether each of the plan's objects exists,
/// the claim ingest-area, the OIDC Secret's keys (never its values) and the ingestor's Helm release
/// records. Only reads; what it means is decided by <see cref="Adoption.Decide"/>.
/// </summary>
public sealed class AdoptReader(ClusterSession session, EnvironmentPlan plan)
{
    private readonly string ns = plan.Spec.Namespace.Name;
    private readonly List<string> notes = [];

    public async Task<AdoptionObservation> Read()
    {
        var namespaceExists = await NamespaceExists();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        LiveClaim? claim = null;
        foreach (var step in plan.Steps.OfType<ObjectStep>())
        {
            if (step.Object is V1Namespace) continue;
            if (step.Object is V1PersistentVolumeClaim && step.Object.Metadata.Name == IngestAreaClaim.Name)
            {
                claim = await IngestArea();
                continue;
            }
            if (await Exists(step.Object)) existing.Add(step.ResourceName);
        }
        var secret = await Secret();
        var (release, unreadable) = await Release();
        return new AdoptionObservation(session.Cluster, namespaceExists, existing, claim, secret, release, unreadable, [.. notes]);
    }

    /// <summary>As verify: an account that may not read namespaces goes on with the calls inside it.</summary>
    private async Task<bool> NamespaceExists()
    {
        if (await session.NamespaceExists(ns) is { } exists) return exists;
        notes.Add($"could not read namespace {ns} (forbidden); took it to exist");
        return true;
    }

    private async Task<LiveClaim?> IngestArea()
    {
        var pvc = await session.Find(new ApiCall("get", "persistentvolumeclaims", ns, IngestAreaClaim.Name),
            (k, t) => k.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(IngestAreaClaim.Name, ns, cancellationToken: t));
        if (pvc is null) return null;
        return new LiveClaim(
            pvc.Spec?.StorageClassName,
            [.. pvc.Spec?.AccessModes ?? []],
            pvc.Spec?.Resources?.Requests is { } requests && requests.TryGetValue("storage", out var size) ? size.ToString() : null,
            new Dictionary<string, string>(pvc.Metadata.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal));
    }

    private async Task<LiveSecret?> Secret()
    {
        var name = plan.Spec.Secret.Name;
        var secret = await session.Find(new ApiCall("get", "secrets", ns, name),
            (k, t) => k.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: t));
        if (secret is null) return null;
        // Only which keys hold something is kept; the values are dropped here.
        var keys = (secret.Data ?? new Dictionary<string, byte[]>()).Where(kv => kv.Value is { Length: > 0 }).Select(kv => kv.Key);
        var controller = secret.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        return new LiveSecret(new HashSet<string>(keys, StringComparer.Ordinal), controller is null ? null : (controller.Kind, controller.Name));
    }

    /// <summary>The newest revision of the release, from the Secrets Helm keeps it in.</summary>
    private async Task<(HelmReleaseRecord? Release, bool Unreadable)> Release()
    {
        var release = plan.Spec.Ingestor.ReleaseName;
        var list = await session.Call(new ApiCall("list", "secrets", ns),
            (k, t) => k.CoreV1.ListNamespacedSecretAsync(ns, labelSelector: HelmReleaseRecord.Selector(release), cancellationToken: t));
        var newest = list.Items
            .Where(s => s.Type == HelmReleaseRecord.SecretType)
            .OrderByDescending(s => s.Metadata.Labels is { } l && l.TryGetValue("version", out var v) && int.TryParse(v, out var n) ? n : 0)
            .FirstOrDefault();
        if (newest is null) return (null, false);
        var payload = newest.Data is { } data && data.TryGetValue(HelmReleaseRecord.PayloadKey, out var bytes) ? bytes : [];
        var record = HelmReleaseRecord.Decode(payload);
        return (record, record is null);
    }

    private async Task<bool> Exists(IKubernetesObject<V1ObjectMeta> obj)
    {
        var name = obj.Metadata.Name;
        var resource = Resource(obj);
        var call = new ApiCall("get", resource, obj.Metadata.NamespaceProperty, name);
        try
        {
            object? found = obj switch
            {
                V1ResourceQuota => await session.Find(call, (k, t) => k.CoreV1.ReadNamespacedResourceQuotaAsync(name, ns, cancellationToken: t)),
                V1LimitRange => await session.Find(call, (k, t) => k.CoreV1.ReadNamespacedLimitRangeAsync(name, ns, cancellationToken: t)),
                V1ServiceAccount => await session.Find(call, (k, t) => k.CoreV1.ReadNamespacedServiceAccountAsync(name, ns, cancellationToken: t)),
                V1ClusterRoleBinding => await session.Find(call, (k, t) => k.RbacAuthorizationV1.ReadClusterRoleBindingAsync(name, cancellationToken: t)),
                V1PersistentVolumeClaim => await session.Find(call, (k, t) => k.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(name, ns, cancellationToken: t)),
                V1CronJob => await session.Find(call, (k, t) => k.BatchV1.ReadNamespacedCronJobAsync(name, ns, cancellationToken: t)),
                SecretStore or ExternalSecret => await session.Find(call, (k, t) =>
                {
                    var (group, version) = GroupVersion(obj.ApiVersion);
                    return k.CustomObjects.GetNamespacedCustomObjectAsync(group, version, ns, resource, name, cancellationToken: t);
                }),
                _ => throw new InvalidOperationException($"srcnet adopt cannot look up a {obj.Kind}"),
            };
            return found is not null;
        }
        catch (ClusterFailure f) when (f.Kind == ClusterFailureKind.Forbidden)
        {
            notes.Add($"could not read {obj.Kind} {name} (forbidden); took it to exist, which adoptExisting handles either way");
            return true;
        }
    }

    /// <summary>The resource (plural) RBAC and the API name each kind the plan holds by.</summary>
    private static string Resource(IKubernetesObject<V1ObjectMeta> obj) => obj.Kind switch
    {
        "ResourceQuota" => "resourcequotas",
        "LimitRange" => "limitranges",
        "ServiceAccount" => "serviceaccounts",
        "ClusterRoleBinding" => "clusterrolebindings",
        "PersistentVolumeClaim" => "persistentvolumeclaims",
        "CronJob" => "cronjobs",
        "SecretStore" => "secretstores",
        "ExternalSecret" => "externalsecrets",
        _ => obj.Kind.ToLowerInvariant() + "s",
    };

    private static (string Group, string Version) GroupVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }
}
