namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// What the program refuses before it declares anything: a config Core rejects, and a change the
/// deployed environment cannot take (read from the previous deployment's outputs). The user sees
/// each reason as an error line; the engine is asked for nothing but the stack's own outputs.
/// </summary>
public class RefusalTests
{
    private static void AssertNothingDeclared(ProgramRun run)
    {
        Assert.NotNull(run.Error);
        Assert.Equal([Mocks.StackReferenceType], run.Requests.Select(r => r.Type).Distinct());
    }

    /// <summary>Deploys <paramref name="stack"/>, then runs <paramref name="changed"/> over it.</summary>
    private static async Task<ProgramRun> Redeploy(StackUnderTest stack, StackUnderTest changed) =>
        await ProgramRun.Of(changed, previous: (await ProgramRun.Of(stack)).Succeeded());

    private static IReadOnlyList<string> Errors(ProgramRun run) => [.. run.Log.Where(l => l.Level == "ERR").Select(l => l.Message)];

    [Fact]
    public async Task A_broken_config_fails_with_Cores_message()
    {
        var run = await ProgramRun.Of(StackUnderTest.File("dev").With("      imagingNpixel: 1024\n", "      imagingNpixel: 0\n"));
        Assert.NotNull(run.Error);
        // Core's own line, as `srcnet validate` prints it, then how to see them all without Pulumi.
        Assert.Contains("error: srcnet:workflow.simulation.imagingNpixel: must be between 1 and 100000 (got 0)", Errors(run));
        Assert.Contains(Errors(run), e => e.Contains("`srcnet validate --stack dev` shows them without Pulumi", StringComparison.Ordinal));
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task A_memory_limit_below_the_runs_peak_fails_the_preview()
    {
        // dev simulates on 8 CPUs: OSKAR's buffers and Python need about 3.4 GB; a 2Gi limit would be OOM-killed.
        var run = await ProgramRun.Of(StackUnderTest.File("dev")
            .With("limits: {cpu: \"8\", memory: 32Gi}", "limits: {cpu: \"8\", memory: 2Gi}")
            .With("requests: {cpu: \"4\", memory: 16Gi}", "requests: {cpu: \"4\", memory: 2Gi}"));
        Assert.NotNull(run.Error);
        Assert.Contains(Errors(run), e => e.StartsWith(
            "error: srcnet:workflow.resources.limits.memory: 2Gi (2.15 GB) is below the estimated peak memory of one run", StringComparison.Ordinal));
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Every_config_error_is_listed_not_just_the_first()
    {
        var run = await ProgramRun.Of(StackUnderTest.File("dev")
            .With("      imagingNpixel: 1024\n", "      imagingNpixel: 0\n")
            .With("      numTimeStamps: 8\n", "      numTimeStamps: -1\n"));
        Assert.Contains(Errors(run), e => e.StartsWith("error: srcnet:workflow.simulation.imagingNpixel:", StringComparison.Ordinal));
        Assert.Contains(Errors(run), e => e.StartsWith("error: srcnet:workflow.simulation.numTimeStamps:", StringComparison.Ordinal));
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Moving_a_protected_stack_to_another_namespace_is_refused_before_anything_is_declared()
    {
        var prod = StackUnderTest.File("prod");
        var run = await Redeploy(prod, prod.With("    name: datalake-ingestion\n", "    name: datalake-ingestion-2\n"));
        AssertNothingDeclared(run);
        Assert.Contains(
            "error: srcnet:namespace.name: the stack's data lives in namespace 'datalake-ingestion'; moving it to 'datalake-ingestion-2' would make a new, empty ingest area; " +
            "keep the name, or copy the data and unprotect the old namespace first",
            Errors(run));
        Assert.Contains("stack prod cannot take this change as it is; the steps are listed above", Errors(run));
    }

    [Fact]
    public async Task Turning_off_the_namespace_the_stack_created_is_refused_before_anything_is_declared()
    {
        // Dropped from the program, the Namespace would be deleted by Pulumi (protected: the update fails at its end).
        var prod = StackUnderTest.File("prod");
        var run = await Redeploy(prod, prod.With("    name: datalake-ingestion\n", "    name: datalake-ingestion\n    create: false\n"));
        AssertNothingDeclared(run);
        Assert.Contains(Errors(run), e => e.StartsWith(
            "error: srcnet:namespace.create: the stack created namespace 'datalake-ingestion'; with create: false Pulumi would delete it and everything in it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_that_would_shrink_is_refused()
    {
        var prod = StackUnderTest.File("prod");
        var run = await Redeploy(prod, prod.With("      size: 20Gi\n", "      size: 10Gi\n"));
        AssertNothingDeclared(run);
        Assert.Contains(Errors(run), e => e.StartsWith("error: srcnet:ingestor.persistence.size: the deployed ingest-area requests 20Gi, the config now 10Gi: Kubernetes never shrinks a claim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handing_the_secret_from_the_operator_to_pulumi_is_refused_with_the_steps()
    {
        var test = StackUnderTest.File("test");
        var run = await Redeploy(test, test.WithPulumiSecrets());
        AssertNothingDeclared(run);
        Assert.Contains(Errors(run), e => e.StartsWith("error: srcnet:secret.mode: changes from externalSecret to pulumiSecret for Secret 'datalake-ingestion':", StringComparison.Ordinal)
                                          && e.Contains("pulumi import kubernetes:core/v1:Secret oidc-client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_cluster_context_is_refused_on_any_stack()
    {
        var test = StackUnderTest.File("test").With("  srcnet:deploy:\n", "  srcnet:deploy:\n    kubeContext: cluster-a\n");
        var run = await Redeploy(test, test.With("    kubeContext: cluster-a\n", "    kubeContext: cluster-b\n"));
        AssertNothingDeclared(run);
        Assert.Contains(Errors(run), e => e.StartsWith("error: srcnet:deploy.kubeContext: the stack is deployed through context 'cluster-a', now 'cluster-b'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_storage_class_change_on_a_test_stack_is_a_warning_and_goes_ahead()
    {
        var test = StackUnderTest.File("test");
        var run = (await Redeploy(test, test.With("      storageClass: cephfs\n", "      storageClass: nfs\n"))).Succeeded();
        Assert.Contains(run.Log, l => l.Level == "WRN" && l.Message.StartsWith("warning: srcnet:ingestor.persistence.storageClass: the deployed ingest-area has storageClass cephfs, now nfs", StringComparison.Ordinal));
        Assert.Contains(run.Requests, r => r.Name == "ingest-area");
    }

    [Fact]
    public async Task A_first_deployment_has_nothing_to_compare_with()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("prod").With("    name: datalake-ingestion\n", "    name: datalake-ingestion-2\n"))).Succeeded();
        Assert.DoesNotContain(run.Log, l => l.Level is "ERR" or "WRN");
        // The reference names the stack itself: organization/project/stack.
        Assert.Equal("organization/srcnet-infra/prod", run.Request(Mocks.StackReferenceType, "previous-deployment").Id);
    }
}
