namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// A shell the container scripts must run under, with the tools that go with it: dash with the
/// Debian tools (the karabo image is Debian-based), or busybox sh with nothing but busybox's
/// applets (a janitor image may be plain busybox). Busybox cases are skipped, and say so, where
/// busybox is not installed (<c>apt-get install busybox</c>).
/// </summary>
public sealed class ScriptShell
{
    public const string DashName = "dash";
    public const string BusyboxName = "busybox";

    /// <summary>The names theories run over: every script test runs under both shells.</summary>
    public static TheoryData<string> Names => [DashName, BusyboxName];

    /// <summary>Every shell with every value: theory rows (shell, value).</summary>
    public static TheoryData<string, string> Each(params string[] values)
    {
        var data = new TheoryData<string, string>();
        foreach (var shell in new[] { DashName, BusyboxName })
        {
            foreach (var value in values) data.Add(shell, value);
        }
        return data;
    }

    private static readonly string? DashPath = FirstExisting("/usr/bin/dash", "/bin/dash");
    private static readonly string? BusyboxPath = FirstExisting("/usr/bin/busybox", "/bin/busybox");

    public string Name { get; }

    /// <summary>The program and leading arguments that run <c>-c script name args...</c>.</summary>
    public IReadOnlyList<string> Command { get; }

    /// <summary>What the mv shim calls to really move: the shell's own mv.</summary>
    public string RealMv { get; }

    private ScriptShell(string name, IReadOnlyList<string> command, string realMv)
    {
        Name = name;
        Command = command;
        RealMv = realMv;
    }

    /// <summary>The shell of that name; skips the test when it is not installed.</summary>
    public static ScriptShell Get(string name)
    {
        Skip.If(OperatingSystem.IsWindows(), "the container scripts need a POSIX shell");
        switch (name)
        {
            case DashName:
                Skip.If(DashPath is null, "dash is not installed");
                return new ScriptShell(name, [DashPath!], "/bin/mv");
            case BusyboxName:
                Skip.If(BusyboxPath is null, "busybox is not installed (apt-get install busybox)");
                return new ScriptShell(name, [BusyboxPath!, "sh"], BusyboxPath + " mv");
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "unknown shell");
        }
    }

    /// <summary>
    /// The PATH after the test's shims: the Debian tools for dash; for busybox a directory of
    /// links to its applets only, so no GNU tool can stand in for a missing applet.
    /// </summary>
    public string ToolPath => Name == DashName ? "/usr/bin:/bin" : BusyboxApplets.Value;

    // Made once per test run (it takes a quarter of a second) and removed when the run ends.
    private static readonly Lazy<string> BusyboxApplets = new(() =>
    {
        var applets = Directory.CreateTempSubdirectory("srcnet-busybox-applets-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(applets, recursive: true);
        Tool.Run(BusyboxPath!, "--install", "-s", applets);
        return applets;
    });

    private static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);

    public override string ToString() => Name;
}
