using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// A campaign stack as the engine receives it (what the program registers with the mocks) and what
/// <see cref="EngineModel"/> says `pulumi up` and `pulumi destroy` then do: the Indexed Job and its
/// point table are deployed like a Job run, a new campaign is a new Job next to the old one, and a
/// change that does not define the campaign never touches the running Job.
/// </summary>
public class CampaignDeploymentTests
{
    private const string Job = Planner.WorkloadResource;
    private const string RunId = Planner.RunIdResource;
    private const string Points = CampaignRun.PointsResource;
    private const string JobType = "kubernetes:batch/v1:Job";
    private const string ConfigMapType = "kubernetes:core/v1:ConfigMap";

    private static readonly StackUnderTest Campaign = StackUnderTest.File("campaign");

    /// <summary>One more value on the first axis: three more points, so a new point table.</summary>
    private static readonly StackUnderTest Extended = Campaign.With(
        "      phaseCenterRaDeg: [149.82, 150.12, 150.42]\n",
        "      phaseCenterRaDeg: [149.82, 150.12, 150.42, 150.72]\n");

    private sealed record Deployments(ProgramRun First, ProgramRun Second, EnginePlan Plan);

    private static async Task<Deployments> Deploy(StackUnderTest first, StackUnderTest second)
    {
        var a = (await ProgramRun.Of(first)).Succeeded();
        var b = (await ProgramRun.Of(second, previous: a)).Succeeded();
        return new Deployments(a, b, EngineModel.Up(await EngineModel.Goals(a), await EngineModel.Goals(b)));
    }

    private static IDictionary<string, object> JobInputs(ProgramRun run) => run.Request(JobType, Job).Inputs.ToDictionary();

    private static object? JobField(ProgramRun run, params string[] path) => Values.At(JobInputs(run), path);

    private static string PointTableOf(ProgramRun run) => (string)Values.At(run.Request(ConfigMapType, Points).Inputs, "metadata", "name")!;

    /// <summary>The ConfigMap the Job's pods mount as their point table.</summary>
    private static string MountedTable(ProgramRun run)
    {
        var volumes = Values.List(JobField(run, "spec", "template", "spec", "volumes")!);
        return (string)Values.At(volumes.Single(v => Equals(Values.At(v, "name"), CampaignRun.PointsVolumeName)), "configMap", "name")!;
    }

