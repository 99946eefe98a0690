using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Verify;

/// <summary>Ctrl+C stops a verify that waits for the cluster: exit 130, one line, at once rather than after --timeout.</summary>
public class VerifyInterruptTests
{
    [Fact]
    public async Task Cancelling_a_verify_that_waits_for_the_cluster_exits_130()
    {
        await using var h = await VerifyHarness.Start();
        h.Server.Hang = true;
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // With --timeout 10m only the cancellation can end this call in time for the test.
        var run = await CliRun.InAsync(Repo.Root, ctrlC.Token, "verify", "--stack", "dev", "--timeout", "10m", "--kubeconfig", h.Kubeconfig);

        Assert.Equal(130, run.ExitCode);
        Assert.Equal("srcnet: interrupted", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
    }
}
