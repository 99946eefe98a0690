using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>The ingestor's Helm release as the engine receives it.</summary>
public class ReleaseTests
{
    private const string ReleaseType = "kubernetes:helm.sh/v3:Release";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_release_gets_chart_version_repository_and_Cores_values(string name)
    {
        var stack = StackUnderTest.File(name);
        var release = (await ProgramRun.Of(stack)).Succeeded().Request(ReleaseType, "ingestor");
        var expected = stack.Plan().Ingestor;
        Assert.Equal("ska-src-dm-di-ingestor", release.Inputs["chart"]);
        Assert.Equal("0.1.1", release.Inputs["version"]);
        Assert.Equal(expected.Name, release.Inputs["name"]);
        Assert.Equal(expected.Namespace, release.Inputs["namespace"]);
        Assert.Equal("https://gitlab.com/api/v4/projects/51600992/packages/helm/stable", Values.At(release.Inputs["repositoryOpts"], "repo"));
        Assert.Equal(Values.Canonical(PlainValues.FromValue(expected.Values)), Values.Canonical(release.Inputs["values"]));
        // The chart uses the stack's claim and never makes its own (the stack keeps the data).
        Assert.Equal(IngestAreaClaim.Name, Values.At(release.Inputs["values"], "persistence", "existingClaim"));
        // The namespace is the stack's, with its quota and labels.
        Assert.Equal(false, release.Inputs["createNamespace"]);
    }

    [Fact]
    public async Task A_registrys_chart_is_given_by_its_reference_and_digest_without_repository_options()
    {
        // pulumi-kubernetes v4.32.0 provider/pkg/provider/helm_release.go resolveChartName: an oci://
        // chart is passed to Helm as it is; with repositoryOpts.repo set instead, Helm would look for
        // an index.yaml the registry does not have (helm v3.20 pkg/repo/chartrepo.go DownloadIndexFile).
        const string digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var stack = StackUnderTest.File("prod")
            .With("  srcnet:ingestor:\n", $"  srcnet:ingestor:\n    repository: oci://registry.example.org/charts\n    digest: {digest}\n");
        var release = (await ProgramRun.Of(stack)).Succeeded().Request(ReleaseType, "ingestor");
        Assert.Equal($"oci://registry.example.org/charts/ska-src-dm-di-ingestor@{digest}", release.Inputs["chart"]);
        Assert.Equal("0.1.1", release.Inputs["version"]);
        Assert.False(release.Inputs.ContainsKey("repositoryOpts"));
    }

    [Fact]
    public async Task A_failed_install_or_upgrade_rolls_back_within_a_bounded_time_and_history()
    {
        var stack = StackUnderTest.File("prod");
        var release = (await ProgramRun.Of(stack)).Succeeded().Request(ReleaseType, "ingestor");
        var expected = stack.Plan().Ingestor;
        // helm_release.go (pulumi-kubernetes v4.32.0): atomic rolls back a failed upgrade, cleanupOnFail
        // deletes what it created, timeout is per operation (seconds), maxHistory bounds the revisions kept.
        Assert.Equal(true, release.Inputs["atomic"]);
        Assert.Equal(true, release.Inputs["cleanupOnFail"]);
        Assert.Equal((double)expected.TimeoutSeconds, release.Inputs["timeout"]);
        Assert.Equal((double)expected.MaxHistory, release.Inputs["maxHistory"]);
        Assert.True(expected.TimeoutSeconds > 0 && expected.MaxHistory > 0);
    }

    [Fact]
    public async Task The_values_size_the_ingest_area_as_the_claim_does()
    {
        var stack = StackUnderTest.File("prod");
        var run = (await ProgramRun.Of(stack)).Succeeded();
        var size = Values.At(run.Request("kubernetes:core/v1:PersistentVolumeClaim", "ingest-area").Inputs, "spec", "resources", "requests", "storage");
        Assert.Equal("20Gi", size);
        Assert.Equal(size, Values.At(run.Request(ReleaseType, "ingestor").Inputs["values"], "persistence", "size"));
    }
}
