using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// Two consecutive deployments of a stack against the same state: the program runs twice (the second
/// reading the first one's outputs, as its reference to itself does) and <see cref="EngineModel"/>
/// says what the engine and the providers then do with the second run's registrations: what is
/// created, updated, replaced, retained and deleted, and in which order.
/// </summary>
public class ConsecutiveDeploymentTests
{
    private const string Job = Planner.WorkloadResource;
    private const string RunId = Planner.RunIdResource;

    private static readonly StackUnderTest Dev = StackUnderTest.File("dev");
    private static readonly StackUnderTest Test = StackUnderTest.File("test");
    private static readonly StackUnderTest Prod = StackUnderTest.File("prod");

    private sealed record Deployments(ProgramRun First, ProgramRun Second, EnginePlan Plan);

    private static async Task<Deployments> Deploy(StackUnderTest first, StackUnderTest second)
    {
        var a = (await ProgramRun.Of(first)).Succeeded();
        var b = (await ProgramRun.Of(second, previous: a)).Succeeded();
        return new Deployments(a, b, EngineModel.Up(await EngineModel.Goals(a), await EngineModel.Goals(b)));
    }

    private static object? JobField(ProgramRun run, params string[] path) =>
        Values.At(run.Request("kubernetes:batch/v1:Job", Job).Inputs, path);

