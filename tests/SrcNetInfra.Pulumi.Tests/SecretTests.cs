using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>The OIDC client secret in its three modes, and where its value may and may not go.</summary>
public class SecretTests
{
    private const string SecretType = "kubernetes:core/v1:Secret";
    private static readonly StackUnderTest PulumiSecretStack = StackUnderTest.File("test").WithPulumiSecrets();

    [Fact]
    public async Task Mode_pulumiSecret_makes_a_kubernetes_secret_from_the_stacks_pulumi_secrets()
    {
        var run = (await ProgramRun.Of(PulumiSecretStack)).Succeeded();
        var secret = run.Request(SecretType, "oidc-client");
        Assert.Equal("datalake-ingestion", Values.At(secret.Inputs, "metadata", "name"));
        Assert.Equal("srcnet-test", Values.At(secret.Inputs, "metadata", "namespace"));
        Assert.Equal("Opaque", secret.Inputs["type"]);
        Assert.Equal(StackUnderTest.ClientIdValue, Values.At(secret.Inputs, "stringData", "oidc-client-id"));
        Assert.Equal(StackUnderTest.ClientSecretValue, Values.At(secret.Inputs, "stringData", "oidc-client-secret"));
        // Sent to the engine as a secret, so it is encrypted in the state and hidden in every diff.
        var wire = (await run.Resource("oidc-client").Registration.Wire).Inputs;
        Assert.True(WireInputs.IsSecret(wire["stringData"]));
        Assert.False(WireInputs.IsSecret(wire["metadata"]));
        // The release waits for it, through the ingest area.
        Assert.Equal(["oidc-client"], run.Resource("ingest-area").DependsOn);
        Assert.DoesNotContain(run.Requests, r => r.Type!.Contains("external-secrets.io", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_secret_value_appears_in_no_other_input_no_output_and_nothing_logged()
    {
        var run = (await ProgramRun.Of(PulumiSecretStack)).Succeeded();
        var secret = run.Request(SecretType, "oidc-client");
        string[] values = [StackUnderTest.ClientSecretValue, StackUnderTest.ClientIdValue];
        foreach (var request in run.Requests.Where(r => r != secret))
            Assert.DoesNotContain(values, v => Values.Canonical(request.Inputs).Contains(v, StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => Values.Canonical(secret.Inputs.Remove("stringData")).Contains(v, StringComparison.Ordinal));
        Assert.NotEmpty(run.Outputs);
        Assert.DoesNotContain(values, v => Values.Canonical(run.Outputs.ToDictionary(o => o.Key, o => o.Value.Value)).Contains(v, StringComparison.Ordinal));
        Assert.NotEmpty(run.Log);
        Assert.DoesNotContain(values, v => run.LogText.Contains(v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_secret_set_in_clear_text_fails_like_srcnet_validate()
    {
        var run = await ProgramRun.Of(StackUnderTest.File("test").WithPulumiSecrets(clearText: StackConfig.OidcClientSecretKey));
        Assert.NotNull(run.Error);
        Assert.Contains(run.Log, l => l.Level == "ERR" && l.Message.StartsWith("error: srcnet:oidcClientSecret: is in clear text in the stack file", StringComparison.Ordinal));
        Assert.DoesNotContain(StackUnderTest.ClientSecretValue, run.LogText, StringComparison.Ordinal);
        Assert.DoesNotContain(StackUnderTest.ClientSecretValue, run.Error!.ToString(), StringComparison.Ordinal);
        Assert.Empty(run.KubernetesRequests);
    }

    [Fact]
    public async Task Mode_externalSecret_declares_the_operator_objects_and_no_secret()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("test"))).Succeeded();
        Assert.DoesNotContain(run.Requests, r => r.Type == SecretType);
        Assert.Equal(
            ["ServiceAccount", "ClusterRoleBinding", "SecretStore", "ExternalSecret"],
            run.KubernetesRequests.Select(r => (string)r.Inputs.GetValueOrDefault("kind", "")).Where(k => k is "ServiceAccount" or "ClusterRoleBinding" or "SecretStore" or "ExternalSecret"));
    }

    [Fact]
    public async Task Mode_existingSecret_declares_nothing_for_the_secret()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("test").With("    mode: externalSecret\n", "    mode: existingSecret\n"))).Succeeded();
        Assert.DoesNotContain(run.Requests, r => r.Type == SecretType || r.Type!.Contains("external-secrets.io", StringComparison.Ordinal) || r.Name == "vault-auth");
        Assert.Equal(["container-defaults"], run.Resource("ingest-area").DependsOn);
    }
}
