using SrcNetInfra.Tests.Support;
using SrcNetInfra.Tests.Verify;

namespace SrcNetInfra.Tests.Adopt;

/// <summary>
/// One <c>srcnet adopt</c> end to end against a <see cref="FakeApiServer"/> (what is faked: the API
/// server; there is no cluster, Helm or Pulumi): a working directory holding the stack file
/// Pulumi.prod.yaml and a kubeconfig whose context <c>fake</c> points at the server.
/// </summary>
internal sealed class AdoptHarness : IAsyncDisposable
{
    private readonly TempDir dir = new();

    private AdoptHarness(FakeApiServer server, string stackYaml)
    {
        Server = server;
        Kubeconfig = server.WriteKubeconfig(dir.Path);
        StackFile = dir.Write("Pulumi.prod.yaml", stackYaml);
    }

    public FakeApiServer Server { get; }

    public string Kubeconfig { get; }

    public string StackFile { get; }

    public string Directory => dir.Path;

    public string ImportFile => Path.Combine(dir.Path, "adopt-prod.json");

    public static async Task<AdoptHarness> Start(string stackYaml) =>
        new(await FakeApiServer.Start(Path.GetTempPath()), stackYaml);

    /// <summary><c>srcnet adopt --config-file Pulumi.prod.yaml --context fake ARGS</c>, in the working directory.</summary>
    public async Task<CliRun> Adopt(params string[] args)
    {
        var run = await Task.Run(() => CliRun.In(dir.Path, ["adopt", "--config-file", "Pulumi.prod.yaml", "--kubeconfig", Kubeconfig, "--context", "fake", .. args]));
        Assert.True(Server.Faults.IsEmpty, "the fake API server failed:\n" + string.Join("\n", Server.Faults));
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        dir.Dispose();
    }
}
