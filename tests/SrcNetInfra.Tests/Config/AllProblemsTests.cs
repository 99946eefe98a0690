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
    public void Every_problem_says_error_or_warning_and_its_key()
    {
        var result = Stacks.Check(("srcnet:workflow.image.tag", "latest"), ("srcnet:quota.pods", "0"));
        Assert.Contains("error: srcnet:quota.pods: ", result.Problems.Select(p => p.ToString()).Single(s => s.StartsWith("error", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("warning: srcnet:workflow.image.tag: ", result.Problems.Single(p => !p.IsError).ToString(), StringComparison.Ordinal);
    }
}
