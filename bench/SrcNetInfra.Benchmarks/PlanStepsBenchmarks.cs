using BenchmarkDotNet.Attributes;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Benchmarks;

/// <summary>
/// <see cref="StackBenchmarks.PlanAndRender"/> split into its steps, each on a prepared input, to
/// show where its time and allocations go.
/// </summary>
[MemoryDiagnoser]
public class PlanStepsBenchmarks
{
    [Params("dev", "prod", "test")]
    public string Stack { get; set; } = "";

    private CheckedEnvironment _environment = null!;
    private EnvironmentPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _environment = Repo.CheckedEnvironment(Stack);
        _plan = Planner.Plan(_environment);
    }

    /// <summary>Build the Kubernetes objects and the release; a Job's run id is a digest of the Job serialized to JSON.</summary>
    [Benchmark]
    public EnvironmentPlan Plan() => Planner.Plan(_environment);

    /// <summary>The plan's objects as one multi-document YAML (JsonForm, then YamlWriter) under a comment header.</summary>
    [Benchmark]
    public string RenderManifests() => Manifests.Render(_plan);

    /// <summary>The ingestor's values.yaml and its release file (YamlWriter).</summary>
    [Benchmark]
    public int RenderHelm() => HelmValues.Render(_plan.Ingestor).Length + HelmValues.ReleaseFile(_plan.Ingestor).Length;
}
