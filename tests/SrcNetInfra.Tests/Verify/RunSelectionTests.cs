using k8s.Models;
using SrcNetInfra.Core.Verification;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>Which Jobs and pods are a stack's runs, newest first (offline, k8s.Models objects).</summary>
public class RunSelectionTests
{
    private static readonly VerifyTarget Dev = VerifyTarget.For(Cluster.Dev);
    private static readonly VerifyTarget Prod = VerifyTarget.For(Cluster.Prod);

    [Fact]
    public void A_Job_stacks_runs_are_its_labelled_Jobs_newest_first()
    {
        var older = DevJob("00000001", startedMinute: 0);
        var newer = DevJob("00000002", startedMinute: 30);
        var stranger = DevJob("00000003", startedMinute: 60);
        stranger.Metadata.Labels["app.kubernetes.io/instance"] = "other";

        var runs = RunSelection.Runs(Dev, [older, stranger, newer]);

        Assert.Equal(["karabo-aastar-00000002", "karabo-aastar-00000001"], runs.Select(j => j.Metadata.Name));
    }

    [Fact]
    public void A_CronJobs_runs_are_those_it_owns_or_that_carry_its_labels()
    {
        var cron = ProdCronJob();
        var owned = ProdRun(cron, 1);
        owned.Metadata.Labels.Clear();
        var labelled = ProdRun(cron, 2);
        labelled.Metadata.OwnerReferences = null;
        var stranger = new V1Job { Metadata = new V1ObjectMeta { Name = "backup-1", Labels = new Dictionary<string, string>() }, Status = new V1JobStatus { StartTime = Epoch.AddHours(5) } };

        var runs = RunSelection.Runs(Prod, [owned, stranger, labelled], cron);

        Assert.Equal([labelled.Metadata.Name, owned.Metadata.Name], runs.Select(j => j.Metadata.Name));
    }

    [Fact]
    public void A_Job_stack_ignores_Jobs_a_CronJob_made()
    {
        var job = DevJob();
        job.Metadata.OwnerReferences = [new V1OwnerReference { Kind = "CronJob", Name = "karabo-aastar", ApiVersion = "batch/v1", Uid = "u" }];

        Assert.Empty(RunSelection.Runs(Dev, [job]));
    }

    [Fact]
    public void A_deployed_Jobs_ids_are_its_annotations()
    {
        Assert.Equal(new RunIds(DevObsId, DevPrefix), RunSelection.Annotated(DevJob()));
        Assert.Null(RunSelection.Annotated(ProdRun(ProdCronJob(), 1)));
    }

    [Fact]
    public void Annotations_with_characters_the_config_would_not_allow_are_not_taken()
    {
        var job = DevJob();
        job.Metadata.Annotations[SrcNetInfra.Core.Plan.Annotations.FilePrefix] = "x\"; rm -rf /; \"";

        Assert.Null(RunSelection.Annotated(job));
    }

    [Fact]
    public void A_Jobs_pods_are_found_by_either_job_name_label()
    {
        var job = DevJob();
        var current = PodOf(job, Succeeded(), "aaaaa");
        var legacy = PodOf(job, Succeeded(), "bbbbb");
        legacy.Metadata.Labels.Remove(RunSelection.JobNameLabel);
        var other = PodOf(DevJob("ffffffff"), Succeeded());

        Assert.Equal([current.Metadata.Name, legacy.Metadata.Name], RunSelection.PodsOf(job, [current, legacy, other]).Select(p => p.Metadata.Name));
    }

    [Fact]
    public void The_newest_pod_is_the_runs_pod()
    {
        var job = DevJob();
        var first = PodOf(job, OomKilled(), "aaaaa");
        var second = PodOf(job, Running(), "bbbbb");
        second.Metadata.CreationTimestamp = Epoch.AddMinutes(5);

        Assert.Same(second, RunSelection.NewestPod([first, second]));
        Assert.Null(RunSelection.NewestPod([]));
    }

    [Fact]
    public void The_ingestor_pod_is_a_running_core_pod_before_any_other()
    {
        var running = IngestorPod("ns");
        var pending = IngestorPod("ns", "Pending");
        pending.Metadata.Name = "core-new";
        pending.Metadata.CreationTimestamp = Epoch;
        var stranger = IngestorPod("ns");
        stranger.Metadata.Name = "corex-1";

        Assert.Same(running, RunSelection.IngestorPod([pending, stranger, running]));
        Assert.Same(pending, RunSelection.IngestorPod([pending, stranger]));
        Assert.Null(RunSelection.IngestorPod([stranger]));
    }
}
