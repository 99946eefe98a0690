using System.CommandLine;
using SrcNetInfra.Cli.Verify;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet verify</c>: did a stack's run succeed and are its products ingested? Asks the cluster
/// through the kubeconfig, as the seed's "Verify Job" does by hand: the run's pod and log, then the
/// ingestor's processed and failed_processing folders. Exit codes 0/3/4 say done/not yet/failed.
/// The side effects live here and in <see cref="VerifyReader"/>; the decision is Core's.
/// </summary>
public static class VerifyVerb
{
    public const string Name = "verify";
    public const string JsonFlag = "--json";

    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var cluster = new ClusterFlags("The run to verify, by its OBS_ID or FILE_PREFIX (default: the newest run); for a campaign, the one point to report");
        var json = new Option<bool>(JsonFlag) { Description = "Print one JSON object instead of the report, also for a usage or config error" };

        var command = new Command(Name,
            "Check on the cluster that a stack's run succeeded and that its products were ingested (for a campaign: every point, and a progress line), " +
            "and report the ingest area's health beside it (stuck products, failed_processing, free space, leftovers; never the exit code). " +
            "Exit 0: done; 3: not yet (pending, running, waiting for the ingestor); 4: failed or not deployed; " +
            "1: the cluster could not be asked; 2: usage or config error; 130: interrupted (Ctrl+C).");
        source.AddTo(command);
        cluster.AddTo(command);
        command.Options.Add(json);

        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                var limit = cluster.TimeoutValue(parse);
                var runValue = cluster.RunFilter(parse);
                var file = source.Require(parse, context.WorkingDirectory);
                var env = context.Check(file);
                var request = new VerifyRequest(VerifyTarget.For(env), cluster.KubeconfigPath(parse, context.WorkingDirectory),
                    parse.GetValue(cluster.Context), runValue, limit, parse.GetValue(json));
                return await Run(context, request, cancellation);
            }
            catch (Exception e) when (parse.GetValue(json) && e is UsageException or ConfigErrorsReported)
            {
                // Scripts that read the JSON get an object for every outcome, a usage error too.
                context.Out.Write(UsageErrorJson(e is ConfigErrorsReported config ? config.Summary : e.Message));
                throw;
            }
        });
        return command;
    }

    /// <summary>One verify from the request to its exit code: open the cluster, read, decide, print.</summary>
    private static async Task<int> Run(CliContext context, VerifyRequest request, CancellationToken cancellation)
    {
        using var session = ClusterSession.Open(request.Kubeconfig, request.Context, request.Timeout, context.Display, cancellation);
        VerifyFindings findings;
        try
        {
            findings = await new VerifyReader(session, request.Target).Read(request.Run, DateTimeOffset.UtcNow);
        }
        catch (ClusterFailure failure)
        {
            context.Error.WriteLine($"srcnet: {Core.Config.UserText.Line(failure.Message)}");
            if (request.Json) context.Out.Write(VerifyReport.ErrorJson(request.Target, session.Cluster, ExitCodes.Failure, failure.Message));
            return ExitCodes.Failure;
        }

        var verdict = Verdict.Decide(findings.Observation);
        context.Out.Write(request.Json ? VerifyReport.Json(findings, verdict) : VerifyReport.Text(findings, verdict));
        return verdict.Kind switch
        {
            VerdictKind.Succeeded => ExitCodes.Ok,
            VerdictKind.InProgress => ExitCodes.RunInProgress,
            _ => ExitCodes.RunFailed,
        };
    }

    /// <summary>The JSON of a usage or config error (exit 2): the report's fields, with nothing known but why.</summary>
    public static string UsageErrorJson(string message) =>
        VerifyReport.ErrorJson(null, null, ExitCodes.UsageOrConfig, message);
}
