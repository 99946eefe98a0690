using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra;

/// <summary>
/// What the program reads from the stack: the <c>srcnet:</c> objects as JSON (as the CLI reads
/// them from the stack file) and the two OIDC values as Pulumi secrets. Behind this record, tests
/// need no Pulumi config at all.
/// </summary>
/// <param name="Previous">What the previous deployment left: its record of what must not change under it, and whether it left outputs at all.</param>
public sealed record StackSettings(
    string StackName,
    IReadOnlyDictionary<string, JsonNode?> Values,
    Output<string>? OidcClientId,
    Output<string>? OidcClientSecret,
    Func<Task<PreviousDeployment>> Previous)
{
    /// <summary>Stands in for a secret's value in what Core reads: Core only checks that it is set, and set as a secret.</summary>
    public static JsonObject SecretMarker() => new() { ["secure"] = "[secret]" };

    public static StackSettings FromPulumiConfig()
    {
        var config = new Config(StackConfig.Namespace);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var key in StackConfig.ObjectKeys)
        {
            if (config.Get(key) is { } raw) values[key] = Parse(raw);
        }

        // The values never leave Pulumi's secret outputs; Core is told only that they are there,
        // and whether the stack file holds them as secrets or, wrongly, in clear text.
        var clientId = config.GetSecret(StackConfig.OidcClientIdKey);
        var clientSecret = config.GetSecret(StackConfig.OidcClientSecretKey);
        if (clientId is not null) values[StackConfig.OidcClientIdKey] = Presence(StackConfig.OidcClientIdKey);
        if (clientSecret is not null) values[StackConfig.OidcClientSecretKey] = Presence(StackConfig.OidcClientSecretKey);

        return new StackSettings(Deployment.Instance.StackName, values, clientId, clientSecret, ReadPrevious);
    }

    /// <summary>
    /// The stack's own last outputs, through a StackReference to itself: the record the previous
    /// deployment left (<see cref="DeployedIdentity"/>), and its namespace output, which every srcnet
    /// program has set (an earlier one set no record). A stack never deployed has no outputs.
    /// </summary>
    private static async Task<PreviousDeployment> ReadPrevious()
    {
        var self = new StackReference("previous-deployment", new StackReferenceArgs
        {
            Name = $"{Deployment.Instance.OrganizationName}/{Deployment.Instance.ProjectName}/{Deployment.Instance.StackName}",
        });
        var identity = await self.GetOutputDetailsAsync(DeployedIdentity.OutputName).ConfigureAwait(false);
        var ns = await self.GetOutputDetailsAsync("namespace").ConfigureAwait(false);
        var kind = await self.GetOutputDetailsAsync("workloadKind").ConfigureAwait(false);
        var runId = await self.GetOutputDetailsAsync("runId").ConfigureAwait(false);
        return new PreviousDeployment(identity.Value as string, HadOutputs: ns.Value is not null || identity.Value is not null,
            JobRunId: kind.Value as string == "Job" && runId.Value is string { Length: > 0 } id ? id : null);
    }

    /// <summary>
    /// The secret marker, or, for a key Pulumi says is not a secret, a stand-in text that Core
    /// reports as clear text (the value itself is never handed over).
    /// </summary>
    private static JsonNode Presence(string key) =>
        IsPulumiSecret(StackConfig.FullKey(key)) == false ? JsonValue.Create("(set in clear text)") : SecretMarker();

    /// <summary>
    /// Whether Pulumi marks a config key as secret: the language host lists them in
    /// PULUMI_CONFIG_SECRET_KEYS. Null when it does not say, and then the key is trusted.
    /// </summary>
    internal static bool? IsPulumiSecret(string fullKey)
    {
        var listed = System.Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS");
        if (listed is null) return null;
        try
        {
            return JsonNode.Parse(listed) is JsonArray keys && keys.Any(k => k?.GetValue<string>() == fullKey);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Pulumi hands structured values over as JSON text and plain ones as text.</summary>
    internal static JsonNode? Parse(string raw)
    {
        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return JsonValue.Create(raw);
        }
    }
}
