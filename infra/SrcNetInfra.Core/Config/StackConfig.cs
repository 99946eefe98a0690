using System.Text.Json.Nodes;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// The <c>srcnet:</c> part of a Pulumi stack's config, read into an <see cref="EnvironmentSpec"/>.
/// Both the CLI (from the stack file) and the Pulumi program (from Pulumi's Config) come through here,
/// so they accept and reject exactly the same files.
/// </summary>
public static class StackConfig
{
    /// <summary>The Pulumi config namespace: keys are written <c>srcnet:workflow</c> and so on.</summary>
    public const string Namespace = "srcnet";

    public const string OidcClientIdKey = "oidcClientId";
    public const string OidcClientSecretKey = "oidcClientSecret";

    /// <summary>The structured (object) keys, in the order the README documents them.</summary>
    public static readonly IReadOnlyList<string> ObjectKeys =
        ["namespace", "quota", "secret", "ingestor", "workflow", "campaign", "scratch", "retention", "deploy"];

    /// <summary>Keys that hold a secret: set with <c>pulumi config set --secret</c>, never in clear.</summary>
    public static readonly IReadOnlyList<string> SecretKeys = [OidcClientIdKey, OidcClientSecretKey];

    public static IEnumerable<string> AllKeys => ObjectKeys.Concat(SecretKeys);

    public static string FullKey(string key) => $"{Namespace}:{key}";

    /// <summary>
    /// Reads every <c>srcnet:</c> key (names without the namespace). Secret keys are only looked at
    /// for presence and form; their values are never read into the model, so they cannot leak from it.
    /// Always returns a spec: a value in error reads as its default (or what could be made of it),
    /// so that checks across sections whose own keys are fine still run and every problem is found
    /// in one pass; <paramref name="problems"/> says what to fix, and a spec read with errors is
    /// never planned.
    /// </summary>
    public static EnvironmentSpec Read(string stack, IReadOnlyDictionary<string, JsonNode?> values, Problems problems)
    {
        // The stack's name is the app.kubernetes.io/instance label of every object.
        if (stack.Length == 0 || Names.CheckLabelValue(stack) is not null)
            problems.Error($"stack {UserText.Show(stack)}", $"the stack name becomes the label app.kubernetes.io/instance: it must be 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (got {UserText.Quote(stack)})");
        foreach (var key in values.Keys.Where(k => !AllKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            var hint = KeySuggestion.Nearest(key, AllKeys);
            problems.Error(FullKey(UserText.Show(key)),
                $"unknown key{(hint is null ? "" : $" (did you mean '{FullKey(hint)}'?)")}; srcnet keys are {string.Join(", ", AllKeys)}");
        }

        ConfigSection Section(string key) => new(FullKey(key), values.GetValueOrDefault(key), problems);

        var ns = NamespaceConfig.Read(Section("namespace"), problems);
        var quota = QuotaConfig.Read(Section("quota"));
        var secret = SecretConfig.Read(Section("secret"), problems);
        var ingestor = IngestorConfig.Read(Section("ingestor"), problems);
        var workflow = WorkflowConfig.Read(Section("workflow"), problems);
        var campaign = CampaignConfig.Read(Section("campaign"), values.GetValueOrDefault("campaign") is not null, workflow, problems);
        var scratch = ScratchConfig.Read(Section("scratch"), problems);
        var retention = RetentionConfig.Read(Section("retention"), problems);
        var deploy = DeployConfig.Read(Section("deploy"), problems);

        CheckSecretKeys(secret.Mode, values, problems);
        CheckDeployment(deploy, secret, problems);

        var spec = new EnvironmentSpec(stack, ns, quota, secret, ingestor, workflow, scratch, deploy, retention, campaign);
        NameCollisions.Check(spec, problems);
        return spec;
    }

    /// <summary>
    /// How a stack is deployed against what it holds: a stack that protects data names its cluster
    /// (the current kubeconfig context can point anywhere), and a provider that writes YAML files
    /// must not write the OIDC Secret in clear text to disk, nor pretend to protect data.
    /// </summary>
    private static void CheckDeployment(DeploySpec deploy, SecretSpec secret, Problems problems)
    {
        if (deploy.ProtectData && deploy.KubeContext is null && deploy.RenderYamlToDirectory is null)
            problems.Error(FullKey("deploy.kubeContext"),
                "is required with protectData: true, so the stack cannot follow whatever the current kubeconfig context is to another cluster; " +
                "set it to the context of the cluster that holds the data");
        if (deploy.RenderYamlToDirectory is not null && secret.Mode == SecretMode.PulumiSecret)
            problems.Error(FullKey("deploy.renderYamlToDirectory"),
                "cannot be used with srcnet:secret.mode pulumiSecret: the provider would write the OIDC client secret in clear text into the YAML files; use externalSecret or existingSecret");
        if (deploy.RenderYamlToDirectory is not null && deploy.ProtectData)
            problems.Error(FullKey("deploy.renderYamlToDirectory"), "cannot be used with protectData: a stack that renders files deploys nothing to protect");
    }

    /// <summary>
    /// In mode pulumiSecret both OIDC values must be set, and the client secret only as a Pulumi secret;
    /// in the other modes they would be ignored, which is worth a warning.
    /// </summary>
    private static void CheckSecretKeys(SecretMode mode, IReadOnlyDictionary<string, JsonNode?> values, Problems problems)
    {
        foreach (var key in SecretKeys)
        {
            values.TryGetValue(key, out var node);
            var isSet = node is not null;
            var fullKey = FullKey(key);
            var howToSet = $"set it with: pulumi config set --secret {fullKey} <value>";
            // A client secret in clear text is wrong whatever the mode: the file is already the leak.
            if (isSet && key == OidcClientSecretKey && !ConfigSection.IsPulumiSecret(node))
                problems.Error(fullKey, $"is in clear text in the stack file; remove it and {howToSet}");
            else if (isSet && mode != SecretMode.PulumiSecret)
                problems.Warning(fullKey, "is only used with srcnet:secret.mode pulumiSecret; it is ignored");
            else if (!isSet && mode == SecretMode.PulumiSecret)
                problems.Error(fullKey, $"is required with srcnet:secret.mode pulumiSecret; {howToSet}");
        }
    }
}
