using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace SrcNetInfra.Benchmarks;

/// <summary>
/// <c>dotnet srcnet.dll render --stack prod</c> as a whole process, from the repository root:
/// host start-up, JIT, argument parsing, check, plan, render and writing the YAML to stdout.
/// Each run takes a few hundred milliseconds, so a handful of iterations is enough. No
/// MemoryDiagnoser: it would count this process's allocations, not the child's.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class CliProcessBenchmarks
{
    private string _srcnet = "";

    [GlobalSetup]
    public void Setup()
    {
        // The CLI project is referenced, so srcnet.dll and srcnet.runtimeconfig.json are copied beside this assembly.
        _srcnet = Path.Combine(AppContext.BaseDirectory, "srcnet.dll");
        foreach (var required in new[] { _srcnet, Path.ChangeExtension(_srcnet, ".runtimeconfig.json") })
        {
            if (!File.Exists(required)) throw new FileNotFoundException($"{required} is missing: build the benchmarks, which reference the CLI project");
        }
    }

    [Benchmark]
    public int RenderProd()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { _srcnet, "render", "--stack", "prod" }) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        // stderr is read concurrently so neither pipe can fill up and block the child.
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"srcnet render --stack prod exited {process.ExitCode}: {error.Result}");
        if (output.Length == 0)
            throw new InvalidOperationException("srcnet render --stack prod wrote nothing to stdout");
        return output.Length;
    }
}
