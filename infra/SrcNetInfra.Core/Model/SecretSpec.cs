namespace SrcNetInfra.Core.Model;

/// <summary>How the ingestor's OIDC client secret is provided (<c>srcnet:secret</c>).</summary>
public enum SecretMode
{
    /// <summary>Synced from Vault by the External Secrets Operator (the reference setup).</summary>
    ExternalSecret,
    /// <summary>A Secret that already exists in the namespace; nothing is created.</summary>
    ExistingSecret,
    /// <summary>
    /// Created from the stack's Pulumi secrets <c>srcnet:oidcClientId</c> and <c>srcnet:oidcClientSecret</c>;
    /// the values stay encrypted in config and state and never reach rendered output.
    /// </summary>
    PulumiSecret,
}

public sealed record SecretSpec(
    SecretMode Mode,
    string Name,
    string ClientIdKey,
    string ClientSecretKey,
    VaultSpec Vault);

/// <summary>The External Secrets Operator's view of Vault (FACTS.md, "The OIDC client secret").</summary>
public sealed record VaultSpec(
    string ApiVersion,
    string Server,
    string Path,
    string Version,
    string AuthMountPath,
    string Role,
    string ServiceAccount,
    string SecretStoreName,
    string RemoteKey,
    string RefreshInterval);
