namespace SrcNetInfra.Tests.Config;

/// <summary>Users fix a file in one pass: every problem is reported, not just the first.</summary>
public class AllProblemsTests
{
    [Fact]
    public void Five_independent_errors_in_a_file_are_five_errors()
    {
        var result = Stacks.CheckText("""
            config:
              srcnet:namespace:
                name: Not_A_Name
              srcnet:secret:
                vault:
                  refreshInterval: soon
              srcnet:ingestor:
                config:
                  rucioIngestRseName: TEST_RSE
                  rucioCfgClientAccount: service_test_ingestion
                  frequency: 0
                persistence:
                  storageClass: cephfs
              srcnet:workflow:
                image:
                  tag: 0.34.0
                simulation:
                  numTimeStamps: 0
              srcnet:scratch:
                headroom: 0.5
            """);
        Assert.False(result.Ok);
        Assert.Equal(
            ["srcnet:ingestor.config.frequency", "srcnet:namespace.name", "srcnet:scratch.headroom",
             "srcnet:secret.vault.refreshInterval", "srcnet:workflow.simulation.numTimeStamps"],
            result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Errors_and_warnings_from_every_section_come_together()
    {
        var result = Stacks.Check(
            ("srcnet:foo", "1"),                                  // error: unknown top-level key
            ("srcnet:workflow.simulaton", "{}"),                  // error: unknown nested key
            ("srcnet:workflow.image.tag", "latest"),              // warning
            ("srcnet:ingestor.version", "0.2.0"),                 // warning
            ("srcnet:workflow.simulation.freqIncHz", "0"),         // error
            ("srcnet:workflow.tolerations", "[{effect: Never}]"), // two errors: effect, and key with operator Equal
            ("srcnet:secret.mode", "pulumiSecret"));              // two errors: both OIDC keys missing
        Assert.False(result.Ok);
        Assert.Equal(
            ["srcnet:foo", "srcnet:oidcClientId", "srcnet:oidcClientSecret", "srcnet:workflow.simulation.freqIncHz",
             "srcnet:workflow.simulaton", "srcnet:workflow.tolerations[0].effect", "srcnet:workflow.tolerations[0].key"],
            result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["srcnet:ingestor.version", "srcnet:workflow.image.tag"], result.Warnings.Select(w => w.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_misspelled_namespace_is_reported_beside_the_other_errors()
    {
        var result = Stacks.CheckText(Stacks.Valid + "  srcnt:scratch:\n    mode: ephemeral\n  srcnet:quota:\n    pods: 0\n");
        Assert.False(result.Ok);
        Assert.Equal(["srcnet:quota.pods", "srcnt:scratch"], result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_schema_error_does_not_hide_the_quota_check()
    {
        var result = Stacks.Check(("srcnet:workflow.simulaton", "{}"), ("srcnet:quota.requestsCpu", "8"));
        Assert.Equal(["srcnet:workflow.simulaton", "srcnet:quota.requestsCpu"], result.Errors.Select(e => e.Key));
        Assert.Contains("8 is less than what the namespace runs at once", result.Errors.Last().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_elsewhere_does_not_hide_the_sizing_check()
    {
        var result = Stacks.Check(("srcnet:namespace.name", "Not_A_Name"), ("srcnet:ingestor.persistence.size", "1Mi"));
        Assert.Equal(["srcnet:namespace.name", "srcnet:ingestor.persistence.size"], result.Errors.Select(e => e.Key));
    }

    [Fact]
    public void A_check_whose_own_keys_are_in_error_does_not_run_on_their_fallbacks()
    {
        // A quota of 0 pods is reported once, where it is read, and not again by the quota fit.
        var result = Stacks.Check(("srcnet:quota.pods", "0"), ("srcnet:workflow.resources.requests.cpu", "many"));
        Assert.Equal(["srcnet:quota.pods", "srcnet:workflow.resources.requests.cpu"], result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_section_that_is_not_a_map_stops_the_checks_that_read_it()
    {
        var result = Stacks.Check(("srcnet:quota", "\"lots\""), ("srcnet:workflow.resources.requests.cpu", "64"));
        Assert.Equal("srcnet:quota", Assert.Single(result.Errors).Key);
    }

    [Fact]
    public void A_bad_band_stops_the_estimate_but_not_the_quota_check()
    {
        var result = Stacks.Check(("srcnet:workflow.simulation.freqIncHz", "0"), ("srcnet:quota.limitsMemory", "1Gi"), ("srcnet:scratch.size", "1Mi"));
        Assert.Equal(["srcnet:quota.limitsMemory", "srcnet:workflow.simulation.freqIncHz"], result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty(result.Warnings); // scratch.size is compared with an estimate only when there is one
    }

    [Fact]
    public void Every_problem_says_error_or_warning_and_its_key()
    {
        var result = Stacks.Check(("srcnet:workflow.image.tag", "latest"), ("srcnet:quota.pods", "0"));
        Assert.Contains("error: srcnet:quota.pods: ", result.Problems.Select(p => p.ToString()).Single(s => s.StartsWith("error", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("warning: srcnet:workflow.image.tag: ", result.Problems.Single(p => !p.IsError).ToString(), StringComparison.Ordinal);
    }
}
