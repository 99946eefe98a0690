using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Duration;
using SrcNetInfra.Tests.Support;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// <c>srcnet calibrate --stack campaign</c>: a campaign's points are runs of different shapes, so a
/// calibration from one point's pod records that point's simulation, not the stack's base. Faked:
/// the Kubernetes API server (see <see cref="FakeApiServer"/>); the campaign Job is the one Core
/// plans, its pods are written as the Job controller and the kubelet would report them, and the
/// CLI runs in a copy of the project (a variant of stacks/Pulumi.campaign.yaml with the products of
/// the logged run, dirty and cleaned) so the calibration lands in a temporary calibrations/.
/// </summary>
public sealed class CalibrateCampaignTests : IAsyncDisposable
{
    private const string Ns = "srcnet-campaign";
    private readonly TempDir project = ProjectCopy.With("campaign");
    private FakeApiServer server = null!;
    private string kubeconfig = null!;
    private CheckedEnvironment env = null!;

    private async Task Start()
    {
        var file = Path.Combine(project.Path, "stacks", "Pulumi.campaign.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("products: [dirty]", "products: [dirty, cleaned]", StringComparison.Ordinal));
        var check = EnvironmentCheck.RunFile(file);
        Assert.True(check.Ok, string.Join("\n", check.Errors));
        env = check.Environment!;
        server = await FakeApiServer.Start(project.Path);
        kubeconfig = server.WriteKubeconfig(project.Path);
        server.Namespaces.Add(Namespace(Ns));
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        project.Dispose();
    }

    private Task<CliRun> Calibrate(params string[] args) =>
        Task.Run(() => CliRun.In(project.Path, ["calibrate", "--stack", "campaign", "--kubeconfig", kubeconfig, .. args]));

    [Fact]
    public async Task A_finished_point_of_a_running_campaign_calibrates_that_points_simulation()
    {
        await Start();
        var (job, _) = CampaignJob(env);
        job.Status.CompletedIndexes = "5";
        job.Status.Active = 3;
        server.Jobs.Add(job);
        var done = PointPod(job, 5, Succeeded(), minute: 1);
        server.Pods.Add(done);
        server.Pods.Add(PointPod(job, 6, Running(), minute: 2));
        server.Logs[done.Metadata.Name] = Logs.Read(Logs.ProdFinished);

        var run = await Calibrate("--node-type", "cpu-64c");

        Assert.True(run.ExitCode == 0, run.ToString());
        var c = CalibrationFile.Read(Path.Combine(project.Path, "calibrations", "campaign.yaml"), out var error) ?? throw new InvalidOperationException(error);
        Assert.Equal($"pod {done.Metadata.Name} of Job {job.Metadata.Name} in namespace {Ns}, point 5", c.Source);
        // Point 5 of the 3 x 3 grid: RA 150.12, Dec 2.51 (the stack's base is 150.12, 2.21).
        var point = env.Spec.Campaign!.Points[5].Simulation;
        Assert.Equal(point.PhaseCenterRaDeg, c.Run.PhaseCenterRaDeg);
        Assert.Equal(point.PhaseCenterDecDeg, c.Run.PhaseCenterDecDeg);
        Assert.NotEqual(env.Spec.Workflow.Simulation.PhaseCenterDecDeg, c.Run.PhaseCenterDecDeg);
        // The running point's log was never asked for.
        Assert.Empty(server.RequestsTo($"/pods/{job.Metadata.Name}-6-x7k2p/log"));
    }

    [Fact]
    public async Task A_campaign_job_of_another_point_table_is_refused()
    {
        await Start();
        // The Job deployed before the stack file gained a point: index 5 may mean another point.
        var (job, _) = CampaignJob(env);
        job.Metadata.Annotations[Core.Plan.Annotations.CampaignPointTable] = "mightee-sweep-points-00000000";
        server.Jobs.Add(job);
        var done = PointPod(job, 5, Succeeded());
        server.Pods.Add(done);
        server.Logs[done.Metadata.Name] = Logs.Read(Logs.ProdFinished);

        var run = await Calibrate();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("reads point table 'mightee-sweep-points-00000000', not the stack file's", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Path, "calibrations")));
    }

    [Fact]
    public async Task A_saved_log_cannot_say_which_point_it_is_of()
    {
        await Start();
        var log = Path.Combine(project.Path, "run.log");
        File.WriteAllText(log, Logs.Read(Logs.ProdFinished));
        var run = CliRun.In(project.Path, "calibrate", "--stack", "campaign", "--log", log);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--log: stack campaign is a campaign, whose points differ", run.Error, StringComparison.Ordinal);
    }
}
