using System.Diagnostics;
using System.Text.RegularExpressions;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// Runs the container's shell script for real, with <c>python</c> replaced by a stub that records
/// what the workflow would see: the arguments, OBS_ID, FILE_PREFIX and whether OUT_DIR exists.
/// Needs a POSIX shell; on Windows these tests do nothing.
/// </summary>
public class ScriptRunTests
{
    private sealed record Seen(string Args, string ObsId, string FilePrefix, bool OutDirExisted, string Stdout);

    private static Seen? RunScript(EnvironmentPlan plan)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh")) return null;
        var dir = Directory.CreateTempSubdirectory("srcnet-plan-script-");
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(dir.FullName, "bin"));
            var record = Path.Combine(dir.FullName, "seen.txt");
            var stub = Path.Combine(bin.FullName, "python");
            File.WriteAllText(stub,
                "#!/bin/sh\n" +
                $"{{ echo \"$*\"; echo \"${{OBS_ID:-}}\"; echo \"${{FILE_PREFIX:-}}\"; if [ -d \"$OUT_DIR\" ]; then echo yes; else echo no; fi; }} > '{record}'\n");
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var container = plan.Container();
            var start = new ProcessStartInfo(container.Command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in container.Command.Skip(1).Concat(container.Args)) start.ArgumentList.Add(arg);
            start.Environment.Clear();
            start.Environment["PATH"] = bin.FullName + ":/usr/bin:/bin";
            foreach (var e in container.Env.Where(e => e.Value is not null)) start.Environment[e.Name] = e.Value;
            // The downward API's pod name, as the kubelet would set it for a CronJob's pod.
            if (container.Env.Any(e => e.Name == SimulationRun.PodNameVariable)) start.Environment[SimulationRun.PodNameVariable] = "karabo-aastar-29395260-x7k2p";
            // The pod's /ingest is not writable here: stage in the temp dir instead.
            start.Environment["OUT_DIR"] = Path.Combine(dir.FullName, "ingest", "staging");

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"the script failed ({process.ExitCode}): {stderr}");
            var lines = File.ReadAllLines(record);
            return new Seen(lines[0], lines[1], lines[2], lines[3] == "yes", stdout.Result);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_job_script_creates_out_dir_and_runs_the_workflow_with_the_run_ids()
    {
        var plan = Planner.Plan(PlanStacks.Env(("srcnet:workflow.mode", "job"), ("srcnet:workflow.products", "[cleaned, dirty]")), "1a2b3c4d");

        if (RunScript(plan) is not { } seen) return;
        Assert.Equal("-m karabo.workflows.SRCNet_SKA-MID_AAstar --dirty --cleaned", seen.Args);
        Assert.Equal("1a2b3c4d_SKAMID_Karabo", seen.ObsId);
        Assert.Equal("1a2b3c4d-SKAMID-Karabo", seen.FilePrefix);
        Assert.True(seen.OutDirExisted, "OUT_DIR did not exist when the workflow started");
        Assert.Equal($"{SimulationRun.RunMarker} OBS_ID=1a2b3c4d_SKAMID_Karabo FILE_PREFIX=1a2b3c4d-SKAMID-Karabo", seen.Stdout.Split('\n')[0]);
    }

    [Fact]
    public void A_cron_job_script_gives_each_run_ids_from_its_utc_start()
    {
        var plan = Planner.Plan(PlanStacks.Env(
            ("srcnet:workflow.mode", "cronjob"),
            ("srcnet:workflow.products", "[visibility]"),
            ("srcnet:workflow.metadata.obsIdPattern", "SIM_{run}_MID")));

        var before = DateTime.UtcNow.AddSeconds(-1);
        if (RunScript(plan) is not { } seen) return;
        var after = DateTime.UtcNow.AddSeconds(1);

        Assert.Equal("-m karabo.workflows.SRCNet_SKA-MID_AAstar --visibility", seen.Args);
        var obsId = Regex.Match(seen.ObsId, @"^SIM_((\d{8}T\d{6}Z)-x7k2p)_MID$");
        Assert.True(obsId.Success, $"OBS_ID '{seen.ObsId}' is not the pattern with a UTC timestamp");
        var run = obsId.Groups[1].Value;
        Assert.Equal(run + "-SKAMID-Karabo", seen.FilePrefix);
        var started = DateTime.ParseExact(obsId.Groups[2].Value, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        Assert.InRange(started, before.AddSeconds(-1), after);
        Assert.True(seen.OutDirExisted, "OUT_DIR did not exist when the workflow started");
        // srcnet verify finds a CronJob run's ids only in this first log line.
        Assert.Equal($"{SimulationRun.RunMarker} OBS_ID={seen.ObsId} FILE_PREFIX={seen.FilePrefix}", seen.Stdout.Split('\n')[0]);
    }
}
