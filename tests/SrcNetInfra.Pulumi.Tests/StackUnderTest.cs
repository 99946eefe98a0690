using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// A stack as `pulumi up` hands it to the program: its name and its stack file's <c>srcnet:</c> keys,
/// turned into the environment the language host sets (PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS).
/// </summary>
public sealed record StackUnderTest(string Name, string Yaml)
{
    /// <summary>The plain values the language host decrypts the <c>secure:</c> keys to.</summary>
    public const string ClientIdValue = "client-id-value-7f3a";
    public const string ClientSecretValue = "TOPSECRET-client-secret-value";

    public static string Root { get; } = FindRoot();

    public static string FileOf(string stack) =>
        stack == "dev" ? Path.Combine(Root, "Pulumi.dev.yaml") : Path.Combine(Root, "stacks", $"Pulumi.{stack}.yaml");

    /// <summary>A stack file of the repository, as it is.</summary>
    public static StackUnderTest File(string stack) => new(stack, System.IO.File.ReadAllText(FileOf(stack)));

    /// <summary>The same stack with <paramref name="from"/> replaced by <paramref name="to"/> (which must be there).</summary>
    public StackUnderTest With(string from, string to)
    {
        if (!Yaml.Contains(from, StringComparison.Ordinal))
            throw new InvalidOperationException($"stack {Name} has no '{from.TrimEnd()}' to change");
        return this with { Yaml = Yaml.Replace(from, to, StringComparison.Ordinal) };
    }

    /// <summary>The same stack with more lines at the end of its config (keys indented by two spaces).</summary>
    public StackUnderTest Plus(string lines) => this with { Yaml = Yaml.TrimEnd('\n') + "\n" + lines };

    /// <summary>
    /// The stack in mode pulumiSecret, its two OIDC values set with <c>pulumi config set --secret</c>
    /// (<c>secure:</c> in the file), except <paramref name="clearText"/>, set without it.
    /// </summary>
    public StackUnderTest WithPulumiSecrets(params string[] clearText) =>
        With("  srcnet:secret:\n    mode: externalSecret\n", "  srcnet:secret:\n    mode: pulumiSecret\n")
            .Plus(string.Join("", StackConfig.SecretKeys.Select(key => clearText.Contains(key)
                ? $"  srcnet:{key}: {PlainValueOf(key)}\n"
                : $"  srcnet:{key}:\n    secure: v1:encrypted-{key}\n")));

    /// <summary>
    /// PULUMI_CONFIG as the language host sets it: each key <c>srcnet:&lt;key&gt;</c>, structured values
    /// as JSON text, strings as they are, secure values decrypted.
    /// </summary>
    public string ConfigJson()
    {
        var config = new JsonObject();
        foreach (var (key, value) in Srcnet())
        {
            config[StackConfig.FullKey(key)] = value switch
            {
                JsonObject o when o.ContainsKey("secure") => PlainValueOf(key),
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                _ => value?.ToJsonString(),
            };
        }
        return config.ToJsonString();
    }

    /// <summary>PULUMI_CONFIG_SECRET_KEYS: the keys set with <c>secure:</c>.</summary>
    public string SecretKeysJson() =>
        new JsonArray([.. Srcnet().Where(kv => kv.Value is JsonObject o && o.ContainsKey("secure"))
            .Select(kv => (JsonNode)JsonValue.Create(StackConfig.FullKey(kv.Key)))]).ToJsonString();

    /// <summary>The environment Core checks from this stack file, as `srcnet validate` does.</summary>
    public CheckedEnvironment Environment() =>
        EnvironmentCheck.Run(Name, Srcnet()).Environment ?? throw new InvalidOperationException($"stack {Name} does not pass Core's checks");

    /// <summary>Core's plan for this stack; a Job's objects for <paramref name="runId"/>.</summary>
    public EnvironmentPlan Plan(string? runId = null) => Planner.Plan(Environment(), runId);

    private IReadOnlyDictionary<string, JsonNode?> Srcnet()
    {
        var problems = new Problems();
        var file = StackFile.Parse($"Pulumi.{Name}.yaml", Yaml, problems)
                   ?? throw new InvalidOperationException(string.Join("\n", problems.All));
        return file.Srcnet;
    }

    private static string PlainValueOf(string key) => key switch
    {
        StackConfig.OidcClientIdKey => ClientIdValue,
        StackConfig.OidcClientSecretKey => ClientSecretValue,
        _ => throw new ArgumentException($"{key} is not a secret key", nameof(key)),
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SrcNetInfra.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SrcNetInfra.sln not found");
    }
}
