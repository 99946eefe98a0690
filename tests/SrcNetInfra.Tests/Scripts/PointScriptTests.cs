using k8s.Models;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Tests.Plan;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// The point script (Plan/Scripts/point.sh) under dash and busybox sh, with the point table the
/// campaign stack really renders: every index gets exactly its point's variables and products, and
/// whatever is wrong with the table or the index fails the point with exit 2 before anything runs.
/// </summary>
public class PointScriptTests
{
    /// <summary>Stands in for the run script: writes its arguments and the point's variables, one per line.</summary>
    private const string RunStandIn = """
        printf '%s\n' "$0" "$@" >"$STANDIN_CONTROL/args"
        env | grep -E '^(OBS_ID|FILE_PREFIX|PHASE_CENTER_RA_DEG|PHASE_CENTER_DEC_DEG|NUM_TIME_STAMPS|START_DATE_AND_TIME|IMAGING_CELLSIZE)=' | sort >"$STANDIN_CONTROL/env"
        """;

    private static readonly string[] Command = ["python", "-m", SimulationRun.Module];

    private static (EnvironmentPlan Plan, string Table) CampaignStack()
    {
        var path = Repo.StackFile("campaign");
        var result = Core.Validation.EnvironmentCheck.RunFile(path);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        var plan = Planner.Plan(result.Environment!);
        return (plan, plan.Single<V1ConfigMap>().Data[CampaignPoints.TableKey]);
    }

