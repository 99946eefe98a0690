namespace SrcNetInfra.Tests.Config;

/// <summary>
/// The OIDC client id and secret: Pulumi secrets (<c>{secure: ciphertext}</c>) in mode pulumiSecret,
/// never in clear, never anywhere else, and the ciphertext never repeated in a message.
/// </summary>
public class SecretKeyTests
{
    private const string Cipher = "v1:SUPERSECRETCIPHER";
    private const string Secure = "{secure: " + Cipher + "}";
    private const string PulumiSecretMode = "pulumiSecret";

    [Fact]
    public void Both_oidc_values_as_pulumi_secrets_are_accepted_in_mode_pulumiSecret()
    {
        var result = Stacks.Check(
            ("srcnet:secret.mode", PulumiSecretMode),
            ("srcnet:oidcClientId", Secure),
            ("srcnet:oidcClientSecret", Secure));
        Expect.Clean(result);
        Assert.Equal(Core.Model.SecretMode.PulumiSecret, result.Environment!.Spec.Secret.Mode);
    }

    [Fact]
    public void A_clear_text_client_id_is_accepted_in_mode_pulumiSecret()
    {
        // Only the client secret must be encrypted; an OIDC client id is not a credential by itself.
        Expect.Clean(Stacks.Check(
            ("srcnet:secret.mode", PulumiSecretMode),
            ("srcnet:oidcClientId", "ingestor-client"),
            ("srcnet:oidcClientSecret", Secure)));
    }

    [Theory]
    [InlineData("externalSecret")]
    [InlineData("existingSecret")]
    [InlineData("pulumiSecret")]
    public void A_clear_text_client_secret_is_an_error_in_every_mode(string mode)
    {
        var result = Stacks.Check(
            ("srcnet:secret.mode", mode),
            ("srcnet:oidcClientId", Secure),
            ("srcnet:oidcClientSecret", "plain-text-value"));
        var error = Expect.Error(result, "srcnet:oidcClientSecret", "clear text");
        Assert.Contains("pulumi config set --secret srcnet:oidcClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-text-value", string.Join("\n", result.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet:oidcClientSecret", "srcnet:oidcClientId")]
    [InlineData("srcnet:oidcClientId", "srcnet:oidcClientSecret")]
    public void A_missing_oidc_value_in_mode_pulumiSecret_says_how_to_set_it(string missing, string present)
    {
        var result = Stacks.Check(("srcnet:secret.mode", PulumiSecretMode), (present, Secure));
        var error = Expect.Error(result, missing, "required with srcnet:secret.mode pulumiSecret");
        Assert.Contains($"pulumi config set --secret {missing}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_missing_in_mode_pulumiSecret_are_two_errors()
    {
        var result = Stacks.Check("srcnet:secret.mode", PulumiSecretMode);
        Assert.False(result.Ok);
        Assert.Equal(["srcnet:oidcClientId", "srcnet:oidcClientSecret"], result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_null_client_secret_counts_as_missing()
    {
        var result = Stacks.Check(("srcnet:secret.mode", PulumiSecretMode), ("srcnet:oidcClientId", Secure), ("srcnet:oidcClientSecret", "~"));
        Expect.Error(result, "srcnet:oidcClientSecret", "pulumi config set --secret srcnet:oidcClientSecret");
    }

    [Theory]
    [InlineData("externalSecret", "srcnet:oidcClientId")]
    [InlineData("externalSecret", "srcnet:oidcClientSecret")]
    [InlineData("existingSecret", "srcnet:oidcClientId")]
    [InlineData("existingSecret", "srcnet:oidcClientSecret")]
    public void A_pulumi_secret_in_another_mode_is_ignored_with_a_warning(string mode, string key) =>
        Expect.Warning(Stacks.Check(("srcnet:secret.mode", mode), (key, Secure)), key, "only used with srcnet:secret.mode pulumiSecret");

    [Theory]
    [InlineData("srcnet:workflow.image.tag")]
    [InlineData("srcnet:ingestor.config.rucioCfgClientAccount")]
    [InlineData("srcnet:workflow.simulation.numTimeStamps")]
    [InlineData("srcnet:quota.requestsCpu")]
    [InlineData("srcnet:ingestor.config.debug")]
    [InlineData("srcnet:workflow.products")]
    [InlineData("srcnet:workflow.simulation")]
    [InlineData("srcnet:deploy")]
    public void A_pulumi_secret_anywhere_else_is_an_error(string key)
    {
        var result = Stacks.Check(key, Secure);
        Assert.False(result.Ok);
        Assert.All(result.Errors, e => Assert.Equal(key, e.Key));
        Assert.Contains(result.Errors, e => e.Message.Contains("only srcnet:oidcClientId and srcnet:oidcClientSecret may be secrets", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pulumi_secret_as_a_list_item_is_an_error_at_that_item()
    {
        var result = Stacks.Check("srcnet:workflow.nodeAffinity", "[" + Secure + "]");
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Key == "srcnet:workflow.nodeAffinity[0]" && e.Message.Contains("may be secrets", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ciphertext_never_appears_in_a_problem()
    {
        // Every place a secure value can end up, at once, in a file read the way srcnet validate reads it.
        var yaml = $$"""
            config:
              srcnet:oidcClientId: {{Secure}}
              srcnet:oidcClientSecret: {{Secure}}
              srcnt:oidcClientSecret: {{Secure}}
              srcnet:password: {{Secure}}
              srcnet:namespace:
                labels:
                  team: {{Secure}}
              srcnet:ingestor:
                image: {{Secure}}
                config:
                  rucioIngestRseName: {{Secure}}
                  rucioCfgClientAccount: service_test_ingestion
                  debug: {{Secure}}
                  frequency: {{Secure}}
                persistence:
                  storageClass: cephfs
                  size: {{Secure}}
              srcnet:workflow:
                image:
                  tag: {{Secure}}
                products: [{{Secure}}]
                nodeAffinity:
                  - {{Secure}}
                  - key: hpc
                    values: [{{Secure}}]
                simulation:
                  startFreqHz: {{Secure}}
                  imagingCellsize: {{Secure}}
                metadata: {secure: {{Cipher}}, other: x}
              srcnet:deploy: {{Secure}}
            """;
        var result = Stacks.CheckText(yaml);
        Assert.False(result.Ok);
        Assert.True(result.Problems.Count >= 10, "expected a problem per misplaced secret, got:\n" + string.Join("\n", result.Problems));
        foreach (var problem in result.Problems)
            Assert.DoesNotContain("SUPERSECRETCIPHER", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ciphertext_never_appears_in_a_yaml_syntax_error()
    {
        var result = Stacks.CheckText($"config:\n  srcnet:oidcClientSecret: {{secure: {Cipher}\n");
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.IsError);
        Assert.DoesNotContain("SUPERSECRETCIPHER", problem.ToString(), StringComparison.Ordinal);
    }
}
