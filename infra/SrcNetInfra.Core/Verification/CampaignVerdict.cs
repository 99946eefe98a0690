namespace SrcNetInfra.Core.Verification;

/// <summary>
/// The verdict on a campaign (docs/verify.md#campaigns). While points run or wait it is in progress
/// (3), even when some have failed, so a script that polls while the exit code is 3 waits for the
/// whole campaign; then failed points or products make it failed (4), and all points done with every
/// product ingested succeeded (0). What no waiting can change is failed at once: a point whose pod
/// cannot start, a Job that failed as a whole, a suspended Job nothing will admit.
/// </summary>
public static class CampaignVerdict
{
    /// <summary>Failed points (or products) named in a verdict; the rest are counted.</summary>
    public const int NamedInVerdict = 3;

    public static Verdict Decide(VerifyObservation o)
    {
        var t = o.Target;
        if (o.Campaign is not { } c)
            return Failed($"no campaign Job of stack {t.Stack} ({t.RunSelector}) in namespace {t.Namespace}: not deployed (pulumi up), or deleted");
        if (c.Points is not { } points)
            return Failed(c.TableProblem ?? $"the point table {c.PointTable} could not be read");
        if (points.Count == 0)
            return Failed($"no point of campaign {c.Name} has OBS_ID or FILE_PREFIX {Config.UserText.Quote(o.RunFilter ?? "")} (Job {o.JobName}, {c.Total} points)");

        if (c.Suspended)
        {
            if (c.Queue is not { } queue)
                return Failed($"campaign Job {o.JobName} is suspended and no Kueue queue admits it: no point starts until it is resumed " +
                              $"(kubectl -n {t.Namespace} patch job {o.JobName} -p '{{\"spec\":{{\"suspend\":false}}}}')");
            if (c.KueueInstalled == false)
                return Failed($"campaign Job {o.JobName} waits for Kueue to admit it (LocalQueue {queue}), but the cluster serves no Kueue API (kueue.x-k8s.io): " +
                              "it never starts; install Kueue, or remove srcnet:campaign.queue and pulumi up");
            return InProgress($"campaign Job {o.JobName} waits for Kueue to admit it (LocalQueue {queue}); {c.Progress}");
        }

        var stuck = points.Where(p => p.State == PointState.Stuck).ToList();
        if (stuck.Count > 0)
            return Failed($"{Points(stuck)} cannot start: {Named(stuck)}; the campaign cannot end until the cluster or the stack changes ({c.Progress})");
        if (c.JobFailed is { } failure)
            return Failed($"campaign Job {o.JobName} failed ({failure.Reason}{(failure.Message is { } m ? $": {m}" : "")}); {c.Progress}");
        if (points.Any(p => p.State is PointState.Running or PointState.Waiting))
            return InProgress($"campaign {c.Name} is running: {c.Progress}");

        var failed = points.Where(p => p.State == PointState.Failed).ToList();
        if (failed.Count > 0)
            return Failed($"{failed.Count} of {points.Count} points failed: {Named(failed)} ({c.Progress})");

        // Every point is done: now it is the ingestor's turn.
        if (Verdict.IngestorProblem(o) is { } ingestor) return ingestor;
        if (points.Any(p => p.Products is null))
            return Failed("the points' products were not looked for");
        var products = points.SelectMany(p => p.Products!).ToList();
        var failedProducts = products.Where(p => p.State == ProductState.Failed).ToList();
        if (failedProducts.Count > 0)
            return Failed($"ingestion of {failedProducts.Count} product(s) failed, they are in failed_processing: {Files(failedProducts)} ({c.Progress})");
        var missing = products.Where(p => p.State == ProductState.Missing).ToList();
        if (missing.Count > 0)
            return Failed($"every point is done, but {missing.Count} product(s) are missing: {Files(missing)} ({c.Progress})");
        if (products.Any(p => p.State == ProductState.Waiting))
            return InProgress($"waiting for the ingestor: {products.Count(p => p.State == ProductState.Waiting)} product(s) still in staging ({c.Progress})");
        return new Verdict(VerdictKind.Succeeded, $"campaign {c.Name}: every point is done and every selected product is ingested ({c.Progress})");
    }

    private static string Points(IReadOnlyList<PointReport> points) => points.Count == 1 ? "1 point" : $"{points.Count} points";

    private static string Named(IReadOnlyList<PointReport> points) =>
        string.Join("; ", points.Take(NamedInVerdict).Select(p => $"point {p.Point.Index} ({p.Point.Ids.ObsId}) {p.Detail ?? p.StateName}"))
        + (points.Count > NamedInVerdict ? $"; and {points.Count - NamedInVerdict} more" : "");

    private static string Files(IReadOnlyList<ProductStatus> products) =>
        string.Join(", ", products.Take(NamedInVerdict).Select(p => p.File))
        + (products.Count > NamedInVerdict ? $" and {products.Count - NamedInVerdict} more" : "");

    private static Verdict Failed(string message) => new(VerdictKind.Failed, message);

    private static Verdict InProgress(string message) => new(VerdictKind.InProgress, message);
}