    private static ScriptResult RunPoint(ScriptSandbox sandbox, string table, string index)
    {
        var tablePath = Path.Combine(sandbox.Dir, "points");
        File.WriteAllText(tablePath, table);
        sandbox.Environment[ContainerScripts.CampaignPointsVariable] = tablePath;
        sandbox.Environment[ContainerScripts.CompletionIndexVariable] = index;
        sandbox.Environment.Remove("OBS_ID");
        sandbox.Environment.Remove("FILE_PREFIX");
        return sandbox.StartPoint(RunStandIn, Command).Finish();
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Every_index_runs_its_own_point_with_its_values_ids_and_products(string shell)
    {
        var (plan, table) = CampaignStack();
        var points = CampaignPoints.For(plan.Spec);
        Assert.Equal(9, points.Count);
        foreach (var point in points)
        {
            using var sandbox = new ScriptSandbox(shell);
            var result = RunPoint(sandbox, table, point.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.True(result.ExitCode == 0, result.ToString());
            var args = File.ReadAllLines(Path.Combine(sandbox.Control, "args"));
            Assert.Equal(["srcnet-run", .. Command, .. point.Products.Flags], args);
            var expected = SimulationRun.ContractEnvironment(point.Point.Simulation, plan.Spec.Workflow.Metadata)
                .Where(v => v.Key is "PHASE_CENTER_RA_DEG" or "PHASE_CENTER_DEC_DEG")
                .Append(new("OBS_ID", point.ObsId))
                .Append(new("FILE_PREFIX", point.FilePrefix))
                .Select(v => $"{v.Key}={v.Value}")
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, File.ReadAllLines(Path.Combine(sandbox.Control, "env")));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void Values_with_spaces_and_shell_characters_reach_the_workflow_as_written(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        // A start time with a space (an allowed form) and a cell size: plain values, never evaluated.
        var table = "index=0\tOBS_ID=c-0123456789_X\tFILE_PREFIX=c-0123456789-X\tSRCNET_PRODUCTS=dirty,cleaned\t" +
                    "START_DATE_AND_TIME=2020-04-26 16:36\tIMAGING_CELLSIZE=1e-05\n";

        var result = RunPoint(sandbox, table, "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["srcnet-run", .. Command, "--dirty", "--cleaned"], File.ReadAllLines(Path.Combine(sandbox.Control, "args")));
        Assert.Equal(
            ["FILE_PREFIX=c-0123456789-X", "IMAGING_CELLSIZE=1e-05", "OBS_ID=c-0123456789_X", "START_DATE_AND_TIME=2020-04-26 16:36"],
            File.ReadAllLines(Path.Combine(sandbox.Control, "env")));
    }

    public static TheoryData<string, string, string, string> BadTables()
    {
        var data = new TheoryData<string, string, string, string>();
        const string ok = "index=0\tOBS_ID=c-a_X\tFILE_PREFIX=c-a-X\tSRCNET_PRODUCTS=dirty\n";
        foreach (var shell in new[] { ScriptShell.DashName, ScriptShell.BusyboxName })
        {
            data.Add(shell, ok, "1", "the point table has no line for index 1");
            data.Add(shell, ok, "x", "JOB_COMPLETION_INDEX 'x' is not an index");
            data.Add(shell, "index=3\tOBS_ID=c-a_X\tSRCNET_PRODUCTS=dirty\n", "0", "line 0 of the point table is point 3");
            data.Add(shell, "index=0\tOBS_ID=c-a_X\tPATH=/tmp\tSRCNET_PRODUCTS=dirty\n", "0", "point 0 sets PATH, which a point may not set");
            data.Add(shell, "index=0\tOBS_ID=c-a_X\tSRCNET_PRODUCTS=dirty;rm\n", "0", "names the product 'dirty;rm'");
            data.Add(shell, "index=0\tOBS_ID=../x\tSRCNET_PRODUCTS=dirty\n", "0", "OBS_ID '../x' may hold only");
            data.Add(shell, "index=0\tSRCNET_PRODUCTS=dirty\n", "0", "point 0 has no OBS_ID");
            // A line that does not say which point it is cannot be checked against the index: a garbled table.
            data.Add(shell, "OBS_ID=c-a_X\tFILE_PREFIX=c-a-X\tSRCNET_PRODUCTS=dirty\n", "0", "line 0 of the point table has no index");
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(BadTables))]
    public void A_bad_table_or_index_fails_the_point_with_exit_2_before_anything_runs(string shell, string table, string index, string message)
    {
        using var sandbox = new ScriptSandbox(shell);

        var result = RunPoint(sandbox, table, index);

        Assert.Equal(CampaignRun.ConfigErrorExitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(sandbox.Control, "args")), "the run script ran");
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_point_another_pod_is_running_is_waited_for_until_it_is_handed_over(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment[ContainerScripts.HeartbeatSecondsVariable] = "1";
        const string obsId = "c-a_X";
        var runDir = sandbox.RunDir(obsId);
        Directory.CreateDirectory(runDir);
        File.WriteAllText(Path.Combine(runDir, "state"), "state=running\npod=older-pod\n");
        File.WriteAllText(Path.Combine(runDir, "heartbeat"), "older-pod\n");
        var tablePath = Path.Combine(sandbox.Dir, "points");
        File.WriteAllText(tablePath, $"index=0\tOBS_ID={obsId}\tFILE_PREFIX=c-a-X\tSRCNET_PRODUCTS=dirty\n");
        sandbox.Environment[ContainerScripts.CampaignPointsVariable] = tablePath;
        sandbox.Environment[ContainerScripts.CompletionIndexVariable] = "0";

        var point = sandbox.StartPoint(RunStandIn, Command);
        // The other pod keeps beating for a while: the point must not start meanwhile.
        for (var i = 0; i < 4; i++)
        {
            Thread.Sleep(500);
            File.WriteAllText(Path.Combine(runDir, "heartbeat"), "older-pod\n");
            Assert.False(File.Exists(Path.Combine(sandbox.Control, "args")), "the point started while another pod ran it");
        }
        Directory.CreateDirectory(sandbox.Ledger);
        File.WriteAllText(Path.Combine(sandbox.Ledger, obsId), "obs_id=c-a_X\n");
        var result = point.Finish();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pod older-pod is running c-a_X; waiting for it", result.Out, StringComparison.Ordinal);
        // Then the run script decides (and the real one finds the ledger entry and exits 0).
        Assert.True(File.Exists(Path.Combine(sandbox.Control, "args")));
    }

    [SkippableTheory]
    [MemberData(nameof(ScriptShell.Names), MemberType = typeof(ScriptShell))]
    public void A_point_whose_other_pod_died_is_not_waited_for(string shell)
    {
        using var sandbox = new ScriptSandbox(shell);
        sandbox.Environment[ContainerScripts.HeartbeatSecondsVariable] = "1";
        var runDir = sandbox.RunDir("c-a_X");
        Directory.CreateDirectory(runDir);
        File.WriteAllText(Path.Combine(runDir, "state"), "state=running\npod=older-pod\n");
        File.WriteAllText(Path.Combine(runDir, "heartbeat"), "older-pod\n");
        File.SetLastWriteTimeUtc(Path.Combine(runDir, "heartbeat"), DateTime.UtcNow.AddMinutes(-5));

        var result = RunPoint(sandbox, "index=0\tOBS_ID=c-a_X\tFILE_PREFIX=c-a-X\tSRCNET_PRODUCTS=dirty\n", "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("waiting", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_point_script_sets_only_the_campaign_keys_variables_and_the_ids()
    {
        // Its list of variables a point may set is the campaign keys' (CampaignKeys), OBS_ID and FILE_PREFIX.
        var allowed = System.Text.RegularExpressions.Regex.Match(ContainerScripts.Point, @"OBS_ID \| FILE_PREFIX \|([^)]*)\)").Groups[1].Value;
        var names = allowed.Replace("\\", "", StringComparison.Ordinal).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CampaignKeys.All.Select(k => k.Variable).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }
}
