using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// One verify from parsed flags to exit code: open the cluster, read, decide, print. The side
/// effects live here and in <see cref="VerifyReader"/>; the decision is Core's.
/// </summary>
public static class VerifyCommand
{
    public static int Run(CliContext context, VerifyRequest request)
    {
        using var session = ClusterSession.Open(request.Kubeconfig, request.Context, request.Timeout, context.Display);
        VerifyFindings findings;
        try
        {
            // Off the caller's synchronization context: the CLI's entry point is synchronous.
            findings = Task.Run(() => new VerifyReader(session, request.Target).Read(request.Run, DateTimeOffset.UtcNow))
                .GetAwaiter().GetResult();
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
}
