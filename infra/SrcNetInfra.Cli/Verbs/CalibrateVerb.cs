using System.CommandLine;
using System.Text;
using SrcNetInfra.Cli.Verify;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet calibrate</c>: how long each step of a finished run took, read from the workflow's
/// timestamped log lines, recorded with where it ran and the stack it ran with in
/// <c>calibrations/&lt;name&gt;.yaml</c>. The log comes from a file (<c>--log</c>, e.g. saved with
/// <c>kubectl logs --timestamps</c>) or from the cluster's newest finished run, found as verify finds runs.
/// </summary>
public static class CalibrateVerb
{
    /// <summary>A saved log bigger than this is not one run's log.</summary>
    public const long MaxLogFileBytes = 64L << 20;

    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var log = new Option<string?>("--log") { Description = "A saved log of the run's simulation container (kubectl logs --timestamps POD > FILE); without it, the newest finished run on the cluster", HelpName = "FILE" };
        var name = new Option<string?>("--name") { Description = "The calibration's name, its file calibrations/NAME.yaml (default: the stack's srcnet:workflow.calibration, else the stack's name)", HelpName = "NAME" };
        var site = new Option<string?>("--site") { Description = "Where the run ran (default: the stack's rucioIngestRseName)", HelpName = "SITE" };
        var nodeType = new Option<string?>("--node-type") { Description = "The kind of node it ran on, e.g. a100-128c (default: unspecified)", HelpName = "TYPE" };
        var force = new Option<bool>("--force") { Description = "Replace an existing calibration of that name" };
        var cluster = new ClusterFlags("The run to read, by its OBS_ID or FILE_PREFIX (default: the newest finished run)");

        var command = new Command("calibrate",
            "Record how long each step of a finished run took, from the workflow's log, in calibrations/NAME.yaml; " +
            "srcnet estimate and activeDeadlineSeconds: auto project other runs from it.");
        source.AddTo(command);
        foreach (var o in new Option[] { log, name, site, nodeType, force }) command.Options.Add(o);
        cluster.AddTo(command);

