namespace SrcNetInfra.Pulumi.Tests;

public class SecretTests
{
    private static string PulumiSecretStack => File.ReadAllText(Stack.FileOf("test")).Replace(
        "  srcnet:secret:\n    mode: externalSecret\n",
        "  srcnet:secret:\n    mode: pulumiSecret\n  srcnet:oidcClientId:\n    secure: v1:abc\n  srcnet:oidcClientSecret:\n    secure: v1:def\n",
        StringComparison.Ordinal);

    [Fact]
    public async Task Mode_pulumiSecret_makes_a_kubernetes_secret_from_the_pulumi_secrets()
    {
        var stack = await Stack.OfYaml("test", PulumiSecretStack);
        var secret = stack.Mocks.Single("kubernetes:core/v1:Secret", "oidc-client");
        Assert.Equal("datalake-ingestion", Values.At(secret.Inputs["metadata"], "name"));
        Assert.Equal("srcnet-test", Values.At(secret.Inputs["metadata"], "namespace"));
        Assert.Equal(Stack.ClientIdValue, Values.At(secret.Inputs["stringData"], "oidc-client-id"));
        Assert.Equal(Stack.ClientSecretValue, Values.At(secret.Inputs["stringData"], "oidc-client-secret"));
        Assert.Equal("oidc-client", stack.Deployed.DependsOn["ingestor"]);
        Assert.DoesNotContain(stack.Mocks.Resources, r => r.Name == "secret-access");
    }

    [Fact]
    public async Task No_other_input_and_no_output_holds_the_secret_value()
    {
        var stack = await Stack.OfYaml("test", PulumiSecretStack);
        foreach (var resource in stack.Mocks.Resources.Where(r => r.Type != "kubernetes:core/v1:Secret"))
        {
            var inputs = Values.Canonical(resource.Inputs);
            Assert.DoesNotContain(Stack.ClientSecretValue, inputs, StringComparison.Ordinal);
            Assert.DoesNotContain(Stack.ClientIdValue, inputs, StringComparison.Ordinal);
        }
        foreach (var (_, value) in stack.Outputs)
        {
            var resolved = value is global::Pulumi.Output<object> output ? await Stack.Value(output) : value;
            Assert.DoesNotContain(Stack.ClientSecretValue, Values.Canonical(resolved), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Mode_externalSecret_declares_the_operator_objects_and_no_secret()
    {
        var stack = await Stack.OfFile("test");
        Assert.DoesNotContain(stack.Mocks.Resources, r => r.Type == "kubernetes:core/v1:Secret");
        var kinds = Values.List(stack.Mocks.Single("kubernetes:yaml/v2:ConfigGroup", "secret-access").Inputs["objs"])
            .Select(o => (string)Values.At(o, "kind")!).ToList();
        Assert.Equal(["ServiceAccount", "ClusterRoleBinding", "SecretStore", "ExternalSecret"], kinds);
    }

    [Fact]
    public async Task Mode_existingSecret_declares_nothing_for_the_secret()
    {
        var yaml = File.ReadAllText(Stack.FileOf("test")).Replace("    mode: externalSecret\n", "    mode: existingSecret\n", StringComparison.Ordinal);
        var stack = await Stack.OfYaml("test", yaml);
        Assert.DoesNotContain(stack.Mocks.Resources, r => r.Type == "kubernetes:core/v1:Secret" || r.Name == "secret-access");
        Assert.Equal("limits", stack.Deployed.DependsOn["ingestor"]);
    }
}

/// <summary>
/// Reads config the way `pulumi up` hands it to the program (PULUMI_CONFIG and
/// PULUMI_CONFIG_SECRET_KEYS, as the language host sets them), through StackSettings.
/// </summary>
public class PulumiConfigTests
{
    private static async Task<Exception?> DeployWith(string secretKeysJson)
    {
        var devConfig = Stack.DevConfigJson();
        System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", devConfig);
        System.Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", secretKeysJson);
        try
        {
            await global::Pulumi.Deployment.TestAsync(new Mocks(), new global::Pulumi.Testing.TestOptions { IsPreview = false, StackName = "dev", ProjectName = "srcnet-infra" },
                () => EnvironmentStack.Deploy(StackSettings.FromPulumiConfig()).Outputs);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
            System.Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", null);
        }
    }

    [Fact]
    public async Task Secrets_set_as_pulumi_secrets_are_accepted()
    {
        Assert.Null(await DeployWith("[\"srcnet:oidcClientId\",\"srcnet:oidcClientSecret\"]"));
    }

    [Fact]
    public async Task A_client_secret_in_clear_text_fails_like_srcnet_validate()
    {
        var error = await DeployWith("[\"srcnet:oidcClientId\"]");
        Assert.NotNull(error);
        Assert.Contains("srcnet:oidcClientSecret: is in clear text in the stack file", error!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Stack.ClientSecretValue, error.ToString(), StringComparison.Ordinal);
    }
}
