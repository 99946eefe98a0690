using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Config;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// A campaign as Kubernetes runs it (docs/campaign.md): one Indexed Job whose every index reads its
/// point from the table in a ConfigMap, with per-point retries, a parallelism the quota holds, and
/// ids that stay with their point.
/// </summary>
public class CampaignPlanTests
{
    private const string RunId = "1a2b3c4d";

    internal static readonly (string Key, string? Yaml)[] Sweep = [.. CampaignConfigTests.Sweep, ("srcnet:scratch.mode", "emptyDir")];

    private static CheckedEnvironment Env(params (string Key, string? Yaml)[] overrides) => PlanStacks.Env([.. Sweep, .. overrides]);

    private static EnvironmentPlan Plan(params (string Key, string? Yaml)[] overrides) => Planner.Plan(Env(overrides), RunId);

    private static V1Job Job(EnvironmentPlan plan) => plan.Single<V1Job>();

    private static V1ConfigMap Table(EnvironmentPlan plan) => plan.Single<V1ConfigMap>();

    private static IReadOnlyList<string> ObsIds(EnvironmentPlan plan) => [.. CampaignPoints.For(plan.Spec).Select(p => p.ObsId)];

    [Fact]
    public void The_campaign_is_one_indexed_job_with_a_failed_point_not_stopping_the_others()
    {
        var job = Job(Plan(("srcnet:campaign.retriesPerPoint", "2"), ("srcnet:campaign.maxFailedPoints", "3")));
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(4, job.Spec.Completions);
        Assert.Equal(2, job.Spec.BackoffLimitPerIndex);
        Assert.Equal(3, job.Spec.MaxFailedIndexes);
        // backoffLimit would count every index's failures together and stop the whole campaign.
        Assert.Null(job.Spec.BackoffLimit);
        var rule = Assert.Single(job.Spec.PodFailurePolicy.Rules);
        Assert.Equal(("FailIndex", "karabo", "In", 2), (rule.Action, rule.OnExitCodes.ContainerName, rule.OnExitCodes.OperatorProperty, Assert.Single(rule.OnExitCodes.Values)));
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        Assert.Equal($"karabo-aastar-{RunId}", job.Metadata.Name);
    }

    [Fact]
    public void Each_pod_runs_the_point_script_with_the_table_mounted_and_no_ids_of_its_own()
    {
        var plan = Plan();
        var job = Job(plan);
        var table = Table(plan);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);

