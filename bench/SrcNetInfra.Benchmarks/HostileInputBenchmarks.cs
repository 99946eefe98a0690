using BenchmarkDotNet.Attributes;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Benchmarks;

/// <summary>
/// The worst inputs the limits let through or refuse (README, "Limits"): each must be answered well
/// under a second. <c>Check</c> is <c>srcnet validate --config-file</c> in process.
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    /// <summary>
    /// billion-laughs: 10^9 values by aliases (refused after 10,000); deep: 100,000 nested lists
    /// (refused at 64); big: a 2 MiB file (refused unread past 1 MiB); long-value: one 64 KiB value
    /// (accepted); many-values: 9,900 values (accepted, about the most the limits allow).
    /// </summary>
    [Params("billion-laughs", "deep", "big", "long-value", "many-values")]
    public string Case { get; set; } = "";

    private string _directory = "";
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("srcnet-hostile-bench-").FullName;
        _path = Path.Combine(_directory, "Pulumi.hostile.yaml");
        File.WriteAllText(_path, Case switch
        {
            "billion-laughs" => File.ReadAllText(Path.Combine(Repo.Root, "tests", "SrcNetInfra.Tests", "Hostile", "Cases", "billion-laughs.yaml")),
            "deep" => "config:\n  srcnet:workflow: " + new string('[', 100_000) + new string(']', 100_000) + "\n",
            "big" => Minimal + "# " + new string('x', 2 * 1024 * 1024) + "\n",
            "long-value" => Minimal + "  kubernetes:note: " + new string('v', 64 * 1024) + "\n",
            "many-values" => Minimal + "  kubernetes:note: [" + string.Join(", ", Enumerable.Repeat("a", 9_900)) + "]\n",
            _ => throw new ArgumentException(Case),
        });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public int Check() => EnvironmentCheck.RunFile(_path).Problems.Count;

    private const string Minimal = """
        config:
          srcnet:ingestor:
            config:
              rucioIngestRseName: TEST_RSE
              rucioCfgClientAccount: service_test_ingestion
            persistence:
              storageClass: cephfs
          srcnet:workflow:
            image:
              tag: 0.34.0

        """;
}
