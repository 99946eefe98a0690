using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// Usage and config errors of <c>srcnet verify</c>: exit 2, one line naming the flag, before any
/// cluster is asked. Nothing is faked: none of these reach a cluster.
/// </summary>
public class VerifyUsageTests
{
    [Theory]
    [InlineData("soon")]
    [InlineData("30x")]
    [InlineData("1d")]
    [InlineData("5 s")]
    [InlineData("0")]
    [InlineData("")]
    public void A_bad_timeout_exits_2_naming_the_flag(string value)
    {
        var run = CliRun.AtRoot("verify", "--stack", "dev", "--timeout", value, "--kubeconfig", "/nonexistent");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("srcnet: --timeout: ", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void No_stack_exits_2()
    {
        var run = CliRun.AtRoot("verify");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --stack NAME or --config-file PATH", run.Error);
    }

    [Fact]
    public void A_config_error_exits_2_before_any_cluster_is_asked()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.bad.yaml", MinimalStack.Yaml.Replace("tag: 0.34.0", "tag: 0.34.0\n    products: []", StringComparison.Ordinal));

        var run = CliRun.In(dir.Path, "verify", "--config-file", file, "--kubeconfig", "/nonexistent");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: srcnet:workflow.products", run.Error);
        Assert.DoesNotContain("kubeconfig", run.Error);
    }

    [Fact]
    public void A_missing_kubeconfig_exits_2_naming_the_flag()
    {
        using var dir = new TempDir();
        var run = CliRun.AtRoot("verify", "--stack", "dev", "--kubeconfig", Path.Combine(dir.Path, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("srcnet: --kubeconfig: no such file: ", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_unknown_context_exits_2_naming_the_flag()
    {
        using var dir = new TempDir();
        await using var fake = await FakeApiServer.Start(dir.Path);
        var kubeconfig = fake.WriteKubeconfig(dir.Path);

        var run = await Task.Run(() => CliRun.AtRoot("verify", "--stack", "dev", "--kubeconfig", kubeconfig, "--context", "elsewhere"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("srcnet: --context: ", Assert.Single(run.ErrorLines));
        Assert.Contains("elsewhere", run.Error);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void Help_lists_the_flags_and_the_exit_codes()
    {
        var run = CliRun.AtRoot("verify", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var flag in new[] { "--stack", "--config-file", "--kubeconfig", "--context", "--run", "--timeout", "--json" })
            Assert.Contains(flag, run.Out);
        Assert.Contains("3: not yet", run.Out);
    }
}
