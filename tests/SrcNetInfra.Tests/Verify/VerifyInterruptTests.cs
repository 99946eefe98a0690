using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Verify;

/// <summary>Ctrl+C stops a verify that waits for the cluster: exit 130, one line, at once rather than after --timeout.</summary>
public class VerifyInterruptTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_a_verify_that_waits_for_the_cluster_exits_130(bool json)
    {
        await using var h = await VerifyHarness.Start();
        h.Server.Hang = true;
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // With --timeout 10m only the cancellation can end this call in time for the test.
        // With --json too, nothing goes to stdout (docs/verify.md: no object for 130).
        string[] args = ["verify", "--stack", "dev", "--timeout", "10m", "--kubeconfig", h.Kubeconfig, .. json ? ["--json"] : Array.Empty<string>()];
        var run = await CliRun.InAsync(Repo.Root, ctrlC.Token, args);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal("srcnet: interrupted", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
    }
}
