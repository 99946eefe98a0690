using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

public class DeploymentPolicyTests
{
    private static readonly DeploySpec Production = new(null, null, ProtectData: true);
    private static readonly DeploySpec Test = new(null, null, ProtectData: false);

    [Fact]
    public void With_protectData_the_namespace_and_the_ingestor_are_protected()
    {
        // Deleting the namespace or uninstalling the release would delete the claim ingest-area.
        Assert.True(DeploymentPolicy.For(Lifecycle.Namespace, Production).Protect);
        Assert.True(DeploymentPolicy.ForIngestor(Production).Protect);
    }

    [Theory]
    [InlineData(Lifecycle.Limits)]
    [InlineData(Lifecycle.Secret)]
    [InlineData(Lifecycle.Scratch)]
    [InlineData(Lifecycle.Workload)]
    public void What_holds_no_ingested_data_is_never_protected(Lifecycle lifecycle)
    {
        Assert.False(DeploymentPolicy.For(lifecycle, Production).Protect);
        Assert.False(DeploymentPolicy.For(lifecycle, Test).Protect);
    }

    [Fact]
    public void Without_protectData_everything_tears_down()
    {
        Assert.All(Enum.GetValues<Lifecycle>(), l => Assert.False(DeploymentPolicy.For(l, Test).Protect));
        Assert.False(DeploymentPolicy.ForIngestor(Test).Protect);
    }
}
