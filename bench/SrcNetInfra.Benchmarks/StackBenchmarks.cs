using BenchmarkDotNet.Attributes;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Benchmarks;

/// <summary>
/// One stack in process: checking its file, and planning and rendering the checked environment.
/// Together they are what <c>srcnet render --stack NAME --out DIR</c> does between parsing its
/// arguments and writing the files.
/// </summary>
[MemoryDiagnoser]
public class StackBenchmarks
{
    [Params("dev", "prod", "test")]
    public string Stack { get; set; } = "";

    private string _path = "";
    private CheckedEnvironment _environment = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Repo.StackFile(Stack);
        _environment = Repo.CheckedEnvironment(Stack);
    }

    /// <summary>Read the YAML file, read the srcnet: keys, validate, estimate one run and size the volumes.</summary>
    [Benchmark]
    public CheckResult Check() => EnvironmentCheck.RunFile(_path);

    /// <summary>Plan the checked environment, then render the manifests, the ingestor's values and its release file.</summary>
    [Benchmark]
    public int PlanAndRender() => RenderedFiles.For(Planner.Plan(_environment)).Sum(f => f.Value.Length);
}
