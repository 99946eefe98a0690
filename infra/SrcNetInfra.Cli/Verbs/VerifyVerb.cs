using System.CommandLine;
using SrcNetInfra.Cli.Verify;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet verify</c>: did a stack's run succeed and are its products ingested? Asks the cluster
/// through the kubeconfig, as the seed's "Verify Job" does by hand: the run's pod and log, then the
/// ingestor's processed and failed_processing folders. Exit codes 0/3/4 say done/not yet/failed.
/// </summary>
public static class VerifyVerb
{
    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Kubeconfig to use (default: the first path of $KUBECONFIG, else ~/.kube/config)",
            HelpName = "PATH",
        };
        var kubeContext = new Option<string?>("--context")
        {
            Description = "Kubeconfig context to use (default: its current context)",
            HelpName = "NAME",
        };
        var run = new Option<string?>("--run")
        {
            Description = "The run to verify, by its OBS_ID or FILE_PREFIX (default: the newest run)",
            HelpName = "OBS_ID|FILE_PREFIX",
        };
        var timeout = new Option<string?>("--timeout")
        {
            Description = "Longest wait for any one call to the cluster: 500ms, 30s, 2m, 1h; a plain number is seconds (default 30s)",
            HelpName = "DURATION",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the report" };

        var command = new Command("verify",
            "Check on the cluster that a stack's run succeeded and that its products were ingested. " +
            "Exit 0: done; 3: not yet (pending, running, waiting for the ingestor); 4: failed or not deployed; " +
            "1: the cluster could not be asked; 2: usage or config error.");
        source.AddTo(command);
        foreach (var o in new Option[] { kubeconfig, kubeContext, run, timeout, json }) command.Options.Add(o);

        command.SetAction(parse =>
        {
            var limit = TimeoutText.Parse(parse.GetValue(timeout));
            var runValue = parse.GetValue(run);
            if (runValue is not null && runValue.Trim().Length == 0)
                throw new UsageException("--run: give an OBS_ID or a FILE_PREFIX, or leave --run out for the newest run");
            var file = source.Require(parse, context.WorkingDirectory);
            var env = context.Check(file);
            var path = KubeconfigPath.Resolve(
                parse.GetValue(kubeconfig),
                Environment.GetEnvironmentVariable("KUBECONFIG"),
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                context.WorkingDirectory);
            return VerifyCommand.Run(context, new VerifyRequest(
                VerifyTarget.For(env), path, parse.GetValue(kubeContext), runValue?.Trim(), limit, parse.GetValue(json)));
        });
        return command;
    }
}
