namespace SrcNetInfra.Tests.Config;

/// <summary>A typo must never be silently ignored: unknown keys are errors at every level, with a suggestion.</summary>
public class UnknownKeyTests
{
    [Theory]
    [InlineData("srcnet:foo")]
    [InlineData("srcnet:workflows")]
    [InlineData("srcnet:oidcClientSecrets")]
    public void An_unknown_top_level_key_is_an_error_listing_the_srcnet_keys(string key)
    {
        var error = Expect.Error(Stacks.Check(key, "{a: 1}"), key, "unknown key");
        foreach (var known in new[] { "namespace", "quota", "secret", "ingestor", "workflow", "scratch", "deploy", "oidcClientId", "oidcClientSecret" })
            Assert.Contains(known, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet:namespace.nmae", "name")]
    [InlineData("srcnet:quota.requestCpu", "requestsCpu")]
    [InlineData("srcnet:quota.containerDefaults.limitsCpu", "limitCpu")]
    [InlineData("srcnet:secret.mod", "mode")]
    [InlineData("srcnet:secret.vault.sever", "server")]
    [InlineData("srcnet:ingestor.relaseName", "releaseName")]
    [InlineData("srcnet:ingestor.image.tga", "tag")]
    [InlineData("srcnet:ingestor.config.rucio_ingest_rse_nam", "rucioIngestRseName")]
    [InlineData("srcnet:ingestor.config.batchsize", "batchSize")]
    [InlineData("srcnet:ingestor.persistence.runToHold", "runsToHold")]
    [InlineData("srcnet:workflow.simulaton", "simulation")]
    [InlineData("srcnet:workflow.image.pullpolicy", "pullPolicy")]
    [InlineData("srcnet:workflow.simulation.freqIncHZ", "freqIncHz")]
    [InlineData("srcnet:workflow.metadata.rucioNamspace", "rucioNamespace")]
    [InlineData("srcnet:workflow.resources.request", "requests")]
    [InlineData("srcnet:workflow.resources.requests.memmory", "memory")]
    [InlineData("srcnet:workflow.resources.limits.cpus", "cpu")]
    [InlineData("srcnet:scratch.sise", "size")]
    [InlineData("srcnet:deploy.protect", null)]
    public void An_unknown_nested_key_is_an_error_with_a_suggestion(string key, string? suggestion)
    {
        var error = Expect.Error(Stacks.Check(key, "x"), key, "unknown key");
        if (suggestion is null)
            Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        else
            Assert.Contains($"did you mean '{suggestion}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed here:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_allowed_keys_of_the_section_are_listed()
    {
        var error = Expect.Error(Stacks.Check("srcnet:workflow.simulation.band", "1"), "srcnet:workflow.simulation.band", "unknown key");
        foreach (var known in new[] { "startFreqHz", "endFreqHz", "freqIncHz", "numTimeStamps", "imagingNpixel", "imagingCellsize", "stations" })
            Assert.Contains(known, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet:workflow.nodeAffinity", "[{key: hpc, values: [\"true\"], operatr: In}]", "srcnet:workflow.nodeAffinity[0].operatr", "operator")]
    [InlineData("srcnet:workflow.tolerations", "[{key: hpc, value: \"true\"}, {key: gpu, efect: NoSchedule}]", "srcnet:workflow.tolerations[1].efect", "effect")]
    public void An_unknown_key_in_a_list_item_names_the_item(string key, string yaml, string badKey, string suggestion) =>
        Expect.Error(Stacks.Check(key, yaml), badKey, $"did you mean '{suggestion}'");

    [Theory]
    [InlineData("srcnet:workflow", "5", "expected an object of keys")]
    [InlineData("srcnet:workflow.simulation", "[a]", "expected an object of keys")]
    [InlineData("srcnet:quota.containerDefaults", "small", "expected an object of keys")]
    [InlineData("srcnet:workflow.nodeAffinity", "hpc", "expected a list")]
    [InlineData("srcnet:workflow.products", "dirty", "expected a list")]
    [InlineData("srcnet:namespace.labels", "[a]", "expected a map")]
    public void A_value_of_the_wrong_shape_is_an_error_saying_which_shape(string key, string yaml, string fragment)
    {
        var result = Stacks.Check(key, yaml);
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Key == key && e.Message.Contains(fragment, StringComparison.Ordinal));
        // Shapes are checked where they are read; nothing else is broken except what the missing section required.
        Assert.All(result.Errors, e => Assert.StartsWith(key, e.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_item_that_is_not_an_object_is_an_error_at_that_item()
    {
        var result = Stacks.Check("srcnet:workflow.tolerations", "[{key: hpc, value: \"true\"}, hpc]");
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Key == "srcnet:workflow.tolerations[1]" && e.Message.Contains("expected an object", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "[a]", "expected a string")]
    [InlineData("srcnet:workflow.simulation.numTimeStamps", "many", "expected a whole number")]
    [InlineData("srcnet:workflow.simulation.numTimeStamps", "1.5", "expected a whole number")]
    [InlineData("srcnet:workflow.simulation.startFreqHz", "{a: 1}", "expected a number")]
    [InlineData("srcnet:workflow.simulation.startFreqHz", "1.3GHz", "expected a number")]
    [InlineData("srcnet:deploy.kubeContext", "[a]", "expected a string")]
    [InlineData("srcnet:scratch.storageClass", "{a: b}", "expected a string")]
    public void A_scalar_of_the_wrong_type_is_an_error_saying_which_type(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Fact]
    public void A_list_item_of_the_wrong_type_is_an_error_at_that_item() =>
        Expect.Error(Stacks.Check("srcnet:workflow.products", "[dirty, {a: b}]"), "srcnet:workflow.products[1]", "expected a string");

    [Fact]
    public void A_map_value_of_the_wrong_type_is_an_error_at_that_entry() =>
        Expect.Error(Stacks.Check("srcnet:namespace.labels", "{team: [a]}"), "srcnet:namespace.labels.team", "expected a string");
}
