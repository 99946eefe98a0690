using k8s;
using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

public class RenderCommandTests
{
    [Fact]
    public void Stdout_is_multi_document_yaml_starting_with_the_namespace()
    {
        var run = CliRun.AtRoot("render", "--stack", "dev");
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var objects = KubernetesYaml.LoadAllFromString(run.Out, new Dictionary<string, Type>(CustomResourceTypes.Map));
        Assert.IsType<V1Namespace>(objects[0]);
        Assert.IsType<V1Job>(objects[^1]);
    }

    [Fact]
    public void Out_writes_the_three_files_and_says_so_on_stderr()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "rendered", "dev");
        var run = CliRun.AtRoot("render", "--stack", "dev", "--out", target);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("wrote manifests.yaml", run.Error);
        Assert.True(File.Exists(Path.Combine(target, Manifests.ManifestsFileName)));
        var values = File.ReadAllText(Path.Combine(target, Manifests.ValuesFileName));
        Assert.Contains("rucio_ingest_rse_name: CHSRC_XRD_DEV", values);
        var release = File.ReadAllText(Path.Combine(target, Manifests.ReleaseFileName));
        Assert.Contains("command: helm upgrade --install ingestor ska-src-dm-di-ingestor --repo https://gitlab.com/api/v4/projects/51600992/packages/helm/stable --version 0.1.1 --namespace srcnet-dev --values ingestor-values.yaml", release);
        Assert.DoesNotContain(Directory.EnumerateFiles(target), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_config_error_writes_nothing()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.bad.yaml", MinimalStack.Yaml.Replace("tag: 0.34.0", "tag: 0.34.0\n    products: []", StringComparison.Ordinal));
        var target = Path.Combine(dir.Path, "out");
        var run = CliRun.In(dir.Path, "render", "--config-file", file, "--out", target);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: srcnet:workflow.products: must name at least one of visibility, dirty, cleaned", run.Error);
        Assert.False(Directory.Exists(target));
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Run_id_renders_a_deployed_run_exactly()
    {
        var run = CliRun.AtRoot("render", "--stack", "dev", "--run-id", "1a2b3c4d");
        Assert.Equal(0, run.ExitCode);
        var job = KubernetesYaml.LoadAllFromString(run.Out, new Dictionary<string, Type>(CustomResourceTypes.Map)).OfType<V1Job>().Single();
        Assert.Equal("karabo-aastar-1a2b3c4d", job.Metadata.Name);
        var env = job.Spec.Template.Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("1a2b3c4d_SKAMID_Karabo", env["OBS_ID"]);
        Assert.Equal("1a2b3c4d-SKAMID-Karabo", env["FILE_PREFIX"]);
        // The header says where the id came from: the flag, not the run's inputs.
        Assert.Contains("# Run id 1a2b3c4d was given with --run-id: this is the Job `pulumi up` deployed with stack output runId 1a2b3c4d.", run.Out);
        Assert.DoesNotContain("derived from the run's inputs", run.Out);
    }

    [Theory]
    [InlineData("dev", "XYZ", "--run-id: must be 8 lower-case hex digits")]
    [InlineData("dev", "1A2B3C4D", "--run-id: must be 8 lower-case hex digits")]
    [InlineData("prod", "1a2b3c4d", "--run-id: only applies to a stack whose srcnet:workflow.mode is job")]
    public void Bad_run_ids_are_usage_errors(string stack, string runId, string message)
    {
        var run = CliRun.AtRoot("render", "--stack", stack, "--run-id", runId);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_stack_is_required()
    {
        var run = CliRun.AtRoot("render");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("srcnet: give --stack NAME or --config-file PATH", run.ErrorLines.Single());
    }

    [Fact]
    public void Out_that_is_a_file_is_a_usage_error()
    {
        using var dir = new TempDir();
        var file = dir.Write("taken", "x");
        var run = CliRun.AtRoot("render", "--stack", "dev", "--out", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out:", run.Error);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Stacks_are_found_from_a_subdirectory_of_the_project()
    {
        var run = CliRun.In(Path.Combine(Repo.Root, "stacks"), "render", "--stack", "dev");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("stack dev", run.Out);
    }

    [Fact]
    public void A_pulumi_secret_never_reaches_the_output()
    {
        using var dir = new TempDir();
        const string cipher = "v1:SUPERSECRETCIPHERTEXT";
        var yaml = MinimalStack.Yaml + $$"""

              srcnet:secret:
                mode: pulumiSecret
              srcnet:oidcClientId:
                secure: {{cipher}}1
              srcnet:oidcClientSecret:
                secure: {{cipher}}2
            """;
        var file = dir.Write("Pulumi.sec.yaml", yaml);
        var target = Path.Combine(dir.Path, "out");
        var toStdout = CliRun.In(dir.Path, "render", "--config-file", file);
        var toFiles = CliRun.In(dir.Path, "render", "--config-file", file, "--out", target);
        var validate = CliRun.In(dir.Path, "validate", "--config-file", file);
        var estimate = CliRun.In(dir.Path, "estimate", "--config-file", file, "--json");
        Assert.Equal(0, toStdout.ExitCode);
        Assert.Equal(0, toFiles.ExitCode);
        foreach (var text in new[] { toStdout.Out, toStdout.Error, toFiles.Error, validate.Out, validate.Error, estimate.Out, estimate.Error }
                     .Concat(Directory.EnumerateFiles(target).Select(File.ReadAllText)))
        {
            Assert.DoesNotContain("SUPERSECRET", text);
        }
        Assert.Contains("Secret datalake-ingestion is created by `pulumi up` from the Pulumi secrets srcnet:oidcClientId and srcnet:oidcClientSecret", toStdout.Out);
        Assert.DoesNotContain("kind: Secret\n", toStdout.Out);
        // The way to make it by hand must not put the secret on a command line.
        Assert.Contains("--from-file=oidc-client-secret=./oidc-client-secret", toStdout.Out);
        Assert.DoesNotContain("--from-literal", toStdout.Out);
    }
}