    [Fact]
    public async Task A_first_deployment_creates_everything_in_plan_order_after_the_provider()
    {
        var run = (await ProgramRun.Of(Dev)).Succeeded();
        var plan = EngineModel.Up([], await EngineModel.Goals(run));
        Assert.Empty(plan.Errors);
        Assert.All(plan.Steps, s => Assert.Equal(Operation.Create, s.Operation));
        Assert.Equal(
            ["kubernetes", .. Dev.Plan().Steps.Select(s => s.ResourceName)],
            plan.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task Deploying_again_without_a_change_touches_nothing()
    {
        foreach (var stack in new[] { Dev, Prod })
        {
            var (_, _, plan) = await Deploy(stack, stack);
            Assert.Empty(plan.Errors);
            Assert.Empty(plan.Changes);
            Assert.DoesNotContain(plan.Steps, s => s.ReachesProvider);
        }
    }

    [Theory]
    [InlineData("      numTimeStamps: 8\n", "      numTimeStamps: 16\n")]
    [InlineData("    mode: job\n", "    mode: job\n    runNumber: 1\n")]
    public async Task A_new_run_gets_a_new_run_id_and_a_new_job_and_the_old_job_keeps_running(string from, string to)
    {
        var (first, second, plan) = await Deploy(Dev, Dev.With(from, to));
        Assert.Empty(plan.Errors);
        Assert.Equal(
            [$"CreateReplacement {RunId}", $"CreateReplacement {Job}", $"DeleteReplaced {Job}", $"DeleteReplaced {RunId}"],
            plan.Changes);
        // The run id is replaced because its keepers changed; the Job because its name did (a new name:
        // created before the old one is deleted, pulumi-kubernetes provider.go Diff, deleteBeforeReplace).
        Assert.Contains(plan.Step(Operation.CreateReplacement, RunId).ReplaceKeys, k => k.StartsWith("keepers.", StringComparison.Ordinal));
        Assert.Contains("metadata.name", plan.Step(Operation.CreateReplacement, Job).ReplaceKeys);
        Assert.True(plan.IndexOf(Operation.CreateReplacement, RunId) < plan.IndexOf(Operation.CreateReplacement, Job));
        Assert.True(plan.IndexOf(Operation.CreateReplacement, Job) < plan.IndexOf(Operation.DeleteReplaced, Job));
        // The old Job is dropped from the state but not deleted: its run goes on to the end.
        Assert.False(plan.Step(Operation.DeleteReplaced, Job).ReachesProvider);
        Assert.DoesNotContain(Job, plan.DeletedInTheCluster);
        Assert.NotEqual(JobField(first, "metadata", "name"), JobField(second, "metadata", "name"));
        Assert.NotEqual(first.Output("runId"), second.Output("runId"));
        Assert.Equal($"karabo-aastar-{second.Output("runId")}", JobField(second, "metadata", "name"));
    }

    [Fact]
    public async Task New_sizes_update_the_claims_in_place_and_never_reach_the_job()
    {
        var shared = Test.With("  srcnet:scratch:\n    mode: ephemeral\n", "  srcnet:scratch:\n    mode: sharedClaim\n    size: 2Gi\n");
        var resized = shared
            .With("    mode: sharedClaim\n    size: 2Gi\n", "    mode: sharedClaim\n    size: 3Gi\n")
            .With("      runsToHold: 5\n", "      runsToHold: 5\n      size: 3Gi\n");
        var (first, second, plan) = await Deploy(shared, resized);
        Assert.Empty(plan.Errors);
        Assert.Equal(["Update ingest-area", "Update ingestor", "Update scratch"], plan.Changes);
        // A claim's size changes in place (not in diff.go's forceNew list for PersistentVolumeClaim).
        Assert.Equal(["spec.resources.requests.storage"], plan.Step(Operation.Update, "ingest-area").ChangedPaths);
        Assert.Contains("spec.resources.requests.storage", plan.Step(Operation.Update, "scratch").ChangedPaths);
        // The Job's annotation changed with the scratch size, but the Job is never updated: its metadata
        // is in ignoreChanges, so the engine sees no change (step_generator.go processIgnoreChanges)
        // and the provider is not called. Its spec refers to the claim by name and did not change.
        Assert.NotEqual(JobField(first, "metadata", "annotations", Annotations.ScratchRequest), JobField(second, "metadata", "annotations", Annotations.ScratchRequest));
        Assert.Equal(Values.Canonical(JobField(first, "spec")), Values.Canonical(JobField(second, "spec")));
        Assert.Equal([Operation.Same], plan.Steps.Where(s => s.Name == Job).Select(s => s.Operation));
        Assert.Equal([Operation.Same], plan.Steps.Where(s => s.Name == RunId).Select(s => s.Operation));
    }

    [Fact]
    public async Task A_renamed_workflow_is_a_new_job_and_the_old_one_stays()
    {
        var (first, second, plan) = await Deploy(Dev, Dev.With("  srcnet:workflow:\n    mode: job\n", "  srcnet:workflow:\n    name: karabo-other\n    mode: job\n"));
        Assert.Empty(plan.Errors);
        Assert.Equal(
            [$"CreateReplacement {RunId}", $"CreateReplacement {Job}", $"DeleteReplaced {Job}", $"DeleteReplaced {RunId}"],
            plan.Changes);
        Assert.Equal(["keepers.name"], plan.Step(Operation.CreateReplacement, RunId).ReplaceKeys);
        Assert.StartsWith("karabo-other-", (string)JobField(second, "metadata", "name")!, StringComparison.Ordinal);
        Assert.StartsWith("karabo-aastar-", (string)JobField(first, "metadata", "name")!, StringComparison.Ordinal);
        Assert.DoesNotContain(Job, plan.DeletedInTheCluster);
    }

    [Fact]
    public async Task A_renamed_namespace_on_a_test_stack_makes_everything_anew_before_deleting_the_old()
    {
        var (_, _, plan) = await Deploy(Test, Test.With("    name: srcnet-test\n", "    name: srcnet-test-2\n"));
        Assert.Empty(plan.Errors);
        // The provider's namespace is an update (provider.go DiffConfig replaces only for the cluster).
        Assert.Equal("Update kubernetes", plan.Changes[0]);
        var objects = Test.Plan().Steps.Select(s => s.ResourceName).ToList();
        Assert.Equal(objects.Select(n => $"CreateReplacement {n}"), plan.Changes.Skip(1).Take(objects.Count));
        // New objects under new names: each is created before the old one goes (no delete-before-replace).
        var lastCreate = plan.Steps.ToList().FindLastIndex(s => s.Operation == Operation.CreateReplacement);
        var firstDelete = plan.Steps.ToList().FindIndex(s => s.Operation == Operation.DeleteReplaced);
        Assert.True(lastCreate < firstDelete);
        // The old objects are deleted, dependents first, the old namespace last; the old Job is only
        // dropped from the state. (Kubernetes then deletes whatever the old namespace still holds,
        // the old Job with it: kubernetes pkg/controller/namespace/deletion/namespaced_resources_deleter.go,
        // deleteAllContent.)
        var deleted = plan.DeletedInTheCluster.Where(n => n != RunId).ToList();
        Assert.Equal(objects.Where(n => n is not (Job or RunId)).Reverse(), deleted);
        Assert.False(plan.Step(Operation.DeleteReplaced, Job).ReachesProvider);
    }

    [Fact]
    public async Task Moving_to_external_secrets_v1_updates_the_same_objects()
    {
        var beta = Dev.With("  srcnet:secret:\n    mode: externalSecret\n", "  srcnet:secret:\n    mode: externalSecret\n    vault:\n      apiVersion: external-secrets.io/v1beta1\n");
        var (first, second, plan) = await Deploy(beta, Dev);
        Assert.Empty(plan.Errors);
        Assert.Equal(["Update vault-store", "Update oidc-client"], plan.Changes);
        Assert.Equal(["apiVersion"], plan.Step(Operation.Update, "vault-store").ChangedPaths);
        Assert.Equal("kubernetes:external-secrets.io/v1beta1:SecretStore", first.Resource("vault-store").Type);
        Assert.Equal("kubernetes:external-secrets.io/v1:SecretStore", second.Resource("vault-store").Type);

        // It is the aliases that make it an update: without them the engine would create the objects
        // anew under the new type and then delete the old ones (and with them the Secret they own).
        var withoutAliases = (await EngineModel.Goals(second)).Select(g => g with { AliasUrns = [] }).ToList();
        var unaliased = EngineModel.Up(await EngineModel.Goals(first), withoutAliases);
        Assert.Contains("Create vault-store", unaliased.Changes);
        Assert.Contains("vault-store", unaliased.DeletedInTheCluster);
    }

    [Fact]
    public async Task A_new_storage_class_on_a_test_stack_deletes_the_claim_before_making_it_anew()
    {
        var (_, second, plan) = await Deploy(Test, Test.With("      storageClass: cephfs\n", "      storageClass: nfs\n"));
        Assert.Empty(plan.Errors);
        // storageClassName cannot change (diff.go forceNew), and the claim keeps its name: the provider
        // asks to delete first (provider.go Diff, deleteBeforeReplace). The data goes; Core warned.
        var delete = plan.IndexOf(Operation.DeleteReplaced, "ingest-area");
        var create = plan.IndexOf(Operation.CreateReplacement, "ingest-area");
        Assert.True(delete >= 0 && delete < create);
        Assert.True(plan.Step(Operation.DeleteReplaced, "ingest-area").ReachesProvider);
        Assert.Contains(second.Log, l => l.Level == "WRN" && l.Message.Contains("storageClass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_deployed_record_the_engine_still_refuses_to_replace_prods_claim()
    {
        // A stack deployed before the record existed: the program has nothing to compare with.
        var a = (await ProgramRun.Of(Prod)).Succeeded();
        var b = (await ProgramRun.Of(Prod.With("      storageClass: cephfs\n", "      storageClass: nfs\n"))).Succeeded();
        var plan = EngineModel.Up(await EngineModel.Goals(a), await EngineModel.Goals(b));
        Assert.Equal(["unable to replace resource \"urn:pulumi:prod::srcnet-infra::kubernetes:core/v1:PersistentVolumeClaim::ingest-area\" as it is currently marked for protection"], plan.Errors);
        Assert.DoesNotContain(plan.Steps, s => s.Name == "ingest-area" && s.Operation != Operation.Same);
    }

    /// <summary>The outputs the earlier program (one ConfigGroup per group) left: the same keys, but no deployed record.</summary>
    private static ProgramRun AsEarlierProgram(ProgramRun run) =>
        run with { Outputs = run.Outputs.Where(o => o.Key != DeployedIdentity.OutputName).ToDictionary() };

    [Fact]
    public async Task A_job_stack_deployed_by_the_earlier_program_keeps_its_run_once_so_a_new_run_never_kills_it()
    {
        // The earlier program's Job is in the state without retainOnDelete, and the engine decides a
        // replacement's delete by the old state (pulumi/pulumi pkg/resource/deploy/step.go,
        // DeleteStep.Apply: `} else if s.old.RetainOnDelete {`).
        var deployed = (await ProgramRun.Of(Dev)).Succeeded();
        var earlierState = (await EngineModel.Goals(deployed)).Select(r => r.Name == Job ? r with { RetainOnDelete = false } : r).ToList();
        var changed = Dev.With("      numTimeStamps: 8\n", "      numTimeStamps: 16\n");

        // What keeping prevents: the new run's Job replaces the old one, which is deleted in the cluster.
        var unkept = (await ProgramRun.Of(changed, previous: deployed)).Succeeded();
        Assert.Contains(Job, EngineModel.Up(earlierState, await EngineModel.Goals(unkept)).DeletedInTheCluster);

        // The upgrade: the deployed run is kept, its spec out of the diff; the Job is only recorded as retained.
        var upgrade = (await ProgramRun.Of(changed, previous: AsEarlierProgram(deployed))).Succeeded();
        Assert.Contains(upgrade.Log, l => l.Level == "WRN" && l.Message.StartsWith(
            $"warning: srcnet:workflow: stack dev was deployed by an earlier srcnet, whose Job Pulumi would delete when replaced: this update keeps run {deployed.Output("runId")}",
            StringComparison.Ordinal));
        Assert.Equal(JobField(deployed, "metadata", "name"), JobField(upgrade, "metadata", "name"));
        Assert.Equal(deployed.Output("runId"), upgrade.Output("runId"));
        var kept = EngineModel.Up(earlierState, await EngineModel.Goals(upgrade));
        Assert.Empty(kept.Errors);
        Assert.DoesNotContain(kept.Steps, s => s.Name == Job && s.Operation != Operation.Same);
        Assert.True((await EngineModel.Goals(upgrade)).Single(r => r.Name == Job).RetainOnDelete);

        // The next deployment starts the new run beside it; the kept Job is left to finish.
        var next = (await ProgramRun.Of(changed, previous: upgrade)).Succeeded();
        Assert.NotEqual(JobField(upgrade, "metadata", "name"), JobField(next, "metadata", "name"));
        Assert.DoesNotContain(next.Log, l => l.Message.Contains("earlier srcnet", StringComparison.Ordinal));
        var plan = EngineModel.Up(await EngineModel.Goals(upgrade), await EngineModel.Goals(next));
        Assert.Empty(plan.Errors);
        Assert.DoesNotContain(Job, plan.DeletedInTheCluster);
    }

    [Fact]
    public async Task A_cronjob_stack_or_a_stack_never_deployed_keeps_nothing()
    {
        var prod = (await ProgramRun.Of(Prod)).Succeeded();
        Assert.DoesNotContain(prod.Log, l => l.Message.Contains("earlier srcnet", StringComparison.Ordinal));
        var again = (await ProgramRun.Of(Prod, previous: AsEarlierProgram(prod))).Succeeded();
        Assert.DoesNotContain(again.Log, l => l.Message.Contains("earlier srcnet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Destroying_prod_stops_at_the_protected_release_and_keeps_the_data_even_when_unprotected()
    {
        var state = await EngineModel.Goals((await ProgramRun.Of(Prod)).Succeeded());

        // As deployed: what comes after the release (the CronJob, the sky model cache, the janitor)
        // goes; the release refuses, and nothing it stands on is touched.
        var destroy = EngineModel.Destroy(state);
        Assert.Equal([Job, "sky-model-cache", "janitor"], destroy.DeletedInTheCluster);
        Assert.Equal(["resource \"urn:pulumi:prod::srcnet-infra::kubernetes:helm.sh/v3:Release::ingestor\" cannot be deleted because it is protected"], destroy.Errors);

        // After `pulumi state unprotect --all`: everything is deleted but the namespace and the ingest
        // area, which are dropped from the state and stay in the cluster (retainOnDelete).
        var unprotected = EngineModel.Destroy([.. state.Select(r => r with { Protect = false })]);
        Assert.Empty(unprotected.Errors);
        Assert.False(unprotected.Step(Operation.Delete, "namespace").ReachesProvider);
        Assert.False(unprotected.Step(Operation.Delete, "ingest-area").ReachesProvider);
        Assert.Equal(
            state.Select(r => r.Name).Where(n => n is not ("namespace" or "ingest-area")).Order(StringComparer.Ordinal),
            unprotected.DeletedInTheCluster.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Destroying_a_test_stack_deletes_everything_but_its_running_job()
    {
        var state = await EngineModel.Goals((await ProgramRun.Of(Test)).Succeeded());
        var destroy = EngineModel.Destroy(state);
        Assert.Empty(destroy.Errors);
        Assert.Equal(Job, destroy.Steps[0].Name);
        Assert.False(destroy.Steps[0].ReachesProvider);
        Assert.Equal(state.Select(r => r.Name).Where(n => n != Job).Order(StringComparer.Ordinal), destroy.DeletedInTheCluster.Order(StringComparer.Ordinal));
    }
}
