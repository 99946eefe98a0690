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

    [Fact]
    public void Protecting_data_needs_the_cluster_named() =>
        Expect.Error(Stacks.Check("srcnet:deploy.protectData", "true"), "srcnet:deploy.kubeContext", "is required with protectData");

    [Fact]
    public void Protecting_data_with_a_named_cluster_is_fine() =>
        Expect.Clean(Stacks.Check(("srcnet:deploy.protectData", "true"), ("srcnet:deploy.kubeContext", "prod")));

    [Fact]
    public void Rendering_files_never_writes_a_pulumi_secret_in_clear_text()
    {
        var result = Stacks.Check(
            ("srcnet:deploy.renderYamlToDirectory", "out"),
            ("srcnet:secret.mode", "pulumiSecret"),
            ("srcnet:oidcClientId", "{secure: v1:x}"),
            ("srcnet:oidcClientSecret", "{secure: v1:y}"));
        Expect.Error(result, "srcnet:deploy.renderYamlToDirectory", "clear text");
    }

    [Fact]
    public void Rendering_files_and_protecting_data_exclude_each_other() =>
        Expect.Error(Stacks.Check(("srcnet:deploy.renderYamlToDirectory", "out"), ("srcnet:deploy.protectData", "true")),
            "srcnet:deploy.renderYamlToDirectory", "deploys nothing to protect");

    [Fact]
    public void Rendering_files_warns_that_switching_a_deployed_stack_deletes_it() =>
        Expect.Warning(Stacks.Check("srcnet:deploy.renderYamlToDirectory", "out"), "srcnet:deploy.renderYamlToDirectory", "deletes every deployed object");

    [Fact]
    public void Adopting_existing_objects_is_read()
    {
        var result = Stacks.Check("srcnet:deploy.adoptExisting", "true");
        Expect.Clean(result);
        Assert.True(result.Environment!.Spec.Deploy.AdoptExisting);
    }

    [Fact]
    public void Leaving_the_release_unmanaged_warns_how_to_take_it_over() =>
        Expect.Warning(Stacks.Check("srcnet:ingestor.manage", "false"), "srcnet:ingestor.manage", "pulumi import kubernetes:helm.sh/v3:Release");
}
