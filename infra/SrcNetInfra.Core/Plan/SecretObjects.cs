using k8s;
using k8s.Models;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The objects that provide the ingestor's OIDC client secret, by mode. None of them ever holds the
/// secret's value: Vault does (externalSecret), the cluster does (existingSecret), or Pulumi's
/// encrypted config and state do (pulumiSecret, see <see cref="ManagedSecret"/>).
/// </summary>
public static class SecretObjects
{
    /// <summary>Seconds Pulumi waits for the SecretStore and the ExternalSecret to be Ready before it fails.</summary>
    public const int ReadyTimeoutSeconds = 180;

    /// <summary>The objects with the Pulumi resource name of each, in apply order.</summary>
    public static IReadOnlyList<(string ResourceName, IKubernetesObject<V1ObjectMeta> Object)> For(EnvironmentSpec spec) =>
        spec.Secret.Mode == SecretMode.ExternalSecret
            ?
            [
                ("vault-auth", ServiceAccount(spec)),
                ("vault-auth-delegator", AuthDelegatorBinding(spec)),
                ("vault-store", SecretStore(spec)),
                ("oidc-client", ExternalSecret(spec)),
            ]
            : [];

    /// <summary>
    /// A Vault mistake (wrong role, path or key) makes the operator mark these not Ready; waiting for
    /// Ready makes <c>pulumi up</c> fail within minutes naming the object (and show the operator's
    /// events), not a Helm timeout later (docs/platform.md#waiting-with-pulumicomwaitfor).
    /// </summary>
    private static SortedDictionary<string, string> WaitForReady() => new(StringComparer.Ordinal)
    {
        [Annotations.PulumiWaitFor] = "condition=Ready",
        [Annotations.PulumiTimeoutSeconds] = ReadyTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static V1ServiceAccount ServiceAccount(EnvironmentSpec spec) => new()
    {
        ApiVersion = "v1",
        Kind = "ServiceAccount",
        Metadata = new V1ObjectMeta
        {
            Name = spec.Secret.Vault.ServiceAccount,
            NamespaceProperty = spec.Namespace.Name,
            Labels = Labels.For(spec, "secret"),
        },
    };

    /// <summary>
    /// Vault's Kubernetes auth reviews the service account's token, which needs system:auth-delegator.
    /// The binding is cluster-wide, so its name carries the namespace to keep environments apart.
    /// </summary>
    public static V1ClusterRoleBinding AuthDelegatorBinding(EnvironmentSpec spec) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRoleBinding",
        Metadata = new V1ObjectMeta
        {
            Name = AuthDelegatorBindingName(spec),
            Labels = Labels.For(spec, "secret"),
        },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "system:auth-delegator" },
        Subjects =
        [
            new Rbacv1Subject { Kind = "ServiceAccount", Name = spec.Secret.Vault.ServiceAccount, NamespaceProperty = spec.Namespace.Name },
        ],
    };

    public static string AuthDelegatorBindingName(EnvironmentSpec spec) =>
        $"{spec.Namespace.Name}-{spec.Secret.Vault.ServiceAccount}-auth-delegator";

    public static SecretStore SecretStore(EnvironmentSpec spec)
    {
        var vault = spec.Secret.Vault;
        return new SecretStore
        {
            ApiVersion = vault.ApiVersion,
            Metadata = new V1ObjectMeta { Name = vault.SecretStoreName, NamespaceProperty = spec.Namespace.Name, Labels = Labels.For(spec, "secret"), Annotations = WaitForReady() },
            Spec = new SecretStoreSpec
            {
                Provider = new SecretStoreProvider
                {
                    Vault = new VaultProvider
                    {
                        Server = vault.Server,
                        Path = vault.Path,
                        Version = vault.Version,
                        Auth = new VaultAuth
                        {
                            Kubernetes = new VaultKubernetesAuth
                            {
                                MountPath = vault.AuthMountPath,
                                Role = vault.Role,
                                ServiceAccountRef = new ServiceAccountRef { Name = vault.ServiceAccount },
                            },
                        },
                    },
                },
            },
        };
    }

    public static ExternalSecret ExternalSecret(EnvironmentSpec spec)
    {
        var secret = spec.Secret;
        ExternalSecretData Entry(string key) => new()
        {
            SecretKey = key,
            RemoteRef = new RemoteRef { Key = secret.Vault.RemoteKey, Property = key },
        };
        return new ExternalSecret
        {
            ApiVersion = secret.Vault.ApiVersion,
            Metadata = new V1ObjectMeta { Name = secret.Name, NamespaceProperty = spec.Namespace.Name, Labels = Labels.For(spec, "secret"), Annotations = WaitForReady() },
            Spec = new ExternalSecretSpec
            {
                RefreshInterval = secret.Vault.RefreshInterval,
                SecretStoreRef = new SecretStoreRef { Name = secret.Vault.SecretStoreName },
                Target = new ExternalSecretTarget { Name = secret.Name },
                Data = [Entry(secret.ClientIdKey), Entry(secret.ClientSecretKey)],
            },
        };
    }
}

/// <summary>
/// In mode pulumiSecret, the Secret the Pulumi program creates from <c>srcnet:oidcClientId</c> and
/// <c>srcnet:oidcClientSecret</c>. It is described here, not built: its values exist only as Pulumi
/// secrets, so <c>srcnet render</c> notes it instead of rendering it.
/// </summary>
public sealed record ManagedSecret(string Name, string Namespace, IReadOnlyDictionary<string, string> ConfigKeyBySecretKey)
{
    public static ManagedSecret? For(EnvironmentSpec spec) =>
        spec.Secret.Mode != SecretMode.PulumiSecret
            ? null
            : new ManagedSecret(spec.Secret.Name, spec.Namespace.Name, new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [spec.Secret.ClientIdKey] = Config.StackConfig.FullKey(Config.StackConfig.OidcClientIdKey),
                [spec.Secret.ClientSecretKey] = Config.StackConfig.FullKey(Config.StackConfig.OidcClientSecretKey),
            });

    public IReadOnlyDictionary<string, string> Labels(EnvironmentSpec spec) => Plan.Labels.For(spec, "secret");
}