        Assert.Equal(["/bin/sh", "-c"], container.Command);
        Assert.Equal(ContainerScripts.PointArgs(["python", "-m", SimulationRun.Module]), container.Args);
        Assert.DoesNotContain(container.Env, e => e.Name is "OBS_ID" or "FILE_PREFIX");
        Assert.Equal("/srcnet/campaign/points", Assert.Single(container.Env, e => e.Name == ContainerScripts.CampaignPointsVariable).Value);
        var mount = Assert.Single(container.VolumeMounts, m => m.MountPath == CampaignRun.PointsMountPath);
        Assert.True(mount.ReadOnlyProperty);
        var volume = Assert.Single(job.Spec.Template.Spec.Volumes, v => v.Name == mount.Name);
        Assert.Equal(table.Metadata.Name, volume.ConfigMap.Name);
        Assert.True(table.Immutable);
        Assert.Equal([CampaignPoints.TableKey], table.Data.Keys);
        Assert.Equal(job.Metadata.Annotations[Annotations.CampaignPointTable], table.Metadata.Name);
    }

    [Fact]
    public void The_table_has_one_line_per_point_with_its_index_ids_products_and_values()
    {
        var plan = Plan();
        var lines = Table(plan).Data[CampaignPoints.TableKey].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var fields = lines.Select(l => l.Split('\t').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1])).ToList();
        var points = CampaignPoints.For(plan.Spec);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[i]["index"]);
            Assert.Equal(points[i].ObsId, fields[i]["OBS_ID"]);
            Assert.Equal(points[i].FilePrefix, fields[i]["FILE_PREFIX"]);
            Assert.Equal("dirty", fields[i][ContainerScripts.PointProductsField]);
        }
        Assert.Equal(["150", "150", "150.2", "150.2"], fields.Select(f => f["PHASE_CENTER_RA_DEG"]));
        Assert.Equal(["2", "2.4", "2", "2.4"], fields.Select(f => f["PHASE_CENTER_DEC_DEG"]));
        // Only the keys the campaign varies: the rest is the pod's own environment.
        Assert.All(fields, f => Assert.Equal(6, f.Count));
    }

    [Fact]
    public void Ids_say_the_campaign_and_the_point_and_are_unique()
    {
        var ids = ObsIds(Plan());
        Assert.Equal(4, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^sweep-[0-9a-f]{10}_SKAMID_Karabo$", id));
    }

    [Fact]
    public void Extending_a_campaign_keeps_every_existing_points_id_and_changing_a_value_changes_only_its_points()
    {
        var before = ObsIds(Plan());
        // A third Dec in the middle: every point moves to another index, and none changes its id.
        var extended = ObsIds(Plan(("srcnet:campaign.axes", "{phaseCenterRaDeg: [150.0, 150.2], phaseCenterDecDeg: [2.0, 2.2, 2.4]}")));
        Assert.Equal(6, extended.Count);
        Assert.Subset(extended.ToHashSet(), before.ToHashSet());
        Assert.NotEqual(before, extended.Take(4));

        var changed = ObsIds(Plan(("srcnet:campaign.axes", "{phaseCenterRaDeg: [150.0, 150.3], phaseCenterDecDeg: [2.0, 2.4]}")));
        Assert.Equal(before.Take(2), changed.Take(2));
        Assert.Empty(before.Skip(2).Intersect(changed.Skip(2)));
    }

    [Fact]
    public void A_new_campaign_name_or_other_metadata_gives_every_point_a_new_id()
    {
        var before = ObsIds(Plan());
        Assert.Empty(before.Intersect(ObsIds(Plan(("srcnet:campaign.name", "sweep-2")))));
        Assert.Empty(before.Intersect(ObsIds(Plan(("srcnet:workflow.metadata.rucioNamespace", "other")))));
        Assert.Empty(before.Intersect(ObsIds(Plan(("srcnet:workflow.products", "[cleaned]")))));
    }

    [Fact]
    public void Parallelism_auto_is_what_the_quota_holds_besides_the_ingestor_and_the_janitor()
    {
        // requests.cpu 9: 9 - 0.5 (ingestor) - 0.05 (janitor) = 8.45 holds 4 x 2; limits.cpu 40 would hold 9 x 4.
        var env = Env(("srcnet:campaign.axes", "{numTimeStamps: [1, 2, 3, 4, 5, 6, 7, 8]}"), ("srcnet:quota.requestsCpu", "9"));
        var campaign = env.Sizing.Campaign!;
        Assert.Equal(4, campaign.Parallelism);
        Assert.Equal("srcnet:quota.requestsCpu", campaign.Limit.Key);
        Assert.Equal(4, Job(Planner.Plan(env, RunId)).Spec.Parallelism);
        // 10 - 0.55 = 9.45 still holds 4; 10.55 holds 5.
        Assert.Equal(4, Env(("srcnet:campaign.axes", "{numTimeStamps: [1, 2, 3, 4, 5, 6, 7, 8]}"), ("srcnet:quota.requestsCpu", "10")).Sizing.Campaign!.Parallelism);
        Assert.Equal(5, Env(("srcnet:campaign.axes", "{numTimeStamps: [1, 2, 3, 4, 5, 6, 7, 8]}"), ("srcnet:quota.requestsCpu", "10.55")).Sizing.Campaign!.Parallelism);
    }

    [Theory]
    [InlineData("8", "32Gi", "16", "64Gi", 10)]
    [InlineData("20", "80Gi", "40", "160Gi", 10)]
    [InlineData("5", "200Gi", "100", "400Gi", 4)]
    [InlineData("100", "20Gi", "100", "400Gi", 3)]
    [InlineData("100", "200Gi", "100", "400Gi", 3)]
    public void Parallelism_auto_fits_the_quota_and_one_more_point_would_not(string requestsCpu, string requestsMemory, string limitsCpu, string limitsMemory, int pods)
    {
        var env = Env(
            ("srcnet:campaign.axes", "{numTimeStamps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]}"),
            ("srcnet:quota", $"{{requestsCpu: '{requestsCpu}', requestsMemory: {requestsMemory}, limitsCpu: '{limitsCpu}', limitsMemory: {limitsMemory}, pods: {pods}}}"));
        var q = env.Spec.Quota;
        var run = env.Spec.Workflow.Resources;
        var d = q.ContainerDefaults;
        var janitor = Janitor.Resources;
        var p = env.Sizing.Campaign!.Parallelism;

        bool Fits(int n) =>
            n * run.RequestsCpu.Value + d.RequestCpu.Value + janitor.RequestCpu.Value <= q.RequestsCpu.Value
            && n * run.RequestsMemory.Value + d.RequestMemory.Value + janitor.RequestMemory.Value <= q.RequestsMemory.Value
            && n * run.LimitsCpu.Value + d.LimitCpu.Value + janitor.LimitCpu.Value <= q.LimitsCpu.Value
            && n * run.LimitsMemory.Value + d.LimitMemory.Value + janitor.LimitMemory.Value <= q.LimitsMemory.Value
            && n + 2 <= q.Pods;

        Assert.True(p >= 1);
        Assert.True(Fits(p), $"{p} points at once do not fit the quota");
        Assert.True(p == 16 || !Fits(p + 1), $"{p + 1} points would fit too; auto chose {p}");
    }

    [Fact]
    public void An_explicit_parallelism_the_quota_cannot_hold_is_refused_naming_the_bound()
    {
        var result = Stacks.Check([.. Sweep, ("srcnet:quota.requestsCpu", "5"), ("srcnet:campaign.parallelism", "3")]);
        var error = Expect.Error(result, "srcnet:campaign.parallelism", "3 points at once do not fit");
        Assert.Contains("srcnet:quota.requestsCpu 5 holds 2 x 2", error.Message, StringComparison.Ordinal);
        Assert.True(Stacks.Check([.. Sweep, ("srcnet:quota.requestsCpu", "5"), ("srcnet:campaign.parallelism", "2")]).Ok);
    }

    [Fact]
    public void The_ingest_area_holds_every_points_products()
    {
        var env = Env();
        var campaign = env.Sizing.Campaign!;
        Assert.Equal(campaign.Points.Sum(e => e.IngestBytes), campaign.IngestBytes);
        Assert.Equal(4, env.Sizing.RunsToHold);
        Assert.Equal(campaign.IngestBytes + campaign.Parallelism * campaign.TransientBytes, env.Sizing.IngestBytesToHold);

        // 4 dirty images of 1024 x 1024 (4 MiB each): 10Mi holds two points' products, not four.
        var larger = ("srcnet:workflow.simulation.imagingNpixel", "1024");
        Expect.Error(Stacks.Check([.. Sweep, larger, ("srcnet:ingestor.persistence.size", "10Mi")]),
            "srcnet:ingestor.persistence.size", "cannot hold the campaign: the products of its 4 points (16.8 MB");
        Expect.Clean(Stacks.Check([.. Sweep, larger, ("srcnet:ingestor.persistence.size", "20Mi")]));
    }

    [Fact]
    public void Ephemeral_scratch_keeps_a_claim_per_point_which_the_quota_must_hold()
    {
        var result = Stacks.Check([.. CampaignConfigTests.Sweep, ("srcnet:scratch.mode", "ephemeral"), ("srcnet:quota.persistentVolumeClaims", "4")]);
        var error = Expect.Error(result, "srcnet:quota.persistentVolumeClaims", "must be at least 5: ingest-area and 4 scratch claims");
        Assert.Contains("emptyDir", error.Message, StringComparison.Ordinal);
        Expect.Clean(Stacks.Check([.. CampaignConfigTests.Sweep, ("srcnet:scratch.mode", "emptyDir"), ("srcnet:quota.persistentVolumeClaims", "1")]));
    }

    [Fact]
    public void Scratch_on_the_nodes_disk_is_an_empty_dir_the_container_requests()
    {
        var job = Job(Plan());
        var env = Env();
        var scratch = Assert.Single(job.Spec.Template.Spec.Volumes, v => v.Name == Scratch.VolumeName);
        Assert.Equal(env.Sizing.ScratchRequest.Text, scratch.EmptyDir.SizeLimit.ToString());
        Assert.Equal(env.Sizing.ScratchRequest.Text, job.Spec.Template.Spec.Containers[0].Resources.Requests["ephemeral-storage"].ToString());
    }

    [Fact]
    public void Scratch_is_sized_for_the_largest_point()
    {
        var env = Env(("srcnet:campaign.axes", "{imagingNpixel: [16, 4096, 64]}"), ("srcnet:workflow.resources.limits.memory", "64Gi"));
        var campaign = env.Sizing.Campaign!;
        Assert.Equal(1, campaign.LargestScratchPoint);
        Assert.Same(campaign.Points[1], env.Sizing.Estimate);
        Assert.Equal(campaign.Points.Max(e => e.ScratchBytes), env.Sizing.Estimate.ScratchBytes);
    }

    [Fact]
    public void The_memory_limit_is_checked_against_the_hungriest_point_wherever_it_is()
    {
        // The middle point's 16384^2 image needs WSClean's ~180 GB; the first and the last fit in the sweep's 16Gi,
        // so a check of any other point than the hungriest would pass.
        var hungry = Stacks.Check([.. Sweep, ("srcnet:campaign.axes", "{imagingNpixel: [16, 16384, 64]}")]);
        var error = Expect.Error(hungry, "srcnet:workflow.resources.limits.memory",
            "16Gi (17.2 GB) is below the estimated peak memory of point 1, the campaign's hungriest, ");
        Assert.Contains("in the dirty image step", error.Message, StringComparison.Ordinal);
        Expect.Clean(Stacks.Check([.. Sweep, ("srcnet:campaign.axes", "{imagingNpixel: [16, 32, 64]}")]));
    }

    [Fact]
    public void The_deadline_is_each_points_not_the_whole_campaigns()
    {
        var job = Job(Plan(("srcnet:workflow.activeDeadlineSeconds", "7200")));
        Assert.Null(job.Spec.ActiveDeadlineSeconds);
        Assert.Equal(7200, job.Spec.Template.Spec.ActiveDeadlineSeconds);
    }

    [Fact]
    public void A_queue_labels_the_job_for_kueue_and_creates_it_suspended()
    {
        var queued = Job(Plan(("srcnet:campaign.queue", "campaigns")));
        Assert.Equal("campaigns", queued.Metadata.Labels[CampaignRun.KueueQueueLabel]);
        Assert.True(queued.Spec.Suspend);
        var direct = Job(Plan());
        Assert.False(direct.Metadata.Labels.ContainsKey(CampaignRun.KueueQueueLabel));
        Assert.Null(direct.Spec.Suspend);
    }

    [Fact]
    public void A_running_campaign_is_never_replaced_by_an_unrelated_change()
    {
        string Keepers(params (string Key, string? Yaml)[] overrides) =>
            string.Join("\n", Planner.Plan(Env(overrides)).RunKeepers.Select(k => $"{k.Key}={k.Value}"));
        var before = Keepers();
        Assert.Equal(before, Keepers(("srcnet:campaign.parallelism", "1")));
        Assert.Equal(before, Keepers(("srcnet:quota.requestsCpu", "30")));
        Assert.Equal(before, Keepers(("srcnet:workflow.ttlSecondsAfterFinished", "600")));
        Assert.Equal(before, Keepers(("srcnet:ingestor.config.batchSize", "20")));
        // What defines the campaign does make a new Job.
        Assert.NotEqual(before, Keepers(("srcnet:campaign.axes", "{phaseCenterRaDeg: [150.0]}")));
        Assert.NotEqual(before, Keepers(("srcnet:campaign.retriesPerPoint", "1")));
        Assert.NotEqual(before, Keepers(("srcnet:workflow.runNumber", "1")));
        Assert.NotEqual(before, Keepers(("srcnet:campaign.queue", "campaigns")));
    }

    [Fact]
    public void The_job_and_its_table_are_retained_when_replaced_and_never_updated_in_place()
    {
        var plan = Plan(("srcnet:campaign.queue", "campaigns"));
        var job = Assert.IsType<RunObjectStep>(Assert.Single(plan.Steps, s => s.ResourceName == Planner.WorkloadResource));
        Assert.True(job.Policy.RetainOnDelete);
        Assert.Subset(job.Policy.Ignored.ToHashSet(), new HashSet<string> { "spec.parallelism", "spec.suspend", "metadata.labels", "metadata.annotations" });
        var table = Assert.IsType<ObjectStep>(Assert.Single(plan.Steps, s => s.ResourceName == CampaignRun.PointsResource));
        Assert.True(table.Policy.RetainOnDelete);
        // The table comes before the run id and the Job that reads it.
        var names = plan.Steps.Select(s => s.ResourceName).ToList();
        Assert.True(names.IndexOf(CampaignRun.PointsResource) < names.IndexOf(Planner.RunIdResource));
        Assert.Equal(Planner.WorkloadResource, names[^1]);
    }

    [Fact]
    public void The_stack_outputs_name_the_campaign_and_the_verify_command_follows_it_whole()
    {
        var outputs = StackOutputs.For(Plan());
        var campaign = Assert.IsType<OrderedDictionary<string, object>>(outputs["campaign"]);
        Assert.Equal(("sweep", 4), (campaign["name"], campaign["points"]));
        Assert.Equal("srcnet verify --stack t", outputs["verifyCommand"]);
        Assert.Equal("sweep-{point}_SKAMID_Karabo", outputs["obsId"]);
        Assert.False(StackOutputs.For(PlanStacks.Plan()).ContainsKey("campaign"));
    }
}
