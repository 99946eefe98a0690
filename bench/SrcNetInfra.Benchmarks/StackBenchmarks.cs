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
        var result = EnvironmentCheck.RunFile(_path);
        _environment = result.Environment
            ?? throw new InvalidOperationException($"{_path} does not pass its checks: {string.Join("; ", result.Errors)}");
    }

    /// <summary>Read the YAML file, read the srcnet: keys, validate, estimate one run and size the volumes.</summary>
    [Benchmark]
    public CheckResult Check() => EnvironmentCheck.RunFile(_path);

    /// <summary>Plan the checked environment, then render the manifests, the ingestor's values and its release file.</summary>
    [Benchmark]
    public int PlanAndRender()
    {
        var plan = Planner.Plan(_environment);
        return Manifests.Render(plan).Length
               + HelmValues.Render(plan.Ingestor).Length
               + HelmValues.ReleaseFile(plan.Ingestor).Length;
    }
}
