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

    [Theory]
    [InlineData("srcnet:workflow.image.tag")]
    [InlineData("srcnet:ingestor.config.rucioIngestRseName")]
    [InlineData("srcnet:ingestor.config.rucioCfgClientAccount")]
    [InlineData("srcnet:ingestor.persistence.storageClass")]
    public void A_required_key_left_empty_is_as_missing_as_one_left_out(string key) =>
        Expect.Error(Stacks.Check(key, "\"\""), key, "is required and must not be empty");

    [Fact]
    public void A_stack_name_that_cannot_be_a_label_value_is_an_error()
    {
        var result = Core.Validation.EnvironmentCheck.Run(new string('x', 64), Stacks.With());
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Message.Contains("app.kubernetes.io/instance", StringComparison.Ordinal));
    }
}

public class QuantityRuleTests
{
    [Theory]
    [InlineData("srcnet:quota.requestsCpu", "\"1e-2147483648\"")]   // crashed the Kubernetes client's parser
    [InlineData("srcnet:workflow.resources.requests.memory", "\"1e-2147483648\"")]
    public void An_absurd_exponent_is_a_problem_not_a_crash(string key, string value) =>
        Expect.Error(Stacks.Check(key, value), key, "Kubernetes quantity");

    [Theory]
    [InlineData("8Ei")]                    // 2^63 bytes: beyond what a size is compared with
    [InlineData("1e19")]
    [InlineData("\"1e-2147483648\"")]
    [InlineData("0.5")]                    // less than a byte
    public void An_explicit_size_must_be_whole_bytes_that_can_be_counted(string size) =>
        Expect.Error(Stacks.Check("srcnet:scratch.size", size), "srcnet:scratch.size", "must be auto or a storage size");
}
