namespace SrcNetInfra.Tests.Config;

public class NamespaceRuleTests
{
    [Fact]
    public void Restricted_pod_security_is_refused_because_the_pods_would_never_start()
    {
        var result = Stacks.Check("srcnet:namespace.podSecurity", "restricted");
        Expect.Error(result, "srcnet:namespace.podSecurity", "use baseline");
    }

    [Theory]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    [InlineData("kube-node-lease")]
    [InlineData("kube-anything")]
    public void Kubernetes_system_namespaces_are_refused(string name)
    {
        // kubernetes/website, content/en/docs/concepts/overview/working-with-objects/namespaces.md:
        // "Avoid creating namespaces with the prefix kube-, since it is reserved for Kubernetes system namespaces."
        var error = Expect.Error(Stacks.Check("srcnet:namespace.name", name), "srcnet:namespace.name", "is a Kubernetes system namespace");
        Assert.Contains("pulumi destroy would delete it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_namespace_is_a_warning() =>
        Expect.Warning(Stacks.Check("srcnet:namespace.name", "default"), "srcnet:namespace.name", "default is where everything without a namespace lands");

    [Theory]
    [InlineData("baseline")]
    [InlineData("privileged")]
    public void Baseline_and_privileged_are_accepted(string level) =>
        Expect.Clean(Stacks.Check("srcnet:namespace.podSecurity", level));
}
