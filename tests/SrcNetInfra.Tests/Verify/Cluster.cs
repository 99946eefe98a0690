using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Core.Verification;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// Canned cluster objects for the verify tests: the Jobs and CronJob are the repository's own dev
/// and prod stacks as Core plans them (so labels and annotations are the deployed ones); pods,
/// events and logs are written as the kubelet and controllers would report them.
/// </summary>
internal static class Cluster
{
    /// <summary>dev: a Job stack in namespace srcnet-dev, products [dirty].</summary>
    public static CheckedEnvironment Dev { get; } = Check("dev");

    /// <summary>prod: a CronJob stack in namespace datalake-ingestion, products [dirty, cleaned].</summary>
    public static CheckedEnvironment Prod { get; } = Check("prod");

    /// <summary>campaign: 9 points (3 x 3 phase centres) in namespace srcnet-campaign, products [dirty].</summary>
    public static CheckedEnvironment Campaign { get; } = Check("campaign");

    public const string DevRunId = "1a2b3c4d";
    public const string DevPrefix = DevRunId + "-SKAMID-Karabo";
    public const string DevObsId = DevRunId + "_SKAMID_Karabo";
    public const string IngestorPodName = "core-6d9f7c5b8-x2k4q";

    public static readonly DateTime Epoch = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static V1Namespace Namespace(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta { Name = name },
        Status = new V1NamespaceStatus { Phase = "Active" },
    };

    /// <summary>The dev stack's Job as <c>pulumi up</c> deploys it for a run id, started at a given minute.</summary>
    public static V1Job DevJob(string runId = DevRunId, int startedMinute = 0)
    {
        var job = Planner.Plan(Dev, runId).Objects.Select(o => o.Object).OfType<V1Job>().Single();
        job.Metadata.Uid = "uid-" + runId;
        job.Metadata.CreationTimestamp = Epoch.AddMinutes(startedMinute);
        job.Status = new V1JobStatus { StartTime = Epoch.AddMinutes(startedMinute) };
        return job;
    }

    /// <summary>The campaign stack's Indexed Job as <c>pulumi up</c> deploys it for a run id, and its point table.</summary>
    public static (V1Job Job, V1ConfigMap Table) CampaignJob(CheckedEnvironment? env = null, string runId = DevRunId)
    {
        var objects = Planner.Plan(env ?? Campaign, runId).Objects.Select(o => o.Object).ToList();
        var job = objects.OfType<V1Job>().Single();
        job.Metadata.Uid = "uid-" + runId;
        job.Metadata.CreationTimestamp = Epoch;
        job.Status = new V1JobStatus { StartTime = Epoch };
        return (job, objects.OfType<V1ConfigMap>().Single());
    }

