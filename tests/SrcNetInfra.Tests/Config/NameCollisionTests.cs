namespace SrcNetInfra.Tests.Config;

/// <summary>Names from different keys that would make two objects the same object are errors naming both.</summary>
public class NameCollisionTests
{
    [Fact]
    public void A_shared_scratch_claim_named_like_the_ingest_claim_is_refused()
    {
        var result = Stacks.Check(("srcnet:scratch.mode", "sharedClaim"), ("srcnet:scratch.claimName", "ingest-area"));
        var error = Expect.Error(result, "srcnet:scratch.claimName", "ingest-area is the ingestor's claim (the chart of srcnet:ingestor creates it)");
        Assert.Contains("would be one volume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ephemeral_scratch_does_not_use_its_claim_name() =>
        Expect.Clean(Stacks.Check("srcnet:scratch.claimName", "ingest-area"));

    [Theory]
    [InlineData("core")]
    [InlineData("core-sim")]
    public void A_workflow_named_like_the_ingestors_pods_is_refused(string name) =>
        Expect.Error(Stacks.Check("srcnet:workflow.name", name), "srcnet:workflow.name", "srcnet verify finds the ingestor by that prefix");

    [Theory]
    [InlineData("job")]
    [InlineData("cronjob")]
    public void A_workflow_named_like_the_janitor_is_refused(string mode) =>
        Expect.Error(Stacks.Check(("srcnet:workflow.name", "srcnet-janitor"), ("srcnet:workflow.mode", mode)), "srcnet:workflow.name", "the retention janitor's CronJob");

    [Fact]
    public void A_workflow_name_that_only_starts_with_core_is_fine() =>
        Expect.Clean(Stacks.Check("srcnet:workflow.name", "coreless"));

    [Fact]
    public void The_default_service_account_is_refused_for_vault() =>
        Expect.Error(Stacks.Check("srcnet:secret.vault.serviceAccount", "default"), "srcnet:secret.vault.serviceAccount", "binding it to system:auth-delegator");

    [Fact]
    public void A_service_account_whose_cluster_wide_binding_name_is_too_long_is_refused()
    {
        // 240 characters are a valid ServiceAccount name, but not with the namespace and "-auth-delegator" around them.
        var error = Expect.Error(Stacks.Check("srcnet:secret.vault.serviceAccount", new string('a', 240)), "srcnet:secret.vault.serviceAccount", "the API server allows 253");
        Assert.Contains("ClusterRoleBinding name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_service_account_that_fits_the_binding_name_is_fine() =>
        Expect.Clean(Stacks.Check("srcnet:secret.vault.serviceAccount", new string('a', 150)));

    [Fact]
    public void A_secret_named_like_helms_release_state_is_refused() =>
        Expect.Error(Stacks.Check("srcnet:secret.name", "sh.helm.release.v1.ingestor.v1"), "srcnet:secret.name", "Helm keeps the state of the release");
}
