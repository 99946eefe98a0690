using System.Text.RegularExpressions;
using SrcNetInfra.Core.Plan;
using static SrcNetInfra.Tests.Scripts.ScriptSandbox;

namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// The run script (Plan/Scripts/run.sh) with a stand-in workflow, under dash and busybox sh: the
/// ingestor's staging area sees nothing while the workflow runs, exactly the selected products
/// (each data before its metadata, group-writable) after it succeeds, and nothing after it fails.
/// </summary>
public class RunScriptTests
{
    public static TheoryData<string, string> ShellsAndProducts() => ScriptShell.Each(
        "visibility", "dirty", "cleaned", "visibility,dirty", "visibility,cleaned", "dirty,cleaned", "visibility,dirty,cleaned");

    [SkippableTheory]
    [MemberData(nameof(ShellsAndProducts))]
    public void Staging_sees_nothing_while_the_workflow_runs_then_its_products_group_writable_data_before_metadata(string shell, string productList)
    {
        var products = productList.Split(',');
        using var sandbox = new ScriptSandbox(shell, logMoves: true);
        sandbox.Environment["STANDIN_PAUSE"] = "1";

        var run = sandbox.StartRun(products);
        run.WaitForFile(Path.Combine(sandbox.Control, "written"));
        Assert.Empty(EntriesUnder(sandbox.Staging));
        sandbox.ReleaseWorkflow();
        var result = run.Finish();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SimulationRun.MarkerLine(ObsId, FilePrefix), result.OutLines[0]);
        var call = Assert.Single(sandbox.WorkflowCalls()).Split('|');
        Assert.Equal((string.Join(' ', products.Select(p => "--" + p)), sandbox.RunDir() + "/out", ObsId, FilePrefix), (call[0], call[1], call[2], call[3]));
        Assert.Equal(StandInWorkflow.Files(FilePrefix, products).Order(StringComparer.Ordinal), FilesUnder(sandbox.Staging));
        // The stray file and WSClean's temp file are no products: gone with the run dir.
        Assert.Empty(EntriesUnder(sandbox.Runs));
        AssertGroupWritable(sandbox.Staging);

