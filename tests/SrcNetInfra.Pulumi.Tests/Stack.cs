using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Testing;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>One run of the program against mocks, from a stack file of the repository or from YAML text.</summary>
public sealed record Stack(Mocks Mocks, DeployedEnvironment Deployed, ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)
{
    public const string ClientSecretValue = "TOPSECRET-client-secret-value";
    public const string ClientIdValue = "client-id-value-7f3a";

    public static string Root { get; } = FindRoot();

    public static string FileOf(string stack) =>
        stack == "dev" ? Path.Combine(Root, "Pulumi.dev.yaml") : Path.Combine(Root, "stacks", $"Pulumi.{stack}.yaml");

    public static Task<Stack> OfFile(string stack) => OfYaml(stack, File.ReadAllText(FileOf(stack)));

    /// <summary>
    /// Reads the YAML as the CLI does and hands it to the program as Pulumi's Config would: objects as
    /// JSON, and any secret keys as Pulumi secrets with known test values.
    /// </summary>
    public static async Task<Stack> OfYaml(string stackName, string yaml)
    {
        var problems = new Problems();
        var file = StackFile.Parse($"Pulumi.{stackName}.yaml", yaml, problems) ?? throw new InvalidOperationException(string.Join("\n", problems.All));
        var values = new Dictionary<string, JsonNode?>(file.Srcnet.Where(kv => StackConfig.ObjectKeys.Contains(kv.Key)), StringComparer.Ordinal);
        Output<string>? clientId = null, clientSecret = null;
        if (file.Srcnet.ContainsKey(StackConfig.OidcClientIdKey))
        {
            clientId = Output.CreateSecret(ClientIdValue);
            values[StackConfig.OidcClientIdKey] = StackSettings.SecretMarker();
        }
        if (file.Srcnet.ContainsKey(StackConfig.OidcClientSecretKey))
        {
            clientSecret = Output.CreateSecret(ClientSecretValue);
            values[StackConfig.OidcClientSecretKey] = StackSettings.SecretMarker();
        }
        var settings = new StackSettings(stackName, values, clientId, clientSecret);

        var mocks = new Mocks();
        DeployedEnvironment? deployed = null;
        var (resources, outputs) = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false, StackName = stackName, ProjectName = "srcnet-infra" }, () =>
        {
            deployed = EnvironmentStack.Deploy(settings);
            return deployed.Outputs;
        });
        return new Stack(mocks, deployed!, resources, outputs);
    }

    /// <summary>
    /// The dev stack's srcnet: objects in mode pulumiSecret, as the PULUMI_CONFIG JSON the language
    /// host gives a program (keys namespace:key, structured values as JSON text).
    /// </summary>
    public static string DevConfigJson()
    {
        var problems = new Problems();
        var yaml = File.ReadAllText(FileOf("dev")).Replace("    mode: externalSecret\n", "    mode: pulumiSecret\n", StringComparison.Ordinal);
        var file = StackFile.Parse("Pulumi.dev.yaml", yaml, problems)!;
        var config = new JsonObject();
        foreach (var (key, value) in file.Srcnet) config[StackConfig.FullKey(key)] = value!.ToJsonString();
        config[StackConfig.FullKey(StackConfig.OidcClientIdKey)] = ClientIdValue;
        config[StackConfig.FullKey(StackConfig.OidcClientSecretKey)] = ClientSecretValue;
        return config.ToJsonString();
    }

    public static async Task<T> Value<T>(Output<T> output)
    {
        var source = new TaskCompletionSource<T>();
        output.Apply(v => { source.SetResult(v); return v; });
        return await source.Task;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SrcNetInfra.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SrcNetInfra.sln not found");
    }
}
