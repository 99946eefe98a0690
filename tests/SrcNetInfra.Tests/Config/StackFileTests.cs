using System.Text.Json;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// Reading a stack file's YAML: the srcnet: keys only, YAML 1.2 core-schema scalars (as Pulumi's CLI
/// reads them), and problems instead of exceptions for files that are not what Pulumi writes.
/// </summary>
public class StackFileTests
{
    private static (StackFile? File, Problems Problems) Read(string yaml, string path = Stacks.FileName)
    {
        var problems = new Problems();
        return (StackFile.Parse(path, yaml, problems), problems);
    }

    [Theory]
    [InlineData("Pulumi.dev.yaml", "dev")]
    [InlineData("stacks/Pulumi.prod.yaml", "prod")]
    [InlineData("/a/b/Pulumi.my-test.yml", "my-test")]
    public void The_stack_name_comes_from_the_file_name(string path, string stack) =>
        Assert.Equal(stack, StackFile.StackNameOf(path));

    [Fact]
    public void A_merge_key_brings_in_the_keys_a_map_does_not_set_itself_as_pulumi_reads_them()
    {
        // go-yaml v3, Pulumi's stack file reader, merges `<<` (decode.go isMerge); explicit keys win,
        // and of several merged maps the earlier one.
        var (file, problems) = Read("""
            config:
              srcnet:workflow:
                resources:
                  requests: &small {cpu: "2", memory: 8Gi}
                  limits:
                    <<: *small
                    cpu: "4"
              srcnet:quota:
                <<: [{requestsCpu: "8", pods: 6}, {requestsCpu: "1", limitsCpu: "16"}]
            """);
        Assert.Empty(problems.All);
        var limits = file!.Srcnet["workflow"]!["resources"]!["limits"]!.AsObject();
        Assert.Equal("4", (string?)limits["cpu"]);
        Assert.Equal("8Gi", (string?)limits["memory"]);
        Assert.False(limits.ContainsKey("<<"));
        var quota = file.Srcnet["quota"]!.AsObject();
        Assert.Equal("8", (string?)quota["requestsCpu"]);
        Assert.Equal("16", (string?)quota["limitsCpu"]);
        Assert.Equal(6L, (long?)quota["pods"]);
        Assert.False(quota.ContainsKey("<<"));
    }

