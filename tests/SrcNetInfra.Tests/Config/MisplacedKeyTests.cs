using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// A section that srcnet and the Pulumi program would never read deploys the defaults in silence: any
/// key that looks like one of ours but is not written as one is an error naming the key it should be.
/// Pulumi files a config key without a namespace under the project's (pulumi/pulumi,
/// sdk/go/common/workspace/loaders.go, stackConfigNamespacedWithProject), which srcnet does not read.
/// </summary>
public class MisplacedKeyTests
{
    [Theory]
    [InlineData("quota", "srcnet:quota")]
    [InlineData("Quota", "srcnet:quota")]
    [InlineData("workflow", "srcnet:workflow")]
    [InlineData("secrets", "srcnet:secret")]
    [InlineData("oidcClientSecret", "srcnet:oidcClientSecret")]
    public void A_section_without_its_namespace_is_an_error(string key, string meant)
    {
        var error = Expect.Error(Stacks.CheckText(Stacks.Valid + $"  {key}:\n    pods: 3\n"), key, $"write {meant}");
        Assert.StartsWith("has no namespace, so Pulumi files it under the project's and srcnet never reads it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet.quota", "srcnet:quota")]
    [InlineData("srcnet_workflow", "srcnet:workflow")]
    [InlineData("srcnet/scratch", "srcnet:scratch")]
    [InlineData("srcnet-deploy", "srcnet:deploy")]
    [InlineData("srcnet.quota.requestsCpu", "srcnet:quota")]
    public void A_wrong_separator_is_an_error(string key, string meant) =>
        Expect.Error(Stacks.CheckText(Stacks.Valid + $"  {key}:\n    pods: 3\n"), key, $"write {meant}");

    [Theory]
    [InlineData("srcnet-infra:quota", "srcnet:quota")]       // the project's namespace, where Pulumi puts `quota:`
    [InlineData("SRCNET:quota", "srcnet:quota")]             // namespaces are case-sensitive
    [InlineData("Srcnet:workflow", "srcnet:workflow")]
    [InlineData("srcnt:nmespace", "srcnet:namespace")]
    public void A_wrong_namespace_is_an_error(string key, string meant)
    {
        var error = Expect.Error(Stacks.CheckText(Stacks.Valid + $"  {key}:\n    pods: 3\n"), key, $"write {meant}");
        Assert.StartsWith($"is in namespace '{key.Split(':')[0]}', not srcnet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_written_as_a_map_is_an_error()
    {
        var error = Expect.Error(Stacks.CheckText(Stacks.Valid + "  srcnet:\n    quota:\n      pods: 3\n"), "srcnet", "not as a namespace");
        Assert.Contains("such as srcnet:workflow", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kubernetes:namespace")]     // our section's name in a provider's namespace
    [InlineData("kubernetes:context")]
    [InlineData("pulumi:tags")]
    [InlineData("srcnet-infra:region")]      // the project's own key, nothing like ours
    [InlineData("region")]
    [InlineData("aws:region")]
    public void Other_keys_stay_allowed(string key) =>
        Expect.Clean(Stacks.CheckText(Stacks.Valid + $"  {key}: x\n"));

    [Fact]
    public void A_file_whose_sections_all_lack_the_namespace_gets_those_errors_only()
    {
        var result = Stacks.CheckText("config:\n  workflow:\n    image:\n      tag: 0.34.0\n  ingestor: {}\n");
        Assert.Equal(["ingestor", "workflow"], result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    // ----- top-level keys ----------------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:quota", "move it under config: as srcnet:quota")]
    [InlineData("quota", "move it under config: as srcnet:quota")]
    [InlineData("confg", "unknown top-level key (did you mean 'config'?); a stack file has config, secretsprovider, encryptedkey, encryptionsalt, environment")]
    [InlineData("encryptionSalt", "unknown top-level key (did you mean 'encryptionsalt'?)")]
    [InlineData("extra", "unknown top-level key; a stack file has config")]
    public void A_top_level_key_pulumi_does_not_read_is_an_error(string key, string fragment) =>
        Expect.Error(Stacks.CheckText(Stacks.Valid + $"{key}:\n  pods: 3\n"), key, fragment);

    [Fact]
    public void Pulumis_own_top_level_keys_are_allowed() =>
        Expect.Clean(Stacks.CheckText(Stacks.Valid + "secretsprovider: passphrase\nencryptedkey: abc\nencryptionsalt: v1:xyz\n"));

    [Fact]
    public void Imported_esc_environments_are_a_warning_that_their_config_is_not_checked() =>
        Expect.Warning(Stacks.CheckText(Stacks.Valid + "environment:\n  - srcnet/dev\n"), "environment", "srcnet does not check it");

    // ----- tags and documents --------------------------------------------------------------------

    [Theory]
    [InlineData("!Ref tag", "!Ref")]
    [InlineData("!!binary MC4zNC4w", "!!binary")]
    [InlineData("!!int 5", "!!int")]
    [InlineData("! 0.34.0", "!")]
    public void A_tagged_value_is_refused_not_reinterpreted(string value, string tag)
    {
        var yaml = Stacks.Valid.Replace("tag: 0.34.0", $"tag: {value}", StringComparison.Ordinal);
        var error = Expect.Error(Stacks.CheckText(yaml), tag, "is a YAML tag (line 10, column 12)");
        Assert.Contains("remove the tag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tagged_map_is_refused() =>
        Expect.Error(Stacks.CheckText(Stacks.Valid + "  srcnet:quota: !!map {pods: 3}\n"), "!!map", "is a YAML tag");

    [Fact]
    public void A_second_document_is_refused()
    {
        var result = Stacks.CheckText(Stacks.Valid + "---\nconfig:\n  srcnet:quota: {pods: 1}\n");
        var problem = Assert.Single(result.Problems);
        Assert.Contains("holds 2 YAML documents (the second starts at line 12); a stack file is one document, and Pulumi reads only the first", problem.Message, StringComparison.Ordinal);
    }

    // ----- files of other kinds --------------------------------------------------------------------

    [Theory]
    [InlineData("Pulumi.yaml", "is a Pulumi project file (Pulumi.yaml), not a stack file")]
    [InlineData(".github/workflows/pull-request.yml", "is a GitHub Actions workflow, not a stack file")]
    [InlineData("tests/SrcNetInfra.Tests/Golden/dev/manifests.yaml", "is a Kubernetes manifest (Namespace), as srcnet render writes them, not a stack file")]
    [InlineData("tests/SrcNetInfra.Tests/Golden/dev/ingestor-values.yaml", "is not a stack file: its top-level keys are image, config, persistence, secrets")]
    [InlineData("tests/SrcNetInfra.Tests/Golden/dev/ingestor-release.yaml", "is not a stack file: its top-level keys are release, namespace, chart")]
    public void A_file_of_another_kind_is_told_what_it_is_in_one_line(string file, string message)
    {
        var run = CliRun.AtRoot("validate", "--config-file", file);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"{file}: error: {file}: {message}", line, StringComparison.Ordinal);
    }
}
