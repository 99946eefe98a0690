using SrcNetInfra.Cli.Verify;
using SrcNetInfra.Core.Adoption;

namespace SrcNetInfra.Cli.Adopt;

/// <summary>
/// One adopt from parsed flags to exit code: read the cluster, decide, write the import file, print.
/// Exit 0: ready (the file is written when there is a release to import); 4: blockers to handle
/// first (the file is still written); 1: the cluster could not be asked.
/// </summary>
public static class AdoptCommand
{
    /// <summary>Blockers must be handled before the first pulumi up (the same code as verify's "failed").</summary>
    public const int Blocked = ExitCodes.RunFailed;

    public static int Run(CliContext context, AdoptRequest request)
    {
        using var session = ClusterSession.Open(request.Kubeconfig, request.Context, request.Timeout, context.Display);
        AdoptionObservation seen;
        try
        {
            // Off the caller's synchronization context: the CLI's entry point is synchronous.
            seen = Task.Run(() => new AdoptReader(session, request.Plan).Read()).GetAwaiter().GetResult();
        }
        catch (ClusterFailure failure)
        {
            context.Error.WriteLine($"srcnet: {failure.Message}");
            if (request.Json) context.Out.Write(AdoptReport.ErrorJson(request, session.Cluster, ExitCodes.Failure, failure.Message));
            return ExitCodes.Failure;
        }

        var report = Adoption.Decide(request.Plan, seen, request.Paths);
        if (report.Import is { } import) WriteWhole(request.ImportFile, import.ToJson());
        var code = report.Ready ? ExitCodes.Ok : Blocked;
        context.Out.Write(request.Json ? AdoptReport.Json(request, seen, report, code) : AdoptReport.Text(request, seen, report));
        return code;
    }

    /// <summary>Written beside its place and moved there, so a failed write never leaves half a file.</summary>
    private static void WriteWhole(string path, string content)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
