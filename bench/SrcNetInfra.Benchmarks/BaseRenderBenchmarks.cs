using BenchmarkDotNet.Attributes;
using SrcNetInfra.Cli.Verbs;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Benchmarks;

/// <summary>
/// <c>srcnet summary --base-render</c> against a base file of the most lines it compares, none of
/// them in common with the render: a diff's cost grows with lines times differences, which is why
/// the base files are limited (README, "Limits").
/// </summary>
[MemoryDiagnoser]
public class BaseRenderBenchmarks
{
    private string _baseRender = "";
    private EnvironmentPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plan = Planner.Plan(Repo.CheckedEnvironment("prod"));
        _baseRender = Directory.CreateTempSubdirectory("srcnet-base-bench-").FullName;
        File.WriteAllLines(Path.Combine(_baseRender, "manifests.yaml"),
            Enumerable.Range(0, RenderChanges.MaxBaseFileLines).Select(i => $"line {i} of another render"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_baseRender, recursive: true);

    [Benchmark]
    public int DiffAgainstTheLargestBase() => RenderChanges.Against(_baseRender, _plan).Added;
}
