using System.Diagnostics;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// A temp directory standing in for a pod's view of the ingest claim (<c>ingest/</c>, the
/// scripts' SRCNET_INGEST_ROOT), with the stand-in workflow, its control directory and, when
/// asked for, a PATH shim for <c>mv</c> that logs every move (and can pause on one; each
/// program a script starts costs time, so the shim is only there when needed). Scripts run
/// exactly as a container runs them: <c>sh -c &lt;script&gt; &lt;name&gt; args...</c> with a
/// clean environment.
/// </summary>
public sealed class ScriptSandbox : IDisposable
{
    public const string Scope = "testing";
    public const string ObsId = "1a2b3c4d_SKAMID_Karabo";
    public const string FilePrefix = "1a2b3c4d-SKAMID-Karabo-";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public ScriptShell Shell { get; }
    public string Dir { get; } = Directory.CreateTempSubdirectory("srcnet-scripts-").FullName;
    public string Root => Path.Combine(Dir, "ingest");
    public string Control => Path.Combine(Dir, "control");
    public string Staging => Path.Combine(Root, "staging", Scope);
    public string Runs => Path.Combine(Root, ".srcnet", "runs");
    public string Ledger => Path.Combine(Root, ".srcnet", "ledger");
    public string RunDir(string obsId = ObsId) => Path.Combine(Runs, obsId);

    /// <summary>The environment every script gets; tests change it before starting one.</summary>
    public Dictionary<string, string> Environment { get; }

    private readonly string _standIn;

    public ScriptSandbox(string shellName, bool logMoves = false)
    {
        Shell = ScriptShell.Get(shellName);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Control);
        var shims = Directory.CreateDirectory(Path.Combine(Dir, "shims")).FullName;
        if (logMoves) WriteMvShim(Path.Combine(shims, "mv"));
        _standIn = Path.Combine(Dir, "standin.sh");
        File.WriteAllText(_standIn, StandInWorkflow.Script);
        Tool.Run("mkfifo", Path.Combine(Control, "go"), Path.Combine(Control, "mv-go"));

        Environment = new Dictionary<string, string>
        {
            ["PATH"] = shims + ":" + Shell.ToolPath,
            [ContainerScripts.IngestRootVariable] = Root,
            // Long enough for no beat to happen in a test (each costs two programs); the heartbeat test sets 1.
            [ContainerScripts.HeartbeatSecondsVariable] = "60",
            [SimulationRun.PodNameVariable] = "aastar-1a2b3c4d-x7k2p",
            ["RUCIO_NAMESPACE"] = Scope,
            ["OBS_ID"] = ObsId,
            ["FILE_PREFIX"] = FilePrefix,
            ["STANDIN_CONTROL"] = Control,
        };
    }

    /// <summary>An mv that logs "source destination" and, on MV_PAUSE_ON's name, waits for the test.</summary>
    private void WriteMvShim(string path)
    {
        File.WriteAllText(path, $$"""
            #!/bin/sh
            printf '%s\n' "$*" >>"$STANDIN_CONTROL/mv.log"
            if [ -n "${MV_PAUSE_ON:-}" ] && [ "${1##*/}" = "$MV_PAUSE_ON" ]; then
              : >"$STANDIN_CONTROL/mv-paused"
              read -r go <"$STANDIN_CONTROL/mv-go"
            fi
            exec {{Shell.RealMv}} "$@"

            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Starts the run script with the stand-in workflow and these product flags.</summary>
    public ScriptProcess StartRun(params string[] products) =>
        Start(ContainerScripts.RunArgs(["sh", _standIn, .. products.Select(p => "--" + p)]));

    public ScriptResult Run(params string[] products) => StartRun(products).Finish();

    public ScriptResult Janitor() => Start(ContainerScripts.JanitorArgs()).Finish();

    /// <summary>
    /// Starts the point script of a campaign as its container does, with <paramref name="runScript"/>
    /// in place of the run script and <paramref name="command"/> as the workflow command.
    /// </summary>
    public ScriptProcess StartPoint(string runScript, params string[] command) =>
        Start([ContainerScripts.Point, ContainerScripts.PointName, runScript, .. command]);

    public ScriptProcess StartJanitor() => Start(ContainerScripts.JanitorArgs());

    private ScriptProcess Start(IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Shell.Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dir,
        };
        foreach (var arg in Shell.Command.Skip(1).Append("-c").Concat(args)) start.ArgumentList.Add(arg);
        start.Environment.Clear();
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        return new ScriptProcess(Process.Start(start)!, Patience);
    }

    /// <summary>How many times the workflow ran.</summary>
    public string[] WorkflowCalls() => ReadLines(Path.Combine(Control, "calls"));

    /// <summary>Every mv the scripts made, as "source destination".</summary>
    public string[] Moves() => ReadLines(Path.Combine(Control, "mv.log"));

    /// <summary>The names moved into staging, in order.</summary>
    public string[] StagedInOrder() =>
        [.. Moves().Select(m => m.Split(' ')).Where(m => m.Length == 2 && Path.GetDirectoryName(m[1]) == Staging).Select(m => Path.GetFileName(m[1]))];

    /// <summary>Every file under a directory, relative to it, sorted; empty when it does not exist.</summary>
    public static string[] FilesUnder(string dir) =>
        Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Every entry (files and directories) under a directory, relative to it, sorted.</summary>
    public static string[] EntriesUnder(string dir) =>
        Directory.Exists(dir)
            ? [.. Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The key=value lines of a state or ledger file.</summary>
    public static Dictionary<string, string> Fields(string file) =>
        File.ReadAllLines(file).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);

    /// <summary>Writes a file (and its directories) with the given size, last written at that time.</summary>
    public string Write(string relative, int bytes, DateTime writtenUtc)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }

    /// <summary>Lets the paused stand-in workflow finish.</summary>
    public void ReleaseWorkflow() => Release(Path.Combine(Control, "go"));

    /// <summary>Lets the paused mv go on.</summary>
    public void ReleaseMove() => Release(Path.Combine(Control, "mv-go"));

    public int StandInPid() => int.Parse(File.ReadAllText(Path.Combine(Control, "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static void Release(string fifo)
    {
        // Opening a fifo for writing blocks until its reader is there: bounded, in case it died.
        var write = Task.Run(() => File.WriteAllText(fifo, "go\n"));
        Assert.True(write.Wait(Patience), $"nobody read {Path.GetFileName(fifo)}");
    }

    private static string[] ReadLines(string file) => File.Exists(file) ? File.ReadAllLines(file) : [];

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
