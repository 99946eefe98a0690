using System.Text.RegularExpressions;
using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// The <see cref="DeployedIdentity"/> of a base branch's render, rebuilt from its files, so a pull
/// request shows what <c>pulumi up</c> would refuse on a stack deployed from the base: the namespace,
/// the ingest area's class, access mode and size (the stack's claim in manifests.yaml, or in a render
/// from before the stack owned it, the chart's persistence values) and the secret's mode and name
/// (an ExternalSecret is externalSecret; the header's Pulumi-made Secret is pulumiSecret; else
/// existingSecret). A render says nothing of the kubeconfig context or renderYamlToDirectory: those are
/// taken from the head, so they never show as changed.
/// </summary>
public static partial class BaseIdentity
{
    [GeneratedRegex(@"^# Secret (?<name>\S+) is created by `pulumi up`", RegexOptions.Multiline)]
    private static partial Regex PulumiSecretLine();

    [GeneratedRegex(@"^# srcnet render, stack \S+: what `pulumi up` deploys into namespace (?<ns>[^\s,]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    /// <summary>Null when the base render holds too little to say (no manifests at all).</summary>
    public static DeployedIdentity? From(string manifests, IReadOnlyList<object> objects, IReadOnlyDictionary<string, object>? values, DeployedIdentity head)
    {
        if (manifests.Length == 0) return null;
        var claim = objects.OfType<V1PersistentVolumeClaim>().FirstOrDefault(c => c.Metadata.Name == IngestAreaClaim.Name);
        var persistence = Map(values, "persistence");
        var ns = objects.OfType<V1Namespace>().FirstOrDefault()?.Metadata.Name
                 ?? (NamespaceLine().Match(manifests) is { Success: true } m ? m.Groups["ns"].Value : null)
                 ?? head.Namespace;
        var external = objects.OfType<ExternalSecret>().FirstOrDefault();
        var pulumiSecret = PulumiSecretLine().Match(manifests);
        var (mode, secretName) = external is not null ? ("externalSecret", external.Spec.Target.Name)
            : pulumiSecret.Success ? ("pulumiSecret", pulumiSecret.Groups["name"].Value)
            : ("existingSecret", SecretNameInValues(values) ?? head.SecretName);
        return head with
        {
            Namespace = ns,
            // A render holds the Namespace object exactly when the stack creates it.
            NamespaceCreated = objects.OfType<V1Namespace>().Any(),
            SecretMode = mode,
            SecretName = secretName,
            IngestStorageClass = claim?.Spec.StorageClassName ?? Text(persistence, "storageClass") ?? head.IngestStorageClass,
            IngestAccessMode = claim?.Spec.AccessModes?.FirstOrDefault() ?? Text(persistence, "accessMode") ?? head.IngestAccessMode,
            IngestSize = claim?.Spec.Resources?.Requests?["storage"]?.ToString() ?? Text(persistence, "size") ?? head.IngestSize,
        };
    }

    private static string? SecretNameInValues(IReadOnlyDictionary<string, object>? values) =>
        values is not null && values.TryGetValue("secrets", out var list) && list is List<object> { Count: > 0 } items && items[0] is Dictionary<object, object> first
            && first.TryGetValue("fromSecretName", out var name) ? name?.ToString() : null;

    private static Dictionary<object, object>? Map(IReadOnlyDictionary<string, object>? values, string key) =>
        values is not null && values.TryGetValue(key, out var v) ? v as Dictionary<object, object> : null;

    private static string? Text(Dictionary<object, object>? map, string key) =>
        map is not null && map.TryGetValue(key, out var v) ? v?.ToString() : null;
}