        command.SetAction(async (parse, cancellation) =>
        {
            var logFile = parse.GetValue(log);
            if (logFile is not null && (parse.GetValue(cluster.Run) ?? parse.GetValue(cluster.Kubeconfig) ?? parse.GetValue(cluster.Context)) is not null)
                throw new UsageException("--log reads a saved log; --run, --kubeconfig and --context are for reading one from the cluster: give one or the other");
            var limit = cluster.TimeoutValue(parse);
            var runFilter = cluster.RunFilter(parse);
            var file = source.Require(parse, context.WorkingDirectory);
            var env = context.Check(file);
            var spec = env.Spec;

            var calibrationName = parse.GetValue(name) ?? spec.Workflow.Calibration ?? spec.Stack;
            if (!CalibrationFile.IsName(calibrationName))
                throw new UsageException($"--name: {CalibrationFile.NotAName(calibrationName)}");
            var library = CalibrationLibrary.AtProjectRoot(StackLocator.FromDirectory(Path.GetDirectoryName(file)!).Root);
            var target = library.PathOf(calibrationName);
            bool replace = parse.GetValue(force);
            if (File.Exists(target) && !replace)
                throw new UsageException($"--force: {context.Display(target)} exists; give --force to replace it, or --name for another calibration");
            var siteName = NonEmpty(parse.GetValue(site), "--site") ?? spec.Ingestor.Settings.RucioIngestRseName;
            var node = NonEmpty(parse.GetValue(nodeType), "--node-type") ?? "unspecified";

            // A campaign's points are runs of different shapes: only the cluster says which point a log is of.
            if (logFile is not null && spec.Campaign is not null)
                throw new UsageException($"--log: stack {spec.Stack} is a campaign, whose points differ; calibrate from the cluster (each point's pod says which it is), " +
                                         "or give --config-file of a job stack with the point's values");
            var (text, origin, code, ranSpec) = logFile is not null
                ? (ReadLogFile(context, logFile), $"log file {Path.GetFileName(logFile)}", ExitCodes.Ok, spec)
                : await FromCluster(context, env, cluster.KubeconfigPath(parse, context.WorkingDirectory), parse.GetValue(cluster.Context), runFilter, limit, cancellation);
            if (text is null) return code;

            var reading = WorkflowLog.Parse(text);
            var calibration = Calibration.Record(calibrationName, siteName, node, ranSpec!, reading, origin, out var error)
                ?? throw new UsageException($"{(logFile is null ? origin : "--log")}: {error}");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            WholeFile.Write(target, CalibrationFile.Write(calibration), overwrite: replace);
            context.Out.Write(Report(context, calibration, reading, target, spec.Workflow.Calibration));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? NonEmpty(string? value, string flag) =>
        value is null ? null
        : value.Trim().Length > 0 && value.Length <= 100 && !value.Any(char.IsControl) ? value.Trim()
        : throw new UsageException($"{flag}: give 1 to 100 printable characters");

    private static string ReadLogFile(CliContext context, string logFile)
    {
        var path = Path.GetFullPath(logFile, context.WorkingDirectory);
        var info = new FileInfo(path);
        if (!info.Exists) throw new UsageException($"--log: no such file: {logFile}");
        if (info.Length > MaxLogFileBytes)
            throw new UsageException($"--log: {logFile} is {info.Length} bytes; one run's log is far smaller (at most {MaxLogFileBytes} bytes are read)");
        return File.ReadAllText(path);
    }

    /// <summary>
    /// The newest finished run's log and the stack as that run had it (a campaign point's: the
    /// stack with the point's simulation and products); (null, why, exit code, null) when there is
    /// none or the cluster cannot be asked.
    /// </summary>
    private static async Task<(string? Log, string Origin, int Code, EnvironmentSpec? Spec)> FromCluster(
        CliContext context, CheckedEnvironment env, string path, string? kubeContext, string? runFilter, TimeSpan timeout, CancellationToken cancellation)
    {
        var target = VerifyTarget.For(env);
        using var session = ClusterSession.Open(path, kubeContext, timeout, context.Display, cancellation);
        FinishedRunLog? found;
        try
        {
            found = await new RunLogReader(session, target).Read(runFilter);
        }
        catch (ClusterFailure failure)
        {
            context.Error.WriteLine($"srcnet: {failure.Message}");
            return (null, "", ExitCodes.Failure, null);
        }
        if (found is null)
        {
            context.Error.WriteLine($"srcnet: no finished run{(runFilter is null ? "" : $" {runFilter}")} of stack {target.Stack} in namespace {target.Namespace} on {session.Cluster}: " +
                                    "wait for one to succeed or fail (srcnet verify shows where it is), or give a saved log with --log");
            return (null, "", ExitCodes.RunInProgress, null);
        }
        var spec = env.Spec;
        var origin = $"pod {found.PodName} of Job {found.JobName} in namespace {target.Namespace}";
        if (spec.Campaign is { } campaign)
        {
            // The point's index means the point of the table the Job reads; the stack file's table must be that one.
            if (found.PointTable != target.Campaign?.PointTable || found.PointIndex is not { } index || index >= campaign.Points.Count)
                throw new UsageException($"--stack: campaign Job {found.JobName} reads point table {UserText.Quote(found.PointTable ?? "(none)")}, not the stack file's " +
                                         $"{target.Campaign?.PointTable}: its points are not the stack's; calibrate once the stack is deployed as it is, or name a run with --run");
            var point = campaign.Points[index];
            spec = spec with { Workflow = spec.Workflow with { Simulation = point.Simulation, Products = point.Products } };
            origin += $", point {index}";
        }
        // The calibration records the stack's run shape: the run must have had it.
        if (RunShapeCheck.Differences(env.Spec, found.Environment, found.CpuLimit) is { Count: > 0 } differences)
            throw new UsageException(
                $"--stack: Job {found.JobName} ran another simulation than stack {target.Stack} describes now ({differences[0]}" +
                (differences.Count > 1 ? $", and {differences.Count - 1} more" : "") + "); calibrate from a run of the current config, " +
                "or save that run's log (kubectl logs --timestamps) and give it with --log and --config-file of the stack as it ran");
        return (found.Log, origin, ExitCodes.Ok, spec);
    }

    private static string Report(CliContext context, Calibration c, WorkflowLogReading reading, string path, string? configured)
    {
        var t = new StringBuilder();
        t.Append($"calibration {c.Name} written to {context.Display(path)}\n");
        t.Append($"  run      {c.Source}{(c.StartedAt is { } at ? $", started {at:yyyy-MM-dd HH:mm:ss}Z" : "")}, {(c.Finished ? "finished" : "did not finish")}\n");
        t.Append($"  where    {c.Site}, node type {c.NodeType}, {(c.Gpu ? $"{c.Run.Gpus} GPU(s)" : "no GPU")}, CPU limit {c.Run.LimitsCpu}\n");
        foreach (var stage in RunStages.All.Where(c.Seconds.ContainsKey))
            t.Append($"  {RunStages.Describe(stage),-24} {DurationText.Format(c.Seconds[stage]),10}\n");
        if (reading.StoppedIn is { } stopped)
            t.Append($"  note: the run stopped in the {RunStages.Describe(stopped)} step; it and the steps after it are not calibrated\n");
        if (!c.Seconds.ContainsKey(RunStage.Startup))
            t.Append("  note: no start-up time: the log has no kubelet timestamps (save it with kubectl logs --timestamps)\n");
        foreach (var note in reading.Notes) t.Append($"  note: {note}\n");
        if (configured != c.Name)
            t.Append($"  next: set srcnet:workflow.calibration: {c.Name} in the stacks that run on such nodes, or pass --calibration {c.Name} to srcnet estimate\n");
        return t.ToString();
    }
}
