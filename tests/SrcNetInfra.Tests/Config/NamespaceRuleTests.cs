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
    [InlineData("baseline")]
    [InlineData("privileged")]
    public void Baseline_and_privileged_are_accepted(string level) =>
        Expect.Clean(Stacks.Check("srcnet:namespace.podSecurity", level));
}
