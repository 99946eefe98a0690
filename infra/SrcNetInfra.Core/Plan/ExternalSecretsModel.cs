using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace SrcNetInfra.Core.Plan;

// The External Secrets Operator's custom resources are not in the official Kubernetes model, so
// these classes describe the fields srcnet writes (external-secrets.io v1beta1 and v1 share them).
// They serialize through KubernetesYaml like the official types and round-trip strictly in tests.

/// <summary>
/// The External Secrets resources by <c>apiVersion/kind</c>, for reading rendered YAML back
/// (<c>KubernetesYaml.LoadAllFromString(yaml, CustomResourceTypes.Map)</c>).
/// </summary>
public static class CustomResourceTypes
{
    public static IReadOnlyDictionary<string, Type> Map { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["external-secrets.io/v1beta1/SecretStore"] = typeof(SecretStore),
        ["external-secrets.io/v1beta1/ExternalSecret"] = typeof(ExternalSecret),
        ["external-secrets.io/v1/SecretStore"] = typeof(SecretStore),
        ["external-secrets.io/v1/ExternalSecret"] = typeof(ExternalSecret),
    };
}

/// <summary>A namespaced SecretStore that reads from Vault with Kubernetes auth.</summary>
public sealed class SecretStore : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "SecretStore";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public SecretStoreSpec Spec { get; set; } = new();
}

public sealed class SecretStoreSpec
{
    [JsonPropertyName("provider")] public SecretStoreProvider Provider { get; set; } = new();
}

public sealed class SecretStoreProvider
{
    [JsonPropertyName("vault")] public VaultProvider Vault { get; set; } = new();
}

public sealed class VaultProvider
{
    [JsonPropertyName("server")] public string Server { get; set; } = "";
    [JsonPropertyName("path")] public string Path { get; set; } = "";
    [JsonPropertyName("version")] public string Version { get; set; } = "";
    [JsonPropertyName("auth")] public VaultAuth Auth { get; set; } = new();
}

public sealed class VaultAuth
{
    [JsonPropertyName("kubernetes")] public VaultKubernetesAuth Kubernetes { get; set; } = new();
}

public sealed class VaultKubernetesAuth
{
    [JsonPropertyName("mountPath")] public string MountPath { get; set; } = "";
    [JsonPropertyName("role")] public string Role { get; set; } = "";
    [JsonPropertyName("serviceAccountRef")] public ServiceAccountRef ServiceAccountRef { get; set; } = new();
}

public sealed class ServiceAccountRef
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
}

/// <summary>Keeps a Kubernetes Secret in sync with a Vault entry.</summary>
public sealed class ExternalSecret : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "ExternalSecret";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public ExternalSecretSpec Spec { get; set; } = new();
}

public sealed class ExternalSecretSpec
{
    [JsonPropertyName("refreshInterval")] public string RefreshInterval { get; set; } = "";
    [JsonPropertyName("secretStoreRef")] public SecretStoreRef SecretStoreRef { get; set; } = new();
    [JsonPropertyName("target")] public ExternalSecretTarget Target { get; set; } = new();
    [JsonPropertyName("data")] public IList<ExternalSecretData> Data { get; set; } = [];
}

public sealed class SecretStoreRef
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "SecretStore";
}

public sealed class ExternalSecretTarget
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("creationPolicy")] public string CreationPolicy { get; set; } = "Owner";
}

public sealed class ExternalSecretData
{
    [JsonPropertyName("secretKey")] public string SecretKey { get; set; } = "";
    [JsonPropertyName("remoteRef")] public RemoteRef RemoteRef { get; set; } = new();
}

public sealed class RemoteRef
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("property")] public string Property { get; set; } = "";
}
