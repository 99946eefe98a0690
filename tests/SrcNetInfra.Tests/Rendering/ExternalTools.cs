using System.Diagnostics;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>
/// The real readers of srcnet's YAML, run as separate programs: kubectl (which decodes manifests
/// exactly as <c>kubectl apply</c> does) and PyYAML's <c>safe_load</c> (a YAML 1.1 reader, the rules
/// Helm's sigs.k8s.io/yaml follows too). Tests that need one are <see cref="ToolFactAttribute"/>s:
/// skipped, with the reason, on a developer machine without the tool; failing when
/// <c>SRCNET_REQUIRE_TOOLS=1</c> (set by <c>.ci/run</c>), so CI cannot pass without running them.
/// </summary>
public static class ExternalTools
{
    public const string Kubectl = "kubectl";
    public const string PyYaml = "python3 with PyYAML";

    public static bool Required => Environment.GetEnvironmentVariable("SRCNET_REQUIRE_TOOLS") == "1";

    private static readonly Lazy<string?> KubectlPath = new(() => Probe("kubectl", "version", "--client") ? "kubectl" : null);

    // The python3 on PATH first (a developer's own), then the system one; either needs `import yaml`.
    private static readonly Lazy<string?> PythonPath = new(() =>
        new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(p => Probe(p, "-c", "import yaml")));

    public static bool Has(string tool) => Path(tool) is not null;

    /// <summary>The command that runs the tool; fails the test with what is missing and how to get it.</summary>
    public static string Require(string tool) => Path(tool) ?? throw new InvalidOperationException(
        $"{tool} is not available: {(tool == Kubectl ? "install kubectl (1.32 is on the CI image)" : "install python3 and PyYAML (apt-get install python3-yaml)")}; " +
        "SRCNET_REQUIRE_TOOLS=1 makes this a failure instead of a skip");

    private static string? Path(string tool) => tool switch
    {
        Kubectl => KubectlPath.Value,
        PyYaml => PythonPath.Value,
        _ => throw new ArgumentException($"unknown tool {tool}", nameof(tool)),
    };

    /// <summary>Runs a tool to the end; stdin is closed, stdout and stderr are read concurrently.</summary>
    public static (int ExitCode, string Out, string Error) Run(string command, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    private static bool Probe(string command, params string[] args)
    {
        try
        {
            return Run(command, args).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}

/// <summary>A fact that runs <see cref="ExternalTools"/>; see there for when it is skipped.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => !ExternalTools.Has(t)).ToArray();
        if (missing.Length > 0 && !ExternalTools.Required)
            Skip = $"needs {string.Join(" and ", missing)}, not found on this machine (CI sets SRCNET_REQUIRE_TOOLS=1 and requires it)";
    }
}