        var staged = sandbox.StagedInOrder();
        var expected = products.SelectMany(p => new[] { StandInWorkflow.DataName(FilePrefix, p), StandInWorkflow.DataName(FilePrefix, p) + ".meta" });
        Assert.Equal(expected.Order(StringComparer.Ordinal), staged.Order(StringComparer.Ordinal));
        foreach (var product in products)
        {
            var data = StandInWorkflow.DataName(FilePrefix, product);
            Assert.True(Array.IndexOf(staged, data) < Array.IndexOf(staged, data + ".meta"), $"{data}.meta was moved before {data}: {string.Join(", ", staged)}");
        }
        // Every hand-over is a rename from the run dir on the same claim, never a copy.
        Assert.All(sandbox.Moves().Where(m => m.Contains(sandbox.Staging, StringComparison.Ordinal)),
            m => Assert.StartsWith(sandbox.RunDir() + "/out/" + Scope + "/", m, StringComparison.Ordinal));
    }

    /// <summary>
    /// A non-root ingestor in the group can move every handed-over entry out of staging. The
    /// stand-in made some files 600 and a directory 700, as a tool setting its own mode would.
    /// </summary>
    private static void AssertGroupWritable(string staging)
    {
        if (OperatingSystem.IsWindows()) return; // ScriptShell skipped already; this tells the analyzer.
        foreach (var entry in EntriesUnder(staging).Append("."))
        {
            var path = Path.Combine(staging, entry);
            var mode = File.GetUnixFileMode(path);
            Assert.True(mode.HasFlag(UnixFileMode.GroupRead) && mode.HasFlag(UnixFileMode.GroupWrite), $"{entry} is {mode}");
            if (Directory.Exists(path)) Assert.True(mode.HasFlag(UnixFileMode.GroupExecute), $"directory {entry} is {mode}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_configured_group_owns_every_handed_over_product(string shell)
    {
        Skip.IfNot(System.Environment.UserName == "root", "only root can give files to another group");
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment[ContainerScripts.IngestGidVariable] = "4242";

        var result = sandbox.Run("visibility", "dirty");

        Assert.True(result.ExitCode == 0, result.ToString());
        var entries = EntriesUnder(sandbox.Staging).Select(e => Path.Combine(sandbox.Staging, e)).Append(sandbox.Staging).ToArray();
        var groups = Tool.Run("stat", ["-c", "%g %n", .. entries]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(groups, g => Assert.StartsWith("4242 ", g, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_failed_run_hands_nothing_over_and_keeps_its_directory(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment["STANDIN_EXIT"] = "3";

        var result = sandbox.Run("visibility", "dirty", "cleaned");

        Assert.Equal(3, result.ExitCode);
        Assert.Empty(EntriesUnder(sandbox.Staging));
        var state = Fields(Path.Combine(sandbox.RunDir(), "state"));
        Assert.Equal(("failed", "3", "aastar-1a2b3c4d-x7k2p"), (state["state"], state["exit_code"], state["pod"]));
        // Kept for inspection: everything the workflow wrote is still there.
        Assert.Contains(FilePrefix + "dirty.fits", FilesUnder(Path.Combine(sandbox.RunDir(), "out", Scope)));
        Assert.Empty(EntriesUnder(sandbox.Ledger));
        Assert.Contains(result.OutLines, l => l.Contains("the workflow failed (exit code 3)", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_product_the_flags_promise_but_the_workflow_did_not_write_fails_the_whole_run(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment["STANDIN_SKIP"] = "dirty.fits.meta";

        var result = sandbox.Run("dirty", "cleaned");

        Assert.Equal(1, result.ExitCode);
        // Not even the complete cleaned image: a run is handed over whole or not at all.
        Assert.Empty(EntriesUnder(sandbox.Staging));
        Assert.Equal("failed", Fields(Path.Combine(sandbox.RunDir(), "state"))["state"]);
        Assert.Contains(FilePrefix + "dirty.fits.meta", result.Error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_product_already_in_staging_is_never_overwritten(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        var earlier = sandbox.Write($"staging/{Scope}/{FilePrefix}cleaned.fits", 10, DateTime.UtcNow);

        var result = sandbox.Run("dirty", "cleaned");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([FilePrefix + "cleaned.fits"], EntriesUnder(sandbox.Staging));
        Assert.Equal(10, new FileInfo(earlier).Length);
        Assert.Contains("staging already has", result.Error, StringComparison.Ordinal);
        Assert.Empty(EntriesUnder(sandbox.Ledger));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_finished_run_is_in_the_ledger_and_never_runs_again(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        var first = sandbox.Run("dirty");
        Assert.True(first.ExitCode == 0, first.ToString());
        var entry = Fields(Path.Combine(sandbox.Ledger, ObsId));
        Assert.Equal((ObsId, FilePrefix), (entry["obs_id"], entry["file_prefix"]));

        // The cluster deleted the Job and pulumi up --refresh made it again: same OBS_ID, new pod.
        sandbox.Environment[SimulationRun.PodNameVariable] = "aastar-1a2b3c4d-q9w8e";
        var again = sandbox.Run("dirty");

        Assert.Equal(0, again.ExitCode);
        Assert.Single(sandbox.WorkflowCalls());
        Assert.Contains(again.OutLines, l => l.Contains($"already completed at {entry["finished"]}", StringComparison.Ordinal));
        Assert.Equal(SimulationRun.MarkerLine(ObsId, FilePrefix), again.OutLines[0]);
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_cron_job_run_takes_its_ids_from_its_utc_start_and_pod_name(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment.Remove("OBS_ID");
        sandbox.Environment.Remove("FILE_PREFIX");
        sandbox.Environment[ContainerScripts.ObsIdPatternVariable] = "SIM_{run}_MID";
        sandbox.Environment[ContainerScripts.FilePrefixPatternVariable] = "{run}-SKAMID-{run}-";
        sandbox.Environment[SimulationRun.PodNameVariable] = "karabo-aastar-29395260-x7k2p";

        var before = DateTime.UtcNow.AddSeconds(-1);
        var result = sandbox.Run("dirty");
        var after = DateTime.UtcNow.AddSeconds(1);

        Assert.True(result.ExitCode == 0, result.ToString());
        var call = Assert.Single(sandbox.WorkflowCalls()).Split('|');
        var obsId = Regex.Match(call[2], @"^SIM_((\d{8}T\d{6}Z)-x7k2p)_MID$");
        Assert.True(obsId.Success, $"OBS_ID '{call[2]}' is not the pattern with a UTC start and the pod's suffix");
        var run = obsId.Groups[1].Value;
        Assert.Equal($"{run}-SKAMID-{run}-", call[3]);
        var started = DateTime.ParseExact(obsId.Groups[2].Value, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        Assert.InRange(started, before.AddSeconds(-1), after);
        Assert.Equal(SimulationRun.MarkerLine(call[2], call[3]), result.OutLines[0]);
        Assert.True(File.Exists(Path.Combine(sandbox.Ledger, call[2])));
    }

    public static TheoryData<string, string, string?, string> BadEnvironments()
    {
        var data = new TheoryData<string, string, string?, string>();
        foreach (var shell in ScriptShell.Names)
        {
            data.Add(shell, "RUCIO_NAMESPACE", null, "RUCIO_NAMESPACE");
            data.Add(shell, "RUCIO_NAMESPACE", "../etc", "RUCIO_NAMESPACE '../etc'");
            data.Add(shell, "OBS_ID", null, "OBS_ID is not set");
            data.Add(shell, "OBS_ID", "a/b", "OBS_ID 'a/b'");
            data.Add(shell, ContainerScripts.IngestGidVariable, "ingest", "SRCNET_INGEST_GID 'ingest'");
            data.Add(shell, ContainerScripts.HeartbeatSecondsVariable, "0", "SRCNET_HEARTBEAT_SECONDS '0'");
            data.Add(shell, ContainerScripts.MetadataSuffixVariable, "m/x", "SRCNET_METADATA_SUFFIX 'm/x'");
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(BadEnvironments))]
    public void A_bad_environment_exits_2_with_one_line_naming_the_variable_and_writes_nothing(string shell, string variable, string? value, string message)
    {
        using var sandbox = new ScriptSandbox(shell);
        if (value is null) sandbox.Environment.Remove(variable);
        else sandbox.Environment[variable] = value;

        var result = sandbox.Run("dirty");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("srcnet-run: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Empty(sandbox.WorkflowCalls());
        Assert.Empty(EntriesUnder(sandbox.Root));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_command_without_product_flags_is_refused(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);

        var result = sandbox.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("selects no product", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(sandbox.WorkflowCalls());
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Staging_on_another_filesystem_is_refused_before_the_workflow_runs(string shell)
    {
        Skip.IfNot(Directory.Exists("/dev/shm"), "no second filesystem (/dev/shm) here");
        var other = Directory.CreateDirectory(Path.Combine("/dev/shm", "srcnet-other-fs-" + Guid.NewGuid().ToString("N")));
        try
        {
            using var sandbox = new ScriptSandbox(shell);
            Skip.If(Tool.Run("stat", "-c", "%d", sandbox.Root) == Tool.Run("stat", "-c", "%d", other.FullName), "/dev/shm is on the same filesystem as the temp dir here");
            sandbox.Environment[ContainerScripts.StagingDirVariable] = other.FullName;

            var result = sandbox.Run("dirty");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("different filesystems", result.Error, StringComparison.Ordinal);
            Assert.Empty(sandbox.WorkflowCalls());
            Assert.Empty(EntriesUnder(sandbox.Runs));
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }
}
