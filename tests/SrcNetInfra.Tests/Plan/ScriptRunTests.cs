using System.Diagnostics;
using System.Text.RegularExpressions;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// Runs the rendered container for real: its command, its arguments (the run script and the
/// workflow command) and its environment, with <c>python</c> replaced by a stand-in that records
/// what the workflow would see and writes the products its flags ask for, and with the ingest claim
/// a temporary directory. Needs a POSIX shell; on Windows these tests do nothing.
/// </summary>
public class ScriptRunTests
{
    private sealed record Seen(string Args, string ObsId, string FilePrefix, bool OutDirExisted, string Stdout, string[] Staged);

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
                $"{{ echo \"$*\"; echo \"${{OBS_ID:-}}\"; echo \"${{FILE_PREFIX:-}}\"; if [ -d \"$OUT_DIR\" ]; then echo yes; else echo no; fi; }} > '{record}'\n" +
                // As the workflow does: products and their .meta into OUT_DIR/<scope>/ (docs/workflow.md#where-each-file-lands).
                "d=\"$OUT_DIR/$RUCIO_NAMESPACE\"; mkdir -p \"$d\"\n" +
                "for a in \"$@\"; do case $a in\n" +
                "  --dirty) echo x > \"$d/${FILE_PREFIX}dirty.fits\"; echo {} > \"$d/${FILE_PREFIX}dirty.fits.meta\" ;;\n" +
                "  --cleaned) echo x > \"$d/${FILE_PREFIX}cleaned.fits\"; echo {} > \"$d/${FILE_PREFIX}cleaned.fits.meta\" ;;\n" +
                "  --visibility) mkdir -p \"$d/${FILE_PREFIX}measurements.ms\"; echo x > \"$d/${FILE_PREFIX}measurements.ms/table.dat\"; echo {} > \"$d/${FILE_PREFIX}measurements.ms.meta\" ;;\n" +
                "esac; done\n");
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var container = plan.Container();
            var start = new ProcessStartInfo(container.Command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in container.Command.Skip(1).Concat(container.Args)) start.ArgumentList.Add(arg);
            start.Environment.Clear();
            start.Environment["PATH"] = bin.FullName + ":/usr/bin:/bin";
            foreach (var e in container.Env.Where(e => e.Value is not null)) start.Environment[e.Name] = e.Value;
            // The downward API's pod name, as the kubelet would set it.
            start.Environment[SimulationRun.PodNameVariable] = "karabo-aastar-29395260-x7k2p";
            // The pod's /ingest is not writable here: the claim is a temporary directory.
            var ingest = Path.Combine(dir.FullName, "ingest");
            start.Environment[ContainerScripts.IngestRootVariable] = ingest;
            start.Environment[ContainerScripts.StagingDirVariable] = Path.Combine(ingest, "staging");

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"the script failed ({process.ExitCode}): {stderr}");
            var lines = File.ReadAllLines(record);
            var staging = Path.Combine(ingest, "staging");
            var staged = Directory.EnumerateFileSystemEntries(staging, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(staging, p)).Order(StringComparer.Ordinal).ToArray();
            return new Seen(lines[0], lines[1], lines[2], lines[3] == "yes", stdout.Result, staged);
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
        // Handed over to the ingestor's staging/<scope>/ once the workflow succeeded.
        Assert.Equal(
            ["testing", "testing/1a2b3c4d-SKAMID-Karabocleaned.fits", "testing/1a2b3c4d-SKAMID-Karabocleaned.fits.meta",
             "testing/1a2b3c4d-SKAMID-Karabodirty.fits", "testing/1a2b3c4d-SKAMID-Karabodirty.fits.meta"],
            seen.Staged);
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
        Assert.Contains($"testing/{seen.FilePrefix}measurements.ms.meta", seen.Staged);
        // srcnet verify finds a CronJob run's ids only in this first log line.
        Assert.Equal($"{SimulationRun.RunMarker} OBS_ID={seen.ObsId} FILE_PREFIX={seen.FilePrefix}", seen.Stdout.Split('\n')[0]);
    }
}
