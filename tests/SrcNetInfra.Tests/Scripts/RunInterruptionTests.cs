using SrcNetInfra.Core.Plan;
using static SrcNetInfra.Tests.Scripts.ScriptSandbox;

namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// The run script when its pod is stopped: SIGTERM and SIGINT reach the workflow and hand nothing
/// over; a pod killed outright (SIGKILL to everything) leaves a run dir the next attempt of the same
/// run cleans up, unless that pod might still be alive; a run killed during its hand-over finishes
/// it on the next attempt instead of running the workflow twice.
/// </summary>
public class RunInterruptionTests
{
    private static readonly string[] AllProducts = ["visibility", "dirty", "cleaned"];

    private static ScriptProcess StartPaused(ScriptSandbox sandbox, params string[] products)
    {
        sandbox.Environment["STANDIN_PAUSE"] = "1";
        var run = sandbox.StartRun(products);
        run.WaitForFile(Path.Combine(sandbox.Control, "written"));
        return run;
    }

    [SkippableTheory]
    [InlineData(ScriptShell.DashName, "TERM", 143)]
    [InlineData(ScriptShell.DashName, "INT", 130)]
    [InlineData(ScriptShell.BusyboxName, "TERM", 143)]
    [InlineData(ScriptShell.BusyboxName, "INT", 130)]
    public void A_signal_stops_the_workflow_and_hands_nothing_over(string shell, string signal, int exitCode)
    {
        // A non-interactive shell cannot trap a signal that was ignored when it started (POSIX,
        // "trap"), and a process started from a shell's background job inherits SIGINT ignored;
        // that says nothing about the script (a pod's PID 1 gets SIGTERM, which is never ignored).
        Skip.If(signal == "INT" && SignalIgnoredHere(2), "SIGINT is ignored in this test process (a background job): the script cannot trap it");
        using var sandbox = new ScriptSandbox(shell);
        var run = StartPaused(sandbox, AllProducts);

        run.Signal(signal);
        var result = run.Finish();

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Empty(EntriesUnder(sandbox.Staging));
        var state = Fields(Path.Combine(sandbox.RunDir(), "state"));
        Assert.Equal(("killed", "SIG" + signal), (state["state"], state["reason"]));
        // The workflow got SIGTERM (it was blocked, so it died of it) and the script waited for it.
        Assert.Equal("143", state["exit_code"]);
        Assert.False(IsAlive(sandbox.StandInPid()), "the workflow outlived the script");
        Assert.Empty(EntriesUnder(sandbox.Ledger));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_pod_killed_outright_leaves_nothing_in_staging_and_its_next_attempt_cleans_up(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        var run = StartPaused(sandbox, AllProducts);

        run.KillAll();

        Assert.Empty(EntriesUnder(sandbox.Staging));
        Assert.Equal("running", Fields(Path.Combine(sandbox.RunDir(), "state"))["state"]);

        // A new pod of the same run while the old one's heartbeat is fresh: it might still be alive.
        sandbox.Environment[SimulationRun.PodNameVariable] = "aastar-1a2b3c4d-q9w8e";
        sandbox.Environment.Remove("STANDIN_PAUSE");
        var refused = sandbox.Run(AllProducts);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("aastar-1a2b3c4d-x7k2p is running", refused.Error, StringComparison.Ordinal);
        Assert.Single(sandbox.WorkflowCalls());

        // Once its heartbeat is older than three beats (a minute each), the old pod is dead: start over.
        File.SetLastWriteTimeUtc(Path.Combine(sandbox.RunDir(), "heartbeat"), DateTime.UtcNow.AddMinutes(-4));
        var retried = sandbox.Run(AllProducts);

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Contains(retried.OutLines, l => l.Contains("removing .srcnet/runs/" + ObsId + " of an earlier attempt (state running", StringComparison.Ordinal));
        Assert.Equal(StandInWorkflow.Files(FilePrefix, AllProducts).Order(StringComparer.Ordinal), FilesUnder(sandbox.Staging));
        Assert.Equal(2, sandbox.WorkflowCalls().Length);
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_failed_run_made_again_runs_again(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment["STANDIN_EXIT"] = "1";
        Assert.Equal(1, sandbox.Run("dirty").ExitCode);

        sandbox.Environment.Remove("STANDIN_EXIT");
        var again = sandbox.Run("dirty");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal([FilePrefix + "dirty.fits", FilePrefix + "dirty.fits.meta"], FilesUnder(sandbox.Staging));
        Assert.True(File.Exists(Path.Combine(sandbox.Ledger, ObsId)));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_running_run_keeps_its_heartbeat_fresh(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment[ContainerScripts.HeartbeatSecondsVariable] = "1";
        var run = StartPaused(sandbox, "dirty");
        var heartbeat = Path.Combine(sandbox.RunDir(), "heartbeat");
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(heartbeat, old);

        // The beat is every second here (SRCNET_HEARTBEAT_SECONDS=1): wait for at most a few.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.GetLastWriteTimeUtc(heartbeat) < old.AddMinutes(30) && DateTime.UtcNow < deadline) Thread.Sleep(20);

        Assert.True(File.GetLastWriteTimeUtc(heartbeat) > DateTime.UtcNow.AddMinutes(-1), "the heartbeat was not touched");
        sandbox.ReleaseWorkflow();
        Assert.Equal(0, run.Finish().ExitCode);
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_pod_killed_during_the_hand_over_has_it_finished_by_its_next_attempt(string shell)
    {
        using var sandbox = new ScriptSandbox(shell, logMoves: true);
        sandbox.Environment["MV_PAUSE_ON"] = FilePrefix + "cleaned.fits";
        var run = sandbox.StartRun(AllProducts);
        run.WaitForFile(Path.Combine(sandbox.Control, "mv-paused"));

        run.KillAll();
        // Half handed over: the MeasurementSet and the dirty image are in staging, the cleaned image is not.
        Assert.DoesNotContain(FilePrefix + "cleaned.fits", EntriesUnder(sandbox.Staging));
        Assert.Contains(FilePrefix + "dirty.fits.meta", EntriesUnder(sandbox.Staging));

        sandbox.Environment.Remove("MV_PAUSE_ON");
        sandbox.Environment[SimulationRun.PodNameVariable] = "aastar-1a2b3c4d-q9w8e";
        var resumed = sandbox.Run(AllProducts);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Single(sandbox.WorkflowCalls());
        Assert.Equal(StandInWorkflow.Files(FilePrefix, AllProducts).Order(StringComparer.Ordinal), FilesUnder(sandbox.Staging));
        Assert.True(File.Exists(Path.Combine(sandbox.Ledger, ObsId)));
        Assert.False(Directory.Exists(sandbox.RunDir()));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_sigterm_during_the_hand_over_lets_it_finish(string shell)
    {
        using var sandbox = new ScriptSandbox(shell, logMoves: true);
        sandbox.Environment["MV_PAUSE_ON"] = FilePrefix + "dirty.fits";
        var run = sandbox.StartRun("dirty", "cleaned");
        run.WaitForFile(Path.Combine(sandbox.Control, "mv-paused"));

        run.Signal("TERM");
        sandbox.ReleaseMove();
        var result = run.Finish();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(StandInWorkflow.Files(FilePrefix, ["dirty", "cleaned"]).Order(StringComparer.Ordinal), FilesUnder(sandbox.Staging));
        Assert.True(File.Exists(Path.Combine(sandbox.Ledger, ObsId)));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether this process ignores a signal (bit n-1 of SigIgn in /proc/self/status), as its children will.</summary>
    private static bool SignalIgnoredHere(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (signal - 1))) != 0;
    }
}
