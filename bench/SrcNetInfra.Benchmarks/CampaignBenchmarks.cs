using System.Globalization;
using BenchmarkDotNet.Attributes;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Benchmarks;

/// <summary>
/// A campaign of 1,000 points (target: planning it well under a second): stacks/Pulumi.campaign.yaml
/// with its axes widened to 25 right ascensions x 40 declinations inside the MIGHTEE field.
/// <c>Check</c> reads, validates and sizes every point; <c>Plan</c> makes every point's ids, the
/// point table and the Indexed Job; <c>PlanAndRender</c> adds the YAML of every object.
/// </summary>
[MemoryDiagnoser]
public class CampaignBenchmarks
{
    public const int RightAscensions = 25;
    public const int Declinations = 40;

    private string _dir = "";
    private string _path = "";
    private CheckedEnvironment _environment = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("srcnet-campaign-bench-").FullName;
        // Beside a Pulumi.yaml, as the stack file is in the repository.
        File.WriteAllText(Path.Combine(_dir, "Pulumi.yaml"), File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.yaml")));
        _path = Path.Combine(_dir, "Pulumi.campaign.yaml");
        File.WriteAllText(_path, ThousandPoints(File.ReadAllText(Repo.StackFile("campaign"))));
        var result = EnvironmentCheck.RunFile(_path);
        _environment = result.Environment ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
        var points = _environment.Spec.Campaign!.Points.Count;
        if (points != RightAscensions * Declinations) throw new InvalidOperationException($"the benchmark campaign has {points} points");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public CheckResult Check() => EnvironmentCheck.RunFile(_path);

    [Benchmark]
    public EnvironmentPlan Plan() => Planner.Plan(_environment);

    [Benchmark]
    public int PlanAndRender() => RenderedFiles.For(Planner.Plan(_environment)).Sum(f => f.Value.Length);

    /// <summary>The campaign stack's text with its two axes replaced by 25 and 40 values.</summary>
    public static string ThousandPoints(string stack)
    {
        static string Values(double from, double step, int count) =>
            "[" + string.Join(", ", Enumerable.Range(0, count).Select(i => Math.Round(from + i * step, 4).ToString(CultureInfo.InvariantCulture))) + "]";
        var lines = stack.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("phaseCenterRaDeg:", StringComparison.Ordinal))
                lines[i] = "      phaseCenterRaDeg: " + Values(149.5, 0.05, RightAscensions);
            else if (lines[i].TrimStart().StartsWith("phaseCenterDecDeg:", StringComparison.Ordinal))
                lines[i] = "      phaseCenterDecDeg: " + Values(1.6, 0.03, Declinations);
        }
        return string.Join('\n', lines);
    }
}
