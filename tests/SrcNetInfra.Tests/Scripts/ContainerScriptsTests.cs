using System.Text.RegularExpressions;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// What the plan needs to know about the container scripts: their text, how a container calls
/// them, and every environment variable they read, so none is set that is never read and none
/// read that the plan cannot know about.
/// </summary>
public partial class ContainerScriptsTests
{
    [GeneratedRegex(@"\bSRCNET_[A-Z_]+")]
    private static partial Regex SrcNetVariable();

    private static string[] Read(string script) =>
        [.. SrcNetVariable().Matches(script).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void The_run_script_reads_exactly_its_declared_variables_and_the_pod_name()
    {
        Assert.Equal(ContainerScripts.RunVariables.Append(SimulationRun.PodNameVariable).Order(StringComparer.Ordinal), Read(ContainerScripts.Run));
    }

    [Fact]
    public void The_janitor_reads_exactly_its_declared_variables_and_the_pod_name()
    {
        Assert.Equal(ContainerScripts.JanitorVariables.Append(SimulationRun.PodNameVariable).Order(StringComparer.Ordinal), Read(ContainerScripts.Janitor));
    }

    [Fact]
    public void The_point_script_reads_exactly_its_declared_variables_and_the_pod_name()
    {
        Assert.Equal(ContainerScripts.PointVariables.Append(SimulationRun.PodNameVariable).Order(StringComparer.Ordinal), Read(ContainerScripts.Point));
    }

    [Fact]
    public void The_point_arguments_are_the_point_script_its_name_the_run_script_then_the_command()
    {
        Assert.Equal([ContainerScripts.Point, "srcnet-point", ContainerScripts.Run, "python"], ContainerScripts.PointArgs(["python"]));
    }

    [Fact]
    public void The_run_arguments_are_the_script_its_name_then_the_workflow_command()
    {
        var args = ContainerScripts.RunArgs(["python", "-m", SimulationRun.Module, "--dirty"]);

        Assert.Equal([ContainerScripts.Run, "srcnet-run", "python", "-m", SimulationRun.Module, "--dirty"], args);
        Assert.Equal([ContainerScripts.Janitor, "srcnet-janitor"], ContainerScripts.JanitorArgs());
    }

    [Fact]
    public void The_scripts_are_plain_posix_text_with_unix_line_ends()
    {
        foreach (var script in new[] { ContainerScripts.Run, ContainerScripts.Janitor, ContainerScripts.Point })
        {
            Assert.DoesNotContain('\r', script);
            // No bash-isms that dash or busybox sh would read differently.
            Assert.DoesNotContain("[[", script, StringComparison.Ordinal);
            Assert.DoesNotContain("function ", script, StringComparison.Ordinal);
            Assert.DoesNotContain("local ", script, StringComparison.Ordinal);
            Assert.StartsWith("# srcnet-", script, StringComparison.Ordinal);
        }
    }
}
