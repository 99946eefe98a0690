using SrcNetInfra.Cli.Verify;

namespace SrcNetInfra.Tests.Verify;

/// <summary>Which kubeconfig verify reads (offline).</summary>
public class KubeconfigPathTests
{
    private const string Home = "/home/u";
    private const string Cwd = "/work";

    [Fact]
    public void The_flag_wins_and_is_relative_to_the_working_directory() =>
        Assert.Equal("/work/kc", KubeconfigPath.Resolve("kc", "/etc/a:/etc/b", Home, Cwd));

    [Fact]
    public void Else_the_first_path_of_KUBECONFIG() =>
        Assert.Equal("/etc/a", KubeconfigPath.Resolve(null, "/etc/a:/etc/b", Home, Cwd));

    [Fact]
    public void Empty_entries_of_KUBECONFIG_are_skipped() =>
        Assert.Equal("/etc/b", KubeconfigPath.Resolve(null, "::/etc/b", Home, Cwd));

    [Fact]
    public void Else_the_home_directorys_kube_config()
    {
        Assert.Equal("/home/u/.kube/config", KubeconfigPath.Resolve(null, null, Home, Cwd));
        Assert.Equal("/home/u/.kube/config", KubeconfigPath.Resolve("", "", Home, Cwd));
    }
}
