using System.CommandLine;
using SrcNetInfra.Cli.Verify;

namespace SrcNetInfra.Cli;

/// <summary>
/// The flags of verbs that read the cluster (verify, calibrate, adopt): which kubeconfig and
/// context, with the same defaults as kubectl (<c>$KUBECONFIG</c>, else <c>~/.kube/config</c>), how
/// long to wait for any one call, and, for verbs about a stack's runs, which run.
/// </summary>
/// <param name="runDescription">The help of <c>--run</c>; null for a verb that is not about a run.</param>
public sealed class ClusterFlags(string? runDescription = null)
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Kubeconfig to use (default: the first path of $KUBECONFIG, else ~/.kube/config)",
        HelpName = "PATH",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "Kubeconfig context to use (default: its current context)",
        HelpName = "NAME",
    };

    public Option<string?> Run { get; } = new("--run") { Description = runDescription, HelpName = "OBS_ID|FILE_PREFIX" };

    public Option<string?> Timeout { get; } = new("--timeout")
    {
        Description = "Longest wait for any one call to the cluster: 500ms, 30s, 2m, 1h; a plain number is seconds (default 30s)",
        HelpName = "DURATION",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        if (runDescription is not null) command.Options.Add(Run);
        command.Options.Add(Timeout);
    }

    /// <summary>The kubeconfig's path, as kubectl finds it.</summary>
    public string KubeconfigPath(ParseResult parse, string workingDirectory) => Verify.KubeconfigPath.Resolve(
        parse.GetValue(Kubeconfig),
        Environment.GetEnvironmentVariable("KUBECONFIG"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        workingDirectory);

    /// <summary>The run filter, trimmed; a blank one is a usage error.</summary>
    public string? RunFilter(ParseResult parse)
    {
        var value = parse.GetValue(Run);
        if (value is not null && value.Trim().Length == 0)
            throw new UsageException("--run: give an OBS_ID or a FILE_PREFIX, or leave --run out for the newest run");
        return value?.Trim();
    }

    /// <summary>The timeout; a bad one is a usage error (read it first, before anything else).</summary>
    public TimeSpan TimeoutValue(ParseResult parse) => TimeoutText.Parse(parse.GetValue(Timeout));
}
