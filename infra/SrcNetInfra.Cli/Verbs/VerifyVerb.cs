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
        var cluster = new ClusterFlags("The run to verify, by its OBS_ID or FILE_PREFIX (default: the newest run)");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the report" };

        var command = new Command("verify",
            "Check on the cluster that a stack's run succeeded and that its products were ingested. " +
            "Exit 0: done; 3: not yet (pending, running, waiting for the ingestor); 4: failed or not deployed; " +
            "1: the cluster could not be asked; 2: usage or config error.");
        source.AddTo(command);
        cluster.AddTo(command);
        command.Options.Add(json);

        command.SetAction(parse =>
        {
            var limit = cluster.TimeoutValue(parse);
            var runValue = cluster.RunFilter(parse);
            var file = source.Require(parse, context.WorkingDirectory);
            var env = context.Check(file);
            return VerifyCommand.Run(context, new VerifyRequest(
                VerifyTarget.For(env), cluster.KubeconfigPath(parse, context.WorkingDirectory), parse.GetValue(cluster.Context), runValue, limit, parse.GetValue(json)));
        });
        return command;
    }
}