    /// <summary>A pod of one index of an Indexed Job, with the label and annotation the Job controller sets on it.</summary>
    public static V1Pod PointPod(V1Job job, int index, V1PodStatus status, string suffix = "x7k2p", int minute = 0)
    {
        var pod = PodOf(job, status, $"{index}-{suffix}");
        pod.Metadata.CreationTimestamp = Epoch.AddMinutes(minute);
        pod.Metadata.Labels[CampaignProgress.CompletionIndexKey] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        pod.Metadata.Annotations = new Dictionary<string, string> { [CampaignProgress.CompletionIndexKey] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return pod;
    }

    public static V1CronJob ProdCronJob()
    {
        var cron = (V1CronJob)Planner.Plan(Prod).Objects.Single(o => o.ResourceName == Planner.WorkloadResource).Object;
        cron.Metadata.Uid = "uid-cron";
        return cron;
    }

    /// <summary>A Job the CronJob controller made: named by its scheduled minute, owned by the CronJob, the template's labels.</summary>
    public static V1Job ProdRun(V1CronJob cron, int hour)
    {
        var scheduled = Epoch.AddHours(hour);
        var name = $"{cron.Metadata.Name}-{(long)(scheduled - DateTime.UnixEpoch).TotalMinutes}";
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = cron.Metadata.NamespaceProperty,
                Uid = "uid-" + name,
                CreationTimestamp = scheduled,
                Labels = new Dictionary<string, string>(cron.Spec.JobTemplate.Metadata.Labels),
                Annotations = new Dictionary<string, string>(cron.Spec.JobTemplate.Metadata.Annotations),
                OwnerReferences = [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "CronJob", Name = cron.Metadata.Name, Uid = cron.Metadata.Uid, Controller = true }],
            },
            Spec = cron.Spec.JobTemplate.Spec,
            Status = new V1JobStatus { StartTime = scheduled },
        };
    }

    /// <summary>The FILE_PREFIX a prod run logs: its UTC start in the pattern.</summary>
    public static RunIds ProdIds(int hour)
    {
        var run = Epoch.AddHours(hour).ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var m = Prod.Spec.Workflow.Metadata;
        return new RunIds(m.ObsIdFor(run), m.FilePrefixFor(run));
    }

    /// <summary>The run's pod with the labels the Job controller sets and the given status.</summary>
    public static V1Pod PodOf(V1Job job, V1PodStatus status, string suffix = "x7k2p") => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = $"{job.Metadata.Name}-{suffix}",
            NamespaceProperty = job.Metadata.NamespaceProperty,
            CreationTimestamp = job.Status?.StartTime ?? job.Metadata.CreationTimestamp,
            Labels = new Dictionary<string, string>(job.Spec.Template.Metadata.Labels)
            {
                [RunSelection.JobNameLabel] = job.Metadata.Name,
                [RunSelection.LegacyJobNameLabel] = job.Metadata.Name,
            },
            OwnerReferences = [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "Job", Name = job.Metadata.Name, Uid = job.Metadata.Uid, Controller = true }],
        },
        Spec = job.Spec.Template.Spec,
        Status = status,
    };

    public static V1Pod IngestorPod(string ns, string phase = "Running") => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = IngestorPodName,
            NamespaceProperty = ns,
            CreationTimestamp = Epoch.AddDays(-1),
            Labels = new Dictionary<string, string> { ["app"] = "core" },
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "core", Image = "registry.gitlab.com/ska-telescope/src/src-dm/ska-src-dm-di-ingestor:0.1.30" }] },
        Status = phase == "Running"
            ? new V1PodStatus { Phase = "Running", ContainerStatuses = [Container("core", running: true)] }
            : new V1PodStatus { Phase = phase },
    };

    // ----- pod statuses -----------------------------------------------------------------------

    public static V1PodStatus Succeeded() => new()
    {
        Phase = "Succeeded",
        ContainerStatuses = [Container(SimulationRun.ContainerName, terminated: new V1ContainerStateTerminated { ExitCode = 0, Reason = "Completed" })],
    };

    public static V1PodStatus Running() => new()
    {
        Phase = "Running",
        ContainerStatuses = [Container(SimulationRun.ContainerName, running: true)],
    };

    public static V1PodStatus Creating() => new()
    {
        Phase = "Pending",
        Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "True" }],
        ContainerStatuses = [Container(SimulationRun.ContainerName, waiting: new V1ContainerStateWaiting { Reason = "ContainerCreating" })],
    };

    public static V1PodStatus Unschedulable(string message) => new()
    {
        Phase = "Pending",
        Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = message }],
    };

    public static V1PodStatus OomKilled() => new()
    {
        Phase = "Failed",
        ContainerStatuses = [Container(SimulationRun.ContainerName, terminated: new V1ContainerStateTerminated { ExitCode = 137, Reason = "OOMKilled" })],
    };

    public static V1ContainerStatus Container(string name, bool running = false, V1ContainerStateTerminated? terminated = null, V1ContainerStateWaiting? waiting = null) => new()
    {
        Name = name,
        Image = "image",
        ImageID = "",
        Ready = running,
        RestartCount = 0,
        State = new V1ContainerState
        {
            Running = running ? new V1ContainerStateRunning { StartedAt = Epoch } : null,
            Terminated = terminated,
            Waiting = waiting,
        },
    };

    public static V1JobCondition JobFailed(string reason, string message) => new() { Type = "Failed", Status = "True", Reason = reason, Message = message };

    public static V1JobCondition JobComplete() => new() { Type = "Complete", Status = "True" };

    /// <summary>What a run's log starts with (the marker), then the workflow's own lines.</summary>
    public static string LogOf(RunIds ids, params string[] lines) =>
        string.Join("\n", [RunMarker.Format(ids), .. lines]) + "\n";

    private static CheckedEnvironment Check(string stack)
    {
        var result = EnvironmentCheck.RunFile(Repo.StackFile(stack));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Environment!;
    }
}
