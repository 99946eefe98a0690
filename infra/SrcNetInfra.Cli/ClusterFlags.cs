using System.CommandLine;
using SrcNetInfra.Cli.Verify;

namespace SrcNetInfra.Cli;

/// <summary>
/// <c>--kubeconfig</c>, <c>--context</c> and <c>--timeout</c>: how a verb that reads the cluster finds
/// and asks it, with the same defaults as kubectl (<c>$KUBECONFIG</c>, else <c>~/.kube/config</c>).
/// </summary>
public sealed class ClusterFlags
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

    public Option<string?> Timeout { get; } = new("--timeout")
    {
        Description = "Longest wait for any one call to the cluster: 500ms, 30s, 2m, 1h; a plain number is seconds (default 30s)",
        HelpName = "DURATION",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Timeout);
    }

    /// <summary>The timeout, checked first: a bad flag is a usage error before anything else is read.</summary>
    public TimeSpan TimeoutOf(ParseResult parse) => TimeoutText.Parse(parse.GetValue(Timeout));

    public string KubeconfigOf(ParseResult parse, CliContext context) =>
        KubeconfigPath.Resolve(
            parse.GetValue(Kubeconfig),
            Environment.GetEnvironmentVariable("KUBECONFIG"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            context.WorkingDirectory);
}
