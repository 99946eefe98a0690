using k8s.Models;
using SrcNetInfra.Core.Verification;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>A run's state from its Job, pod and events, as k8s.Models objects (offline: no HTTP).</summary>
public class RunClassifierTests
{
    private static RunState Classify(V1PodStatus? pod, IList<V1JobCondition>? conditions = null, params Corev1Event[] events)
    {
        var job = DevJob();
        job.Status.Conditions = conditions;
        return RunClassifier.Classify(job, pod is null ? null : PodOf(job, pod), events);
    }

    [Fact]
    public void Succeeded()
    {
        var s = Classify(Cluster.Succeeded(), [JobComplete()]);

        Assert.Equal((RunPhase.Succeeded, "Succeeded", "Completed", 0), (s.Phase, s.PodPhase, s.Reason, s.ExitCode));
        Assert.Equal("succeeded (Completed)", s.Describe());
    }

    [Fact]
    public void Running()
    {
        Assert.Equal(RunPhase.Running, Classify(Cluster.Running()).Phase);
    }

    [Fact]
    public void Creating_is_pending()
    {
        var s = Classify(Creating());

        Assert.Equal((RunPhase.Pending, "ContainerCreating"), (s.Phase, s.Reason));
    }

    [Fact]
    public void No_pod_and_no_events_is_pending()
    {
        var s = Classify(null);

        Assert.Equal(RunPhase.Pending, s.Phase);
        Assert.Equal("no pod yet", s.Describe());
    }

    [Fact]
    public void No_pod_because_the_quota_refused_it_is_failed_with_the_events_message()
    {
        var old = new Corev1Event { Reason = "FailedCreate", Message = "old", LastTimestamp = Epoch };
        var latest = new Corev1Event { Reason = "FailedCreate", Message = "exceeded quota: q", LastTimestamp = Epoch.AddMinutes(5) };
        var other = new Corev1Event { Reason = "SuccessfulCreate", Message = "created", LastTimestamp = Epoch.AddMinutes(9) };

        var s = Classify(null, null, old, latest, other);

        Assert.Equal((RunPhase.Failed, "FailedCreate", "exceeded quota: q"), (s.Phase, s.Reason, s.Message));
    }

    [Fact]
    public void Unschedulable_carries_the_schedulers_message()
    {
        var s = Classify(Unschedulable("0/3 nodes are available: 3 Insufficient memory."));

        Assert.Equal((RunPhase.Unschedulable, "0/3 nodes are available: 3 Insufficient memory."), (s.Phase, s.Message));
    }

    [Fact]
    public void OOMKilled_with_the_Jobs_reason()
    {
        var s = Classify(OomKilled(), [JobFailed("BackoffLimitExceeded", "Job has reached the specified backoff limit")]);

        Assert.Equal((RunPhase.Failed, "OOMKilled", 137, "BackoffLimitExceeded"), (s.Phase, s.Reason, s.ExitCode, s.JobReason));
        Assert.Equal("failed (OOMKilled, exit code 137, Job BackoffLimitExceeded): Job has reached the specified backoff limit", s.Describe());
    }

    [Fact]
    public void A_non_zero_exit_is_failed_even_before_the_pod_phase_says_so()
    {
        var s = Classify(new V1PodStatus
        {
            Phase = "Running",
            ContainerStatuses = [Container("karabo", terminated: new V1ContainerStateTerminated { ExitCode = 1, Reason = "Error", Message = "ValueError: phase centre outside MIGHTEE_L1" })],
        });

        Assert.Equal((RunPhase.Failed, "Error", 1), (s.Phase, s.Reason, s.ExitCode));
        Assert.Equal("ValueError: phase centre outside MIGHTEE_L1", s.Message);
    }

    [Fact]
    public void Evicted()
    {
        var s = Classify(new V1PodStatus { Phase = "Failed", Reason = "Evicted", Message = "The node was low on resource: ephemeral-storage." });

        Assert.Equal((RunPhase.Failed, "Evicted", "The node was low on resource: ephemeral-storage."), (s.Phase, s.Reason, s.Message));
    }

    [Fact]
    public void DeadlineExceeded_from_the_pod_and_from_the_Job()
    {
        var pod = Classify(new V1PodStatus { Phase = "Failed", Reason = "DeadlineExceeded", Message = "Pod was active on the node longer than the specified deadline" });
        var job = Classify(Cluster.Running(), [JobFailed("DeadlineExceeded", "Job was active longer than specified deadline")]);
        var gone = Classify(null, [JobFailed("DeadlineExceeded", "Job was active longer than specified deadline")]);

        Assert.Equal((RunPhase.Failed, "DeadlineExceeded"), (pod.Phase, pod.Reason));
        Assert.Equal((RunPhase.Failed, "DeadlineExceeded", "DeadlineExceeded"), (job.Phase, job.Reason, job.JobReason));
        Assert.Equal((RunPhase.Failed, "DeadlineExceeded"), (gone.Phase, gone.Reason));
    }

    [Theory]
    [InlineData("ImagePullBackOff")]
    [InlineData("ErrImagePull")]
    [InlineData("CrashLoopBackOff")]
    [InlineData("CreateContainerConfigError")]
    [InlineData("InvalidImageName")]
    public void Waiting_reasons_that_need_a_fix_are_failed(string reason)
    {
        var s = Classify(new V1PodStatus { Phase = "Pending", ContainerStatuses = [Container("karabo", waiting: new V1ContainerStateWaiting { Reason = reason, Message = "m" })] });

        Assert.Equal((RunPhase.Failed, reason, "m"), (s.Phase, s.Reason, s.Message));
    }

    [Fact]
    public void A_finished_Job_whose_pod_is_gone_keeps_its_outcome()
    {
        Assert.Equal(RunPhase.Succeeded, Classify(null, [JobComplete()]).Phase);
    }

    [Fact]
    public void A_pod_on_a_lost_node_is_pending_not_failed()
    {
        var s = Classify(new V1PodStatus { Phase = "Unknown" });

        Assert.Equal((RunPhase.Pending, "NodeLost"), (s.Phase, s.Reason));
    }

    [Fact]
    public void Long_messages_are_cut_to_one_line()
    {
        var s = Classify(Unschedulable("0/300 nodes are available:\n" + new string('x', 1000)));

        Assert.DoesNotContain("\n", s.Message);
        Assert.Equal(400, s.Message!.Length);
    }

    [Fact]
    public void The_ingestor_pod_is_classified_the_same_way()
    {
        var running = RunClassifier.Classify(new V1Job(), IngestorPod("ns"));
        var crashing = RunClassifier.Classify(new V1Job(), new V1Pod
        {
            Status = new V1PodStatus { Phase = "Running", ContainerStatuses = [Container("core", waiting: new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" })] },
        });

        Assert.Equal(RunPhase.Running, running.Phase);
        Assert.Equal((RunPhase.Failed, "CrashLoopBackOff"), (crashing.Phase, crashing.Reason));
    }
}
