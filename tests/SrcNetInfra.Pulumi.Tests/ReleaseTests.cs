using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

public class ReleaseTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_release_gets_chart_version_repository_and_Cores_values(string stackName)
    {
        var stack = await Stack.OfFile(stackName);
        var release = stack.Mocks.Single("kubernetes:helm.sh/v3:Release", "ingestor");
        var expected = IngestorRelease.For(stack.Deployed.Environment);
        Assert.Equal("ska-src-dm-di-ingestor", release.Inputs["chart"]);
        Assert.Equal("0.1.1", release.Inputs["version"]);
        Assert.Equal("ingestor", release.Inputs["name"]);
        Assert.Equal(expected.Namespace, release.Inputs["namespace"]);
        Assert.Equal("https://gitlab.com/api/v4/projects/51600992/packages/helm/stable", Values.At(release.Inputs["repositoryOpts"], "repo"));
        Assert.Equal(Values.Canonical(PlainValues.FromValue(expected.Values)), Values.Canonical(release.Inputs["values"]));
        Assert.Equal(false, release.Inputs["createNamespace"]);
    }

    [Fact]
    public async Task The_values_size_the_ingest_area_from_the_estimate()
    {
        var stack = await Stack.OfFile("prod");
        var release = stack.Mocks.Single("kubernetes:helm.sh/v3:Release", "ingestor");
        Assert.Equal(stack.Deployed.Environment.Sizing.IngestRequest.Text, Values.At(release.Inputs["values"], "persistence", "size"));
        Assert.Equal("\"false\"", Values.Canonical(Values.At(release.Inputs["values"], "config", "debug")));
    }
}
