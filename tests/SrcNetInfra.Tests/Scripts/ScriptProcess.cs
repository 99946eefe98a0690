using System.Diagnostics;

namespace SrcNetInfra.Tests.Scripts;

/// <summary>One script running in a <see cref="ScriptSandbox"/>.</summary>
public sealed class ScriptProcess(Process process, TimeSpan patience)
{
    private readonly Task<string> _out = process.StandardOutput.ReadToEndAsync();
    private readonly Task<string> _error = process.StandardError.ReadToEndAsync();

    public int Pid => process.Id;

    /// <summary>Waits until the file exists; fails with the script's output if it ends first.</summary>
    public void WaitForFile(string path)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!File.Exists(path))
        {
            if (process.HasExited) Assert.Fail($"the script ended before {Path.GetFileName(path)} appeared\n{Finish()}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"{Path.GetFileName(path)} did not appear in {patience}");
            Thread.Sleep(5);
        }
    }

    /// <summary>Sends a signal (TERM, INT) to the script's shell only, as the kubelet does to a container's PID 1.</summary>
    public void Signal(string name) => Tool.Run("kill", "-s", name, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>SIGKILL to the script and everything it started, as when a pod is killed outright.</summary>
    public void KillAll()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ScriptResult Finish()
    {
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"the script did not end within {patience}\n--- stdout\n{_out.Result}--- stderr\n{_error.Result}");
        }
        process.WaitForExit();
        return new ScriptResult(process.ExitCode, _out.Result, _error.Result);
    }
}

/// <summary>A finished script: exit code and output.</summary>
public sealed record ScriptResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}
