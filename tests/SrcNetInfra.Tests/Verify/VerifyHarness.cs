using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// One end-to-end verify: a <see cref="FakeApiServer"/> (what is faked: the API server; there is no
/// real cluster, kubelet or ingestor), a kubeconfig pointing at it, and a directory standing in for
/// the ingestor pod's /tmp/ingest. Runs the real CLI in process at the repository root.
/// </summary>
internal sealed class VerifyHarness : IAsyncDisposable
{
    private readonly TempDir dir;

    private VerifyHarness(TempDir dir, FakeApiServer server, string ingestRoot)
    {
        this.dir = dir;
        Server = server;
        IngestRoot = ingestRoot;
        Kubeconfig = server.WriteKubeconfig(dir.Path);
    }

    public FakeApiServer Server { get; }

    public string IngestRoot { get; }

    public string Kubeconfig { get; }

    public static async Task<VerifyHarness> Start()
    {
        var dir = new TempDir();
        var ingestRoot = Path.Combine(dir.Path, "ingest");
        Directory.CreateDirectory(ingestRoot);
        var harness = new VerifyHarness(dir, await FakeApiServer.Start(ingestRoot), ingestRoot);
        // A temporary directory is not a claim: the pod's df reports one of a fixed size.
        harness.Claim(totalBytes: 100L << 30, freeBytes: 60L << 30);
        return harness;
    }

    /// <summary>
    /// The size of the ingest claim the pod's <c>df -Pk</c> reports, in the POSIX format coreutils
    /// and busybox print (sizes in KiB, one line per filesystem).
    /// </summary>
    public void Claim(long totalBytes, long freeBytes)
    {
        var (total, free) = (totalBytes / 1024, freeBytes / 1024);
        Server.PodTools["df"] =
            "printf 'Filesystem     1024-blocks     Used Available Capacity Mounted on\\n'\n" +
            $"printf '10.0.0.9:6789:/volumes/csi/ingest {total} {total - free} {free} {(total - free) * 100 / Math.Max(1, total)}%% /tmp/ingest\\n'";
    }

    /// <summary>Sets the pod's clock (its <c>date +%s</c>) ahead of this machine's by <paramref name="ahead"/>: everything on the claim looks that much older.</summary>
    public void PodClockAhead(TimeSpan ahead) =>
        Server.PodTools["date"] = $"echo {DateTimeOffset.UtcNow.Add(ahead).ToUnixTimeSeconds()}";

    /// <summary>Creates the three areas the ingestor keeps, as a deployed ingestor has them.</summary>
    public VerifyHarness WithIngestAreas()
    {
        foreach (var area in new[] { "staging", "processed", "failed_processing" }) Directory.CreateDirectory(Path.Combine(IngestRoot, area));
        return this;
    }

    /// <summary>Puts files (paths relative to /tmp/ingest) into the ingest area; a name ending in .ms is made a directory, as a MeasurementSet is.</summary>
    public void Put(params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var path = Path.Combine(IngestRoot, relative);
            if (relative.EndsWith(".ms", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.Combine(path, "ANTENNA"));
                File.WriteAllText(Path.Combine(path, "table.dat"), "");
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, relative.EndsWith(".meta", StringComparison.Ordinal) ? "{\"obs_id\": \"x\"}\n" : "SIMPLE  =                    T");
        }
    }

    /// <summary><c>srcnet verify ARGS --kubeconfig K</c>, off the test's thread (the CLI blocks on its own work).</summary>
    public async Task<CliRun> Verify(params string[] args)
    {
        var run = await Task.Run(() => CliRun.AtRoot(["verify", .. args, "--kubeconfig", Kubeconfig]));
        Assert.True(Server.Faults.IsEmpty, "the fake API server failed:\n" + string.Join("\n", Server.Faults));
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        dir.Dispose();
    }
}
