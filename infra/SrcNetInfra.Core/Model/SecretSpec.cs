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

public sealed record SecretSpec
{
    public required SecretMode Mode { get; init; }
    public required string Name { get; init; }
    public required string ClientIdKey { get; init; }
    public required string ClientSecretKey { get; init; }
    public required VaultSpec Vault { get; init; }
}

/// <summary>The External Secrets Operator's view of Vault (docs/ingestor.md#reference-setup-with-vault).</summary>
public sealed record VaultSpec
{
    public required string ApiVersion { get; init; }
    public required string Server { get; init; }
    public required string Path { get; init; }
    public required string Version { get; init; }
    public required string AuthMountPath { get; init; }
    public required string Role { get; init; }
    public required string ServiceAccount { get; init; }
    public required string SecretStoreName { get; init; }
    public required string RemoteKey { get; init; }
    public required string RefreshInterval { get; init; }
}