    [Fact]
    public void A_merge_key_in_config_itself_brings_in_srcnet_sections()
    {
        var (file, problems) = Read("""
            config:
              site:defaults: &shared
                srcnet:quota: {pods: 6}
              <<: *shared
              srcnet:workflow: {mode: job}
            """);
        Assert.DoesNotContain(problems.All, p => p.IsError);
        Assert.Equal(["quota", "workflow"], file!.Srcnet.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        var (file, problems) = Read("""
            config:
              srcnet:quota:
                "<<": {pods: 6}
            """);
        Assert.Empty(problems.All);
        Assert.True(file!.Srcnet["quota"]!.AsObject().ContainsKey("<<"));
    }

    [Fact]
    public void Only_srcnet_keys_are_read_and_without_their_namespace()
    {
        var (file, problems) = Read("""
            config:
              kubernetes:context: kind
              pulumi:template: x
              srcnet:workflow:
                mode: job
              srcnet:oidcClientId: abc
            """);
        Assert.Empty(problems.All);
        Assert.NotNull(file);
        Assert.Equal(["oidcClientId", "workflow"], file.Srcnet.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", "is empty; a stack file (Pulumi.<stack>.yaml) has a config: section with srcnet: keys")]
    [InlineData("# only a comment\n", "is empty;")]
    [InlineData("{}\n", "is empty;")]
    [InlineData("config:\n", "has no srcnet: keys; a stack of this project sets at least srcnet:ingestor and srcnet:workflow")]
    [InlineData("encryptionsalt: abc\n", "has no srcnet: keys;")]
    [InlineData("config:\n  kubernetes:context: kind\n", "has no srcnet: keys;")]
    public void A_file_without_srcnet_keys_is_told_so_in_one_line(string yaml, string message)
    {
        // Not a "required" error for each of the four keys a stack must state.
        var result = Stacks.CheckText(yaml);
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.EndsWith(Stacks.FileName, problem.Key, StringComparison.Ordinal);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- a\n- b\n", "is not a stack file: it holds a list at the top")]
    [InlineData("just text\n", "is not a stack file: it holds a single value at the top")]
    [InlineData("config: [a, b]\n", "config: section must be a map")]
    public void A_file_that_is_not_a_stack_file_is_an_error_naming_the_file(string yaml, string fragment)
    {
        var (file, problems) = Read(yaml, "stacks/Pulumi.odd.yaml");
        Assert.Null(file);
        var problem = Assert.Single(problems.All);
        Assert.True(problem.IsError);
        Assert.Equal("stacks/Pulumi.odd.yaml", problem.Key);
        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config:\n  srcnet:workflow:\n    image:\n      tag: 'abc\n", 4)] // unclosed quote
    [InlineData("config:\n  srcnet:workflow:\n    image:\n   tag: x\n", 4)]    // indentation
    [InlineData("config:\n  srcnet:workflow: {mode: job\n", 3)]            // unclosed flow map at the end
    public void A_yaml_syntax_error_names_the_file_and_the_line(string yaml, int line)
    {
        var result = Stacks.CheckText(yaml);
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.True(problem.IsError);
        Assert.EndsWith(Stacks.FileName, problem.Key, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line},", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config:\n  srcnet:workflow:\n    resources: {cpu: \"4\"\n    mode: job\n")]
    [InlineData("config:\n  srcnet:workflow:\n    products: [dirty\n    mode: job\n")]
    public void An_unclosed_flow_collection_is_a_problem_not_a_crash(string yaml)
    {
        var (file, problems) = Read(yaml);
        Assert.Null(file);
        var problem = Assert.Single(problems.All);
        Assert.Equal(Stacks.FileName, problem.Key);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_indentation_error_names_its_line()
    {
        var (_, problems) = Read("config:\n  srcnet:workflow:\n\timage: x\n");
        var problem = Assert.Single(problems.All);
        Assert.Contains("line 3,", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_problem_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "srcnet-no-such-dir-" + Guid.NewGuid().ToString("N"), "Pulumi.x.yaml");
        var result = Core.Validation.EnvironmentCheck.RunFile(path);
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Key);
        Assert.Equal("no such file", problem.Message);
    }

    [Fact]
    public void Duplicate_keys_in_a_section_are_a_problem_naming_the_file()
    {
        // Which of two `tag:` lines wins is not something a user should have to guess.
        var yaml = Stacks.Valid.Replace("      tag: 0.34.0\n", "      tag: 0.34.0\n      tag: 0.35.0\n", StringComparison.Ordinal);
        Assert.NotEqual(Stacks.Valid, yaml);
        var result = Stacks.CheckText(yaml);
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.EndsWith(Stacks.FileName, problem.Key, StringComparison.Ordinal);
        Assert.Contains("tag", problem.Message, StringComparison.Ordinal);
        Assert.Contains("line 11,", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_srcnet_keys_are_a_problem_naming_the_file()
    {
        var result = Stacks.CheckText(Stacks.Valid + "  srcnet:workflow:\n    mode: cronjob\n");
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.EndsWith(Stacks.FileName, problem.Key, StringComparison.Ordinal);
        Assert.Contains("srcnet:workflow", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_key_that_is_not_a_scalar_is_a_problem_not_a_crash()
    {
        var (file, problems) = Read("config:\n  ? [a, b]\n  : c\n");
        Assert.Null(file);
        var problem = Assert.Single(problems.All);
        Assert.Equal(Stacks.FileName, problem.Key);
    }

    [Theory]
    [InlineData("srcnt:workflow")]
    [InlineData("SRCNET:workflow")]
    [InlineData("scrnet:workflow")]
    [InlineData("srnet:workflow")]
    public void A_near_miss_of_the_srcnet_namespace_is_an_error_naming_the_key_meant(string key)
    {
        // Ignoring it would deploy the defaults in silence.
        var result = Stacks.CheckText(Stacks.Valid + $"  {key}:\n    mode: cronjob\n");
        var error = Expect.Error(result, key, "write srcnet:workflow");
        Assert.StartsWith($"is in namespace '{key.Split(':')[0]}', not srcnet, so srcnet never reads it", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kubernetes:context")]
    [InlineData("pulumi:tags")]
    [InlineData("aws:region")]
    [InlineData("srcnet-infra:anything")]
    public void Other_namespaces_belong_to_pulumi_and_its_providers(string key) =>
        Expect.Clean(Stacks.CheckText(Stacks.Valid + $"  {key}: x\n"));

    // ----- YAML 1.2 core schema ----------------------------------------------------------------

    [Theory]
    [InlineData("16", JsonValueKind.Number)]
    [InlineData("-3", JsonValueKind.Number)]
    [InlineData("1.304e9", JsonValueKind.Number)]
    [InlineData(".5", JsonValueKind.Number)]
    [InlineData("true", JsonValueKind.True)]
    [InlineData("False", JsonValueKind.False)]
    [InlineData("\"16\"", JsonValueKind.String)]
    [InlineData("'true'", JsonValueKind.String)]
    [InlineData("!!str 16", JsonValueKind.String)]
    [InlineData("0.34.0", JsonValueKind.String)]
    [InlineData("64Gi", JsonValueKind.String)]
    [InlineData("yes", JsonValueKind.String)] // YAML 1.1 booleans are plain strings in 1.2
    [InlineData("on", JsonValueKind.String)]
    [InlineData("0x1F", JsonValueKind.String)]
    [InlineData("[a, 1]", JsonValueKind.Array)]
    [InlineData("{a: 1}", JsonValueKind.Object)]
    public void Scalars_follow_the_yaml_1_2_core_schema(string yaml, JsonValueKind kind) =>
        Assert.Equal(kind, Stacks.Value(yaml)!.GetValueKind());

    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    public void Null_words_are_null(string yaml) => Assert.Null(Stacks.Value(yaml));

    [Fact]
    public void A_null_key_means_the_default()
    {
        var result = Stacks.Check("srcnet:workflow.simulation.numTimeStamps", "~");
        Expect.Clean(result);
        Assert.Equal(24, result.Environment!.Spec.Workflow.Simulation.NumTimeStamps);
    }

    [Fact]
    public void A_number_is_accepted_where_a_quantity_string_is_expected()
    {
        Assert.Equal(JsonValueKind.Number, Stacks.Value("16")!.GetValueKind());
        var result = Stacks.Check(("srcnet:workflow.resources.requests.cpu", "16"), ("srcnet:quota.requestsCpu", "17"));
        Expect.Clean(result);
        Assert.Equal(16m, result.Environment!.Spec.Workflow.Resources.RequestsCpu.Value);
        Assert.Equal(17m, result.Environment.Spec.Quota.RequestsCpu.Value);
    }

    [Fact]
    public void A_fractional_number_is_accepted_as_a_cpu_quantity()
    {
        var result = Stacks.Check("srcnet:quota.containerDefaults.requestCpu", "0.25");
        Expect.Clean(result);
        Assert.Equal(0.25m, result.Environment!.Spec.Quota.ContainerDefaults.RequestCpu.Value);
    }

    [Fact]
    public void A_quoted_number_is_accepted_where_a_whole_number_is_expected()
    {
        var result = Stacks.Check("srcnet:workflow.simulation.numTimeStamps", "\"12\"");
        Expect.Clean(result);
        Assert.Equal(12, result.Environment!.Spec.Workflow.Simulation.NumTimeStamps);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    public void Booleans_may_be_quoted(string yaml, bool expected)
    {
        // The default of debug is false and of autoStart true: set both to the same value to see each read.
        var result = Stacks.Check(("srcnet:ingestor.config.debug", yaml), ("srcnet:ingestor.config.autoStart", yaml));
        Expect.Clean(result);
        Assert.Equal(expected, result.Environment!.Spec.Ingestor.Settings.Debug);
        Assert.Equal(expected, result.Environment.Spec.Ingestor.Settings.AutoStart);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("\"False\"")]
    [InlineData("1")]
    public void Only_true_and_false_are_booleans(string yaml) =>
        Expect.Error(Stacks.Check("srcnet:ingestor.config.debug", yaml), "srcnet:ingestor.config.debug", "must be true or false");

    [Theory]
    [InlineData("1.10")]
    [InlineData("2.0")]
    public void A_number_reads_as_the_text_pulumi_would_hand_to_the_program(string yaml)
    {
        // Pulumi reads a structured config value into Go values (a YAML float becomes a float64) and
        // hands the program json.Marshal of them, so `tag: 1.10` reaches `pulumi up` as 1.1. The CLI
        // must see the same text, or `srcnet render` shows an image tag that `pulumi up` does not deploy.
        var pulumi = double.Parse(yaml, System.Globalization.CultureInfo.InvariantCulture)
            .ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var result = Stacks.Check("srcnet:workflow.image.tag", yaml);
        Assert.True(result.Ok);
        Assert.Equal(pulumi, result.Environment!.Spec.Workflow.Image.Tag);
    }

    [Fact]
    public void Numbers_keep_their_value()
    {
        Assert.Equal(1_304_000_000m, Stacks.Value("1.304e9")!.GetValue<decimal>());
        Assert.Equal(17_750_000L, Stacks.Value("17750000")!.GetValue<long>());
        Assert.Equal(-0.5m, Stacks.Value("-.5")!.GetValue<decimal>());
    }

    [Fact]
    public void Maps_and_lists_nest()
    {
        var node = Stacks.Value("{requests: {cpu: \"4\", memory: 16Gi}, values: [\"true\", 2]}");
        var obj = Assert.IsType<JsonObject>(node);
        Assert.Equal("4", obj["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal("16Gi", obj["requests"]!["memory"]!.GetValue<string>());
        var list = Assert.IsType<JsonArray>(obj["values"]);
        Assert.Equal("true", list[0]!.GetValue<string>());
        Assert.Equal(2L, list[1]!.GetValue<long>());
    }
}
