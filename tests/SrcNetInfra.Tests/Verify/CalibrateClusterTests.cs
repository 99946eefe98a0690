using SrcNetInfra.Core.Duration;
using SrcNetInfra.Tests.Duration;
using SrcNetInfra.Tests.Support;
using static SrcNetInfra.Tests.Verify.Cluster;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// <c>srcnet calibrate --stack prod</c> without --log: the newest finished run of the CronJob,
/// found as verify finds runs, its log read with the kubelet's timestamps. Faked: the Kubernetes
/// API server (see <see cref="FakeApiServer"/>); the CLI runs in a copy of the project so the
/// calibration lands in a temporary calibrations/.
/// </summary>
public sealed class CalibrateClusterTests : IAsyncDisposable
{
    private const string Ns = "datalake-ingestion";
    private readonly TempDir project = ProjectCopy.With("prod");
    private FakeApiServer server = null!;
    private string kubeconfig = null!;

    private async Task Start()
    {
        server = await FakeApiServer.Start(project.Path);
        kubeconfig = server.WriteKubeconfig(project.Path);
        server.Namespaces.Add(Namespace(Ns));
        server.CronJobs.Add(ProdCronJob());
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        project.Dispose();
    }

    /// <summary>An hourly run with the given Job condition (none: still running) and a log whose marker carries its ids.</summary>
    private void AddRun(int hour, k8s.Models.V1JobCondition? condition, string logName)
    {
        var job = ProdRun(ProdCronJob(), hour);
        if (condition is not null) job.Status.Conditions = [condition];
        server.Jobs.Add(job);
        var pod = PodOf(job, condition is null ? Running() : Succeeded());
        server.Pods.Add(pod);
        var ids = ProdIds(hour);
        var lines = Logs.Read(logName).Split('\n');
        // The marker's ids are the run's; the kubelet's timestamp in front of it stays.
        lines[0] = lines[0][..(lines[0].IndexOf(' ') + 1)] + Core.Verification.RunMarker.Format(ids);
        server.Logs[pod.Metadata.Name] = string.Join('\n', lines);
    }

    private async Task<CliRun> Calibrate(params string[] args)
    {
        var run = await Task.Run(() => CliRun.In(project.Path, ["calibrate", "--stack", "prod", "--kubeconfig", kubeconfig, .. args]));
        Assert.True(server.Faults.IsEmpty, string.Join("\n", server.Faults));
        return run;
    }

    private Calibration Read(string name) =>
        CalibrationFile.Read(Path.Combine(project.Path, "calibrations", name + ".yaml"), out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public async Task The_newest_finished_run_is_read_with_timestamps()
    {
        await Start();
        AddRun(0, JobComplete(), Logs.ProdFailed);
        AddRun(1, JobComplete(), Logs.ProdFinished);
        AddRun(2, null, Logs.ProdFinished);

        var run = await Calibrate("--node-type", "cpu-64c");
        Assert.True(run.ExitCode == 0, run.ToString());
        var job = ProdRun(ProdCronJob(), 1).Metadata.Name;
        var c = Read("prod");
        Assert.Equal($"pod {job}-x7k2p of Job {job} in namespace {Ns}", c.Source);
        Assert.True(c.Finished);
        Assert.True(c.Seconds.ContainsKey(RunStage.Startup), "the kubelet's timestamps give the start-up");
        var logRequest = Assert.Single(server.RequestsTo($"/pods/{job}-x7k2p/log"));
        Assert.Contains("timestamps=true", logRequest.Query, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo($"/pods/{ProdRun(ProdCronJob(), 2).Metadata.Name}-x7k2p/log"));
    }

    [Fact]
    public async Task A_failed_run_counts_as_finished_and_calibrates_what_it_did()
    {
        await Start();
        AddRun(1, JobFailed("BackoffLimitExceeded", "Job has reached the specified backoff limit"), Logs.ProdFailed);
        var run = await Calibrate();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("the run stopped in the cleaned image step", run.Out, StringComparison.Ordinal);
        Assert.False(Read("prod").Finished);
    }

    [Fact]
    public async Task Run_picks_a_run_by_its_prefix_from_the_log()
    {
        await Start();
        AddRun(0, JobComplete(), Logs.ProdFailed);
        AddRun(1, JobComplete(), Logs.ProdFinished);
        var run = await Calibrate("--run", ProdIds(0).FilePrefix, "--name", "hour0");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Read("hour0").Finished);
    }

    [Fact]
    public async Task No_finished_run_exits_3_and_writes_nothing()
    {
        await Start();
        AddRun(2, null, Logs.ProdFinished);
        var run = await Calibrate();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("srcnet: no finished run of stack prod in namespace datalake-ingestion", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Path, "calibrations")));
    }

    [Fact]
    public async Task A_run_of_another_simulation_than_the_stack_now_describes_is_refused_and_writes_nothing()
    {
        // The stack was changed after the run (more time steps, a higher CPU limit): its durations
        // would be recorded under the stack's new shape and every projection from them would be off.
        await Start();
        AddRun(1, JobComplete(), Logs.ProdFinished);
        var container = server.Jobs[^1].Spec.Template.Spec.Containers.Single(c => c.Name == Core.Plan.SimulationRun.ContainerName);
        container.Env.Single(e => e.Name == "NUM_TIME_STAMPS").Value = "3";
        container.Env.Single(e => e.Name == "RUCIO_LIFETIME").Value = "1";
        container.Resources.Limits["cpu"] = new k8s.Models.ResourceQuantity("3");

        var run = await Calibrate();

        Assert.Equal(2, run.ExitCode);
        var job = ProdRun(ProdCronJob(), 1).Metadata.Name;
        Assert.Contains($"srcnet: --stack: Job {job} ran another simulation than stack prod describes now (NUM_TIME_STAMPS: the run had '3', the stack says '", run.Error, StringComparison.Ordinal);
        // The metadata does not change how long a run takes; the CPU limit does.
        Assert.Contains(", and 1 more); calibrate from a run of the current config", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Path, "calibrations")));
    }

    [Fact]
    public async Task A_forbidden_log_is_a_cluster_failure_exit_1()
    {
        await Start();
        AddRun(1, JobComplete(), Logs.ProdFinished);
        server.Forbid = path => path.EndsWith("/log", StringComparison.Ordinal);
        var run = await Calibrate();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("forbidden", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
