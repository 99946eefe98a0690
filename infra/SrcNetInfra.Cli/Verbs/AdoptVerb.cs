using System.CommandLine;
using SrcNetInfra.Cli.Adopt;
using SrcNetInfra.Cli.Verify;
using SrcNetInfra.Core.Adoption;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet adopt</c>: how to bring an environment set up by hand under its stack without downtime
/// or data loss. Reads the cluster, reports what exists and what blocks, lays out the steps, and
/// writes the <c>pulumi import</c> file for the hand-installed ingestor release.
/// </summary>
public static class AdoptVerb
{
    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var cluster = new ClusterFlags();
        var output = new Option<string?>("--out")
        {
            Description = "Where to write the pulumi import file (default: adopt-<stack>.json in the current directory)",
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the --out file if it exists" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the report" };

        var command = new Command("adopt",
            "Check a cluster where the stack's environment was set up by hand (namespace, Secret, ingestor release, ingest-area) " +
            "and lay out how to bring it under the stack without downtime or data loss; writes the pulumi import file for the release. " +
            "Exit 0: ready; 4: a blocker must be handled first (listed first; the file is still written); " +
            "1: the cluster could not be asked; 2: usage or config error.");
        source.AddTo(command);
        cluster.AddTo(command);
        foreach (var o in new Option[] { output, force, json }) command.Options.Add(o);

        command.SetAction(async (parse, cancellation) =>
        {
            var timeout = cluster.TimeoutValue(parse);
            var file = source.Require(parse, context.WorkingDirectory);
            var env = context.Check(file);
            var stack = env.Spec.Stack;
            var importFile = ImportFile(parse.GetValue(output), parse.GetValue(force), stack, context);
            var paths = new AdoptionPaths(stack, ConfigFileArgument(file, stack, context), context.Display(importFile));
            return await Run(context, new AdoptRequest(
                Planner.Plan(env), cluster.KubeconfigPath(parse, context.WorkingDirectory),
                // The cluster pulumi up deploys to: the stack's own context unless --context says otherwise.
                parse.GetValue(cluster.Context) ?? env.Spec.Deploy.KubeContext, timeout,
                importFile, paths, parse.GetValue(json)), cancellation);
        });
        return command;
    }

    /// <summary>Blockers must be handled before the first pulumi up (the same code as verify's "failed").</summary>
    public const int Blocked = ExitCodes.RunFailed;

    /// <summary>
    /// One adopt from the request to its exit code: read the cluster, decide, write the import file,
    /// print. 0: ready (the file is written when there is a release to import); 4: blockers to handle
    /// first (the file is still written); 1: the cluster could not be asked.
    /// </summary>
    private static async Task<int> Run(CliContext context, AdoptRequest request, CancellationToken cancellation)
    {
        using var session = ClusterSession.Open(request.Kubeconfig, request.Context, request.Timeout, context.Display, cancellation);
        AdoptionObservation seen;
        try
        {
            seen = await new AdoptReader(session, request.Plan).Read();
        }
        catch (ClusterFailure failure)
        {
            context.Error.WriteLine($"srcnet: {failure.Message}");
            if (request.Json) context.Out.Write(AdoptReport.ErrorJson(request, session.Cluster, ExitCodes.Failure, failure.Message));
            return ExitCodes.Failure;
        }

        var report = Adoption.Decide(request.Plan, seen, request.Paths);
        if (report.Import is { } import) WholeFile.Write(request.ImportFile, import.ToJson(), overwrite: true);
        var code = report.Ready ? ExitCodes.Ok : Blocked;
        context.Out.Write(request.Json ? AdoptReport.Json(request, seen, report, code) : AdoptReport.Text(request, seen, report));
        return code;
    }

    /// <summary>The import file's path, refused before the cluster is asked if it cannot be written as asked.</summary>
    private static string ImportFile(string? given, bool force, string stack, CliContext context)
    {
        var path = Path.GetFullPath(given ?? $"adopt-{stack}.json", context.WorkingDirectory);
        if (Directory.Exists(path))
            throw new UsageException($"--out: {context.Display(path)} is a directory; give a file name such as adopt-{stack}.json");
        if (Path.GetDirectoryName(path) is { } parent && !Directory.Exists(parent))
            throw new UsageException($"--out: no such directory: {context.Display(parent)}");
        if (File.Exists(path) && !force)
            throw new UsageException($"--out: {context.Display(path)} exists; give --force to overwrite it, or another --out FILE");
        return path;
    }

    /// <summary>
    /// Pulumi finds Pulumi.STACK.yaml beside Pulumi.yaml by itself; a stack file anywhere else (stacks/)
    /// must be named to it with --config-file, as the README's commands do.
    /// </summary>
    private static string? ConfigFileArgument(string file, string stack, CliContext context)
    {
        var directory = Path.GetDirectoryName(file)!;
        var besideProject = File.Exists(Path.Combine(directory, "Pulumi.yaml")) && Path.GetFileName(file) == $"Pulumi.{stack}.yaml";
        return besideProject ? null : context.Display(file);
    }
}
