using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:secret</c>; defaults are the reference setup of FACTS.md.</summary>
internal static class SecretConfig
{
    public static readonly string[] Modes = ["externalSecret", "existingSecret", "pulumiSecret"];
    public static readonly string[] ExternalSecretsApiVersions = ["external-secrets.io/v1beta1", "external-secrets.io/v1"];

    public static SecretSpec Read(ConfigSection s, Problems problems)
    {
        var mode = s.Choice("mode", "externalSecret", Modes) switch
        {
            "existingSecret" => SecretMode.ExistingSecret,
            "pulumiSecret" => SecretMode.PulumiSecret,
            _ => SecretMode.ExternalSecret,
        };
        var name = s.String("name", "datalake-ingestion");
        if (Names.CheckObjectName(name) is { } badName) problems.Error(s.KeyOf("name"), badName);
        var idKey = s.String("clientIdKey", "oidc-client-id");
        if (Names.CheckSecretKey(idKey) is { } badId) problems.Error(s.KeyOf("clientIdKey"), badId);
        var secretKey = s.String("clientSecretKey", "oidc-client-secret");
        if (Names.CheckSecretKey(secretKey) is { } badSecret) problems.Error(s.KeyOf("clientSecretKey"), badSecret);
        if (idKey == secretKey) problems.Error(s.KeyOf("clientSecretKey"), $"must differ from clientIdKey (both are {UserText.Quote(idKey)})");

        var hasVault = s.Has("vault");
        var v = s.Section("vault");
        var vault = new VaultSpec(
            v.Choice("apiVersion", "external-secrets.io/v1beta1", ExternalSecretsApiVersions),
            v.String("server", "http://vault.vault.svc.cluster.local:8200"),
            v.String("path", "app"),
            v.Choice("version", "v2", "v1", "v2"),
            v.String("authMountPath", "kubernetes"),
            v.String("role", "datalake-ingestion"),
            v.String("serviceAccount", "datalake-ingestion"),
            v.String("secretStoreName", "vault-datalake-ingestion"),
            v.String("remoteKey", "app/data/datalake-ingestion"),
            v.String("refreshInterval", "15s"));
        v.Done();
        if (Names.CheckObjectName(vault.ServiceAccount) is { } badSa) problems.Error(v.KeyOf("serviceAccount"), badSa);
        if (Names.CheckObjectName(vault.SecretStoreName) is { } badStore) problems.Error(v.KeyOf("secretStoreName"), badStore);
        if (!Uri.TryCreate(vault.Server, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            problems.Error(v.KeyOf("server"), $"must be an http(s) URL such as http://vault.vault.svc.cluster.local:8200 (got {UserText.Quote(vault.Server)})");
        if (!Durations.IsGoDuration(vault.RefreshInterval))
            problems.Error(v.KeyOf("refreshInterval"), $"must be a duration such as 15s, 1m or 1h (got {UserText.Quote(vault.RefreshInterval)})");
        if (hasVault && mode != SecretMode.ExternalSecret)
            problems.Warning(s.KeyOf("vault"), $"is only used with mode externalSecret; mode is {Modes[(int)mode]}, so it is ignored");

        s.Done();
        return new SecretSpec(mode, name, idKey, secretKey, vault);
    }
}
