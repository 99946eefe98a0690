namespace SrcNetInfra.Cli.Verify;

/// <summary>Which kubeconfig verify reads, as kubectl finds it (without merging several files).</summary>
public static class KubeconfigPath
{
    /// <summary>
    /// <c>--kubeconfig</c> if given; else the first path of <c>$KUBECONFIG</c> (kubectl merges them
    /// all, the client reads one: the first is where kubectl keeps the current context by default);
    /// else <c>~/.kube/config</c>.
    /// </summary>
    public static string Resolve(string? flag, string? environment, string home, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(flag)) return Path.GetFullPath(flag, workingDirectory);
        var first = environment?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is not null) return Path.GetFullPath(first, workingDirectory);
        return Path.Combine(home, ".kube", "config");
    }
}
