namespace SrcNetInfra.Tests.Config;

public class DeployRuleTests
{
    [Fact]
    public void A_kube_context_and_rendering_to_files_exclude_each_other()
    {
        var result = Stacks.Check(("srcnet:deploy.kubeContext", "prod-cluster"), ("srcnet:deploy.renderYamlToDirectory", "out"));
        Expect.Error(result, "srcnet:deploy.renderYamlToDirectory", "cannot be combined with kubeContext");
    }

    [Fact]
    public void Rendering_to_files_warns_that_the_helm_release_is_left_out()
    {
        var result = Stacks.Check("srcnet:deploy.renderYamlToDirectory", "out");
        Expect.Warning(result, "srcnet:deploy.renderYamlToDirectory", "leaves it out");
    }

    [Fact]
    public void A_kube_context_alone_is_fine()
    {
        var result = Stacks.Check("srcnet:deploy.kubeContext", "prod-cluster");
        Assert.True(result.Ok);
        Assert.Equal("prod-cluster", result.Environment!.Spec.Deploy.KubeContext);
    }
}
