using System.Diagnostics;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>The same input renders byte-identical output: in one process, and across processes.</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    [InlineData("test")]
    public void Rendering_twice_in_one_process_is_byte_identical(string stack)
    {
        var first = CliRun.AtRoot("render", "--stack", stack);
        var second = CliRun.AtRoot("render", "--stack", stack);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Rendering_in_separate_processes_is_byte_identical()
    {
        // A separate process has its own hash seeds and dictionary layouts: any ordering that
        // leaked from them would show here. Runs the built srcnet.dll, as an installed tool does.
        var a = RunProcess("render", "--stack", "prod");
        var b = RunProcess("render", "--stack", "prod");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        Assert.Equal(CliRun.AtRoot("render", "--stack", "prod").Out, a.Out);
    }

    [Fact]
    public void A_separate_process_reports_config_errors_with_exit_2_and_no_stack_trace()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.x.yaml", "config:\n  srcnet:workflow:\n    mode: batch\n");
        var run = RunProcess("render", "--config-file", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("error: srcnet:workflow.mode: must be one of job, cronjob, campaign (got 'batch')", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    internal static CliRun RunProcess(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "srcnet.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
