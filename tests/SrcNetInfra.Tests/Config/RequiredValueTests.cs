namespace SrcNetInfra.Tests.Config;

public class RequiredValueTests
{
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
