using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:secret</c>; defaults are the reference setup of docs/ingestor.md#reference-setup-with-vault.</summary>
internal static class SecretConfig
{
    /// <summary>
    /// v1 first, the default: operators from 0.16 serve it, and from 0.17 (May 2025) v1beta1 is not
    /// served at all (docs/ingestor.md#the-oidc-client-secret). v1beta1 stays for older operators.
    /// </summary>
    public static readonly string[] ExternalSecretsApiVersions = ["external-secrets.io/v1", "external-secrets.io/v1beta1"];

    public static SecretSpec Read(ConfigSection s, Problems problems)
    {
        var mode = s.Choice("mode", SecretMode.ExternalSecret, ConfigWords.SecretMode);
        var name = s.String("name", "datalake-ingestion");
        if (Names.CheckObjectName(name) is { } badName) problems.Error(s.KeyOf("name"), badName);
        var idKey = s.String("clientIdKey", "oidc-client-id");
        if (Names.CheckSecretKey(idKey) is { } badId) problems.Error(s.KeyOf("clientIdKey"), badId);
        var secretKey = s.String("clientSecretKey", "oidc-client-secret");
        if (Names.CheckSecretKey(secretKey) is { } badSecret) problems.Error(s.KeyOf("clientSecretKey"), badSecret);
        if (idKey == secretKey) problems.Error(s.KeyOf("clientSecretKey"), $"must differ from clientIdKey (both are {UserText.Quote(idKey)})");

        var hasVault = s.Has("vault");
        var v = s.Section("vault");
        var vault = new VaultSpec
        {
            ApiVersion = v.Choice("apiVersion", ExternalSecretsApiVersions[0], ExternalSecretsApiVersions),
            Server = v.String("server", "http://vault.vault.svc.cluster.local:8200"),
            Path = v.String("path", "app"),
            Version = v.Choice("version", "v2", "v1", "v2"),
            AuthMountPath = v.String("authMountPath", "kubernetes"),
            Role = v.String("role", "datalake-ingestion"),
            ServiceAccount = v.String("serviceAccount", "datalake-ingestion"),
            SecretStoreName = v.String("secretStoreName", "vault-datalake-ingestion"),
            RemoteKey = v.String("remoteKey", "app/data/datalake-ingestion"),
            RefreshInterval = v.String("refreshInterval", "15s"),
        };
        v.Done();
        if (Names.CheckObjectName(vault.ServiceAccount) is { } badSa) problems.Error(v.KeyOf("serviceAccount"), badSa);
        if (Names.CheckObjectName(vault.SecretStoreName) is { } badStore) problems.Error(v.KeyOf("secretStoreName"), badStore);
        if (!Uri.TryCreate(vault.Server, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            problems.Error(v.KeyOf("server"), $"must be an http(s) URL such as http://vault.vault.svc.cluster.local:8200 (got {UserText.Quote(vault.Server)})");
        if (!Durations.IsGoDuration(vault.RefreshInterval))
            problems.Error(v.KeyOf("refreshInterval"), $"must be a duration such as 15s, 1m or 1h (got {UserText.Quote(vault.RefreshInterval)})");
        if (hasVault && mode != SecretMode.ExternalSecret)
            problems.Warning(s.KeyOf("vault"), $"is only used with mode externalSecret; mode is {ConfigWords.SecretMode.Of(mode)}, so it is ignored");

        s.Done();
        return new SecretSpec { Mode = mode, Name = name, ClientIdKey = idKey, ClientSecretKey = secretKey, Vault = vault };
    }
}
