using System.Globalization;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// The outcome of <c>srcnet verify</c>; the numbers are its exit codes, a contract for scripts
/// (1 and 2 are the CLI's: the cluster could not be asked, or a usage/config error).
/// </summary>
public enum VerdictKind
{
    /// <summary>The run's pod succeeded and every selected product is ingested.</summary>
    Succeeded = 0,
    /// <summary>Not done yet: waiting helps (no run yet, pending, running, products still in staging).</summary>
    InProgress = 3,
    /// <summary>Done and wrong, or stuck until someone acts: waiting does not help.</summary>
    Failed = 4,
}

/// <summary>The verdict: its kind (the exit code) and one line that says why, naming what failed.</summary>
public sealed record Verdict(VerdictKind Kind, string Message)
{
    public int ExitCode => (int)Kind;

    /// <summary>The verdict as the report and the JSON write it: succeeded, in-progress, failed.</summary>
    public string Name => VerifyWords.Verdict.Of(Kind);

    /// <summary>
    /// Decides from what was observed. The order is the order of causes: a missing namespace or
    /// workload before a run, a failed run before its products, a failed product before one still
    /// waiting. Anything that stays as it is until someone acts is a failure (4), so that a script
    /// polling while the exit code is 3 always ends.
    /// </summary>
    public static Verdict Decide(VerifyObservation o)
    {
        var t = o.Target;
        if (!o.NamespaceFound)
            return Failed($"namespace {t.Namespace} not found on cluster {o.Cluster}: is the stack deployed? (pulumi up)");
        if (t.Mode == WorkflowMode.CronJob && !o.WorkloadFound)
            return Failed($"CronJob {t.WorkloadName} not found in namespace {t.Namespace}: the stack's workload is not deployed (pulumi up)");

        if (t.Mode == WorkflowMode.Campaign) return CampaignVerdict.Decide(o);
        if (o.JobName is null || o.Run is null) return NoRun(o);
        var run = o.Run;

        if (run.Phase == RunPhase.Failed)
            return Failed(run.Explain($"run {o.JobName} failed"));
        if (o.Products?.FirstOrDefault(p => p.State == ProductState.Failed) is { } failedProduct)
            return Failed($"ingestion of {failedProduct.Product} ({failedProduct.File}) failed: it is in failed_processing");
        if (run.Phase == RunPhase.Unschedulable)
            return Failed($"run {o.JobName} cannot be scheduled: {run.Message ?? "no node fits the pod"}; it stays pending until the cluster or the stack changes");
        if (run.Phase == RunPhase.Pending)
            return InProgress(run.Explain($"run {o.JobName} has not started yet"));
        if (run.Phase == RunPhase.Running)
            return InProgress($"run {o.JobName} is still running");

        // The run succeeded: now it is the ingestor's turn.
        if (o.Ids is null)
            return Failed($"run {o.JobName} succeeded, but its FILE_PREFIX is unknown (its pod and log are gone), so its products cannot be checked");
        if (IngestorProblem(o) is { } ingestor) return ingestor;
        if (o.Products is null)
            return Failed("the run's products were not looked for");

        var missing = o.Products.Where(p => p.State == ProductState.Missing).ToList();
        if (missing.Count > 0)
            return Failed($"run {o.JobName} succeeded, but {Names(missing)} {(missing.Count == 1 ? "is" : "are")} missing: {string.Join("; ", missing.Select(p => $"{p.File}: {p.Detail}"))}");
        var waiting = o.Products.Where(p => p.State == ProductState.Waiting).ToList();
        if (waiting.Count > 0)
            return InProgress($"waiting for the ingestor: {Names(waiting)} still in staging");
        var expired = o.Products.Where(p => p.State == ProductState.Expired).ToList();
        return new Verdict(VerdictKind.Succeeded,
            $"run {o.JobName} succeeded and every selected product is ingested ({string.Join(", ", o.Products.Select(p => p.Product))})" +
            (expired.Count == 0 ? "" : $"; {Names(expired)} since removed from processed/ by the janitor (srcnet:retention.processed): Rucio has {(expired.Count == 1 ? "it" : "them")}"));
    }

    /// <summary>Why the ingestor cannot have taken a finished run's products; null when its pod is running.</summary>
    internal static Verdict? IngestorProblem(VerifyObservation o)
    {
        var t = o.Target;
        if (o.Ingestor is null)
            return Failed($"no ingestor pod ({VerifyTarget.IngestorPodPrefix}...) in namespace {t.Namespace}: is the ingestor release {t.IngestorRelease} installed?");
        if (o.Ingestor.State.Phase is RunPhase.Failed or RunPhase.Unschedulable)
            return Failed(o.Ingestor.State.Explain($"ingestor pod {o.Ingestor.PodName} is not running"));
        if (o.Ingestor.State.Phase != RunPhase.Running)
            return InProgress(o.Ingestor.State.Explain($"ingestor pod {o.Ingestor.PodName} is not running yet"));
        return null;
    }

    private static Verdict NoRun(VerifyObservation o)
    {
        var t = o.Target;
        if (o.RunFilter is not null)
            return Failed($"no run with OBS_ID or FILE_PREFIX {Config.UserText.Quote(o.RunFilter)} among the stack's Jobs in namespace {t.Namespace} (finished Jobs are removed after their history limit or ttlSecondsAfterFinished)");
        if (t.Mode == WorkflowMode.Job)
            return Failed($"no Job of stack {t.Stack} ({t.RunSelector}) in namespace {t.Namespace}: not deployed (pulumi up), or removed after ttlSecondsAfterFinished");
        if (o.CronJobSuspended)
            return Failed($"CronJob {t.WorkloadName} is suspended and has no run: none will start until it is resumed");
        var next = o.NextRunAt is { } at
            ? $"next at {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({t.Schedule})"
            : $"next at {t.Schedule}";
        return InProgress($"no run has started yet; {next}");
    }

    private static string Names(IEnumerable<ProductStatus> products) => string.Join(", ", products.Select(p => p.Product));

    private static Verdict Failed(string message) => new(VerdictKind.Failed, message);

    private static Verdict InProgress(string message) => new(VerdictKind.InProgress, message);
}