    [Fact]
    public async Task The_campaign_is_one_indexed_job_left_to_finish_and_never_updated_where_kubernetes_or_kueue_owns_it()
    {
        var run = (await ProgramRun.Of(Campaign)).Succeeded();
        var job = run.Resource(Job);
        Assert.Equal(JobType, job.Type);
        Assert.Single(run.Requests, r => r.Type == JobType);
        // Replaced or dropped, the Job stays in the cluster (pulumi/pulumi step.go, DeleteStep.Apply).
        Assert.True(job.RetainOnDelete);
        Assert.Null(job.DeleteBeforeReplace);
        // A Job's fields Kubernetes lets change, and two of a campaign: parallelism, which is a
        // replacement for pulumi-kubernetes (diff.go, the Job's forceNew list) and may be patched on a
        // running campaign, and suspend, which Kueue sets when it admits the Job.
        Assert.Equal(
            ["metadata.labels", "metadata.annotations", "spec.ttlSecondsAfterFinished", "spec.activeDeadlineSeconds", "spec.parallelism", "spec.suspend"],
            job.IgnoreChanges);

        // One index per point, each with its own retries, the quota's parallelism, no Job-wide backoff.
        var spec = Values.Map(JobField(run, "spec")!);
        Assert.Equal("Indexed", spec["completionMode"]);
        Assert.Equal(9.0, spec["completions"]);
        Assert.Equal(1.0, spec["backoffLimitPerIndex"]);
        Assert.Equal(3.0, spec["parallelism"]);
        Assert.Equal(3.0, Convert.ToDouble(Values.At(run.Output("campaign")!, "parallelism"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(spec.ContainsKey("backoffLimit"));
        Assert.False(spec.ContainsKey("suspend"));
        Assert.Equal("true", JobField(run, "metadata", "annotations", Annotations.PulumiSkipAwait));
        // Its name, like a Job run's, carries the RandomId.
        var hex = Mocks.HexFor(run.Request(Mocks.RandomIdType, RunId).Inputs["keepers"]);
        Assert.Equal($"mightee-sweep-{hex}", JobField(run, "metadata", "name"));
        Assert.Equal(hex, run.Output("runId"));
    }

    [Fact]
    public async Task The_point_table_is_an_immutable_configmap_kept_when_replaced_and_mounted_by_the_job()
    {
        var run = (await ProgramRun.Of(Campaign)).Succeeded();
        var table = run.Resource(Points);
        Assert.Equal(ConfigMapType, table.Type);
        Assert.True(table.RetainOnDelete);
        Assert.False(table.Protect ?? false);
        var inputs = run.Request(ConfigMapType, Points).Inputs;
        Assert.Equal(true, inputs["immutable"]);
        Assert.Equal(9, ((string)Values.At(inputs, "data", "points")!).TrimEnd('\n').Split('\n').Length);
        Assert.StartsWith("mightee-sweep-points-", PointTableOf(run), StringComparison.Ordinal);
        Assert.Equal(PointTableOf(run), MountedTable(run));
        Assert.Equal(PointTableOf(run), Values.At(run.Output("campaign")!, "pointTable"));
        // The table exists before the Job that mounts it.
        Assert.Equal([Points], run.Resource(Job).DependsOn);
        Assert.Equal(["janitor"], run.Resource(Points).DependsOn);
    }

    [Fact]
    public async Task A_queued_campaign_is_created_suspended_with_kueues_label()
    {
        var queued = Campaign.With("    # queue: srcnet-campaigns\n", "    queue: srcnet-campaigns\n");
        var run = (await ProgramRun.Of(queued)).Succeeded();
        Assert.Equal(true, JobField(run, "spec", "suspend"));
        Assert.Equal("srcnet-campaigns", JobField(run, "metadata", "labels", CampaignRun.KueueQueueLabel));
        Assert.Equal("srcnet-campaigns", Values.At(run.Output("campaign")!, "queue"));
    }

    [Fact]
    public async Task Deploying_a_campaign_again_without_a_change_touches_nothing()
    {
        var (_, _, plan) = await Deploy(Campaign, Campaign);
        Assert.Empty(plan.Errors);
        Assert.Empty(plan.Changes);
        Assert.DoesNotContain(plan.Steps, s => s.ReachesProvider);
    }

    [Fact]
    public async Task A_new_point_table_is_a_new_campaign_job_and_the_old_job_and_its_table_stay()
    {
        var (first, second, plan) = await Deploy(Campaign, Extended);
        Assert.Empty(plan.Errors);
        // More points need a larger ingest area (persistence.size: auto), an update in place.
        Assert.Equal(
            [
                "Update ingest-area",
                $"CreateReplacement {Points}", $"CreateReplacement {RunId}", $"CreateReplacement {Job}",
                $"DeleteReplaced {Job}", $"DeleteReplaced {Points}", $"DeleteReplaced {RunId}",
            ],
            plan.Changes);

        // The table is named by its content: a new name, so created before the old one is dropped.
        Assert.NotEqual(PointTableOf(first), PointTableOf(second));
        Assert.Contains("metadata.name", plan.Step(Operation.CreateReplacement, Points).ReplaceKeys);
        Assert.Contains("data.points", plan.Step(Operation.CreateReplacement, Points).ReplaceKeys);
        // Its name is a keeper of the run id: a new RandomId, and with it a new Job name.
        Assert.Contains("keepers.pointTable", plan.Step(Operation.CreateReplacement, RunId).ReplaceKeys);
        Assert.Contains("metadata.name", plan.Step(Operation.CreateReplacement, Job).ReplaceKeys);
        Assert.NotEqual(JobField(first, "metadata", "name"), JobField(second, "metadata", "name"));
        Assert.NotEqual(first.Output("runId"), second.Output("runId"));
        Assert.Equal(12.0, JobField(second, "spec", "completions"));
        Assert.Equal(PointTableOf(second), MountedTable(second));
        Assert.True(plan.IndexOf(Operation.CreateReplacement, Points) < plan.IndexOf(Operation.CreateReplacement, Job));

        // The old Job and the table it reads are dropped from the state, not deleted: the campaign
        // that is running goes on to its end.
        Assert.False(plan.Step(Operation.DeleteReplaced, Job).ReachesProvider);
        Assert.False(plan.Step(Operation.DeleteReplaced, Points).ReachesProvider);
        Assert.Equal([RunId], plan.DeletedInTheCluster);
    }

    [Theory]
    [InlineData("    retriesPerPoint: 1\n", "    retriesPerPoint: 2\n")]
    [InlineData("    # queue: srcnet-campaigns\n", "    queue: srcnet-campaigns\n")]
    [InlineData("    name: cosmos-grid\n", "    name: cosmos-grid-2\n")]
    [InlineData("    mode: campaign\n", "    mode: campaign\n    runNumber: 1\n")]
    public async Task A_campaign_defining_change_is_a_new_job_and_the_old_one_keeps_running(string from, string to)
    {
        var (first, second, plan) = await Deploy(Campaign, Campaign.With(from, to));
        Assert.Empty(plan.Errors);
        Assert.Contains($"CreateReplacement {Job}", plan.Changes);
        Assert.NotEqual(JobField(first, "metadata", "name"), JobField(second, "metadata", "name"));
        Assert.False(plan.Step(Operation.DeleteReplaced, Job).ReachesProvider);
        // The only delete the providers see is the old run id's, a value in the state.
        Assert.Equal([RunId], plan.DeletedInTheCluster);
    }

    [Theory]
    [InlineData("      tag: 0.1.30\n", "      tag: 0.1.31\n", "ingestor")]
    [InlineData("      srcnet.skao.int/environment: test\n", "      srcnet.skao.int/environment: testing\n", "namespace")]
    public async Task An_unrelated_change_never_reaches_the_running_campaign(string from, string to, string updated)
    {
        var (first, second, plan) = await Deploy(Campaign, Campaign.With(from, to));
        Assert.Empty(plan.Errors);
        Assert.Contains($"Update {updated}", plan.Changes);
        Assert.All(plan.Changes, c => Assert.StartsWith("Update ", c, StringComparison.Ordinal));
        foreach (var name in new[] { Points, RunId, Job })
            Assert.Equal([Operation.Same], plan.Steps.Where(s => s.Name == name).Select(s => s.Operation));
        Assert.Equal(JobField(first, "metadata", "name"), JobField(second, "metadata", "name"));
    }

    [Fact]
    public async Task A_new_quota_changes_the_parallelism_of_the_next_campaign_job_but_leaves_the_running_one()
    {
        var (first, second, plan) = await Deploy(Campaign, Campaign.With("    pods: 6\n", "    pods: 4\n"));
        Assert.Empty(plan.Errors);
        Assert.Equal(["Update quota"], plan.Changes);
        // The Job's input changed (the quota now holds 2 points at once besides the ingestor and the janitor),
        // but spec.parallelism is ignored: no replacement, which pulumi-kubernetes would otherwise make
        // of it (diff.go: .spec.parallelism is in the Job's forceNew list), and no update.
        Assert.Equal(3.0, JobField(first, "spec", "parallelism"));
        Assert.Equal(2.0, JobField(second, "spec", "parallelism"));
        Assert.Equal([Operation.Same], plan.Steps.Where(s => s.Name == Job).Select(s => s.Operation));

        // Without the ignore, the same deployment would replace the running campaign's Job under its
        // own name: the old one dropped first, then a new Job created under the name that is taken.
        var goals = (await EngineModel.Goals(second)).Select(g => g.Name == Job ? g with { IgnoreChanges = [] } : g).ToList();
        var unignored = EngineModel.Up(await EngineModel.Goals(first), goals);
        Assert.Contains("spec.parallelism", unignored.Step(Operation.CreateReplacement, Job).ReplaceKeys);
        Assert.True(unignored.IndexOf(Operation.DeleteReplaced, Job) < unignored.IndexOf(Operation.CreateReplacement, Job));
    }

    [Fact]
    public async Task Kueue_unsuspending_a_queued_campaign_is_never_undone_by_pulumi()
    {
        var queued = Campaign.With("    # queue: srcnet-campaigns\n", "    queue: srcnet-campaigns\n");
        var first = (await ProgramRun.Of(queued)).Succeeded();
        var second = (await ProgramRun.Of(queued, previous: first)).Succeeded();
        // The Job as Kueue leaves it after admission: suspend false. The provider diffs against the live
        // object (pulumi-kubernetes provider.go, Diff), so the old value is Kueue's; the model reads
        // the old value from the state, so it is put there.
        var admitted = (await EngineModel.Goals(first)).Select(r => r.Name == Job ? r with { Inputs = WithSpec(r.Inputs, "suspend", false) } : r).ToList();
        var goals = await EngineModel.Goals(second);
        var plan = EngineModel.Up(admitted, goals);
        Assert.Empty(plan.Errors);
        Assert.Empty(plan.Changes);

        // Without the ignore, pulumi up would patch suspend back to true, and Kubernetes would stop
        // the running campaign's pods.
        var unignored = EngineModel.Up(admitted, [.. goals.Select(g => g.Name == Job ? g with { IgnoreChanges = [] } : g)]);
        Assert.Equal([$"Update {Job}"], unignored.Changes);
        Assert.Equal(["spec.suspend"], unignored.Step(Operation.Update, Job).ChangedPaths);
    }

    [Fact]
    public async Task Destroying_a_campaign_stack_leaves_the_campaign_job_and_its_point_table()
    {
        var state = await EngineModel.Goals((await ProgramRun.Of(Campaign)).Succeeded());
        var destroy = EngineModel.Destroy(state);
        Assert.Empty(destroy.Errors);
        Assert.False(destroy.Step(Operation.Delete, Job).ReachesProvider);
        Assert.False(destroy.Step(Operation.Delete, Points).ReachesProvider);
        Assert.Equal(
            state.Select(r => r.Name).Where(n => n is not (Job or Points)).Order(StringComparer.Ordinal),
            destroy.DeletedInTheCluster.Order(StringComparer.Ordinal));
    }

    private static IReadOnlyDictionary<string, object> WithSpec(IReadOnlyDictionary<string, object> inputs, string key, object value)
    {
        var copy = inputs.ToDictionary();
        copy["spec"] = new Dictionary<string, object>(Values.Map(inputs["spec"])) { [key] = value };
        return copy;
    }
}
