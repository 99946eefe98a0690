namespace SrcNetInfra.Tests.Config;

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
