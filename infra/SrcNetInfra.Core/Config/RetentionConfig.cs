using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:retention</c>: what the janitor removes from the ingest claim, and when.</summary>
internal static class RetentionConfig
{
    public static RetentionSpec Read(ConfigSection s, Problems problems)
    {
        string Duration(string key, string fallback)
        {
            var value = s.String(key, fallback);
            if (ContainerScripts.IsDuration(value)) return value;
            problems.Error(s.KeyOf(key), $"must be a duration: a whole number and m, h or d, e.g. 90m, 12h, 30d (got {UserText.Quote(value)})");
            return fallback;
        }

        var enabled = s.Bool("enabled", true);
        var processed = Duration("processed", "30d");
        var failedRuns = Duration("failedRuns", "7d");
        var stale = Duration("staleRunAfter", "3h");
        var ledger = Duration("ledger", "400d");
        // Off the hour, so it does not start with the hourly simulation.
        var schedule = s.String("schedule", "17 * * * *");
        if (CronSchedule.Check(schedule) is { } bad) problems.Error(s.KeyOf("schedule"), $"{bad} (got {UserText.Quote(schedule)})");
        var image = s.Section("image");
        var repository = image.String("repository", "busybox");
        var tag = image.String("tag", "1.37.0");
        image.Done();
        ImageReference.Report(image, repository, tag, problems);
        s.Done();

        var spec = new RetentionSpec
        {
            Enabled = enabled,
            Processed = processed,
            FailedRuns = failedRuns,
            StaleRunAfter = stale,
            Ledger = ledger,
            Schedule = schedule,
            Image = new ContainerImage(repository, tag, "IfNotPresent"),
        };
        // The ledger is what keeps a re-created Job from running again: it must outlive the products.
        if (RetentionSpec.Span(spec.Ledger) < RetentionSpec.Span(spec.Processed))
            problems.Error(s.KeyOf("ledger"), $"must be at least processed ({spec.Processed}): a run forgotten before its products are gone could run again (got {UserText.Quote(spec.Ledger)})");
        if (!enabled)
            problems.Warning(s.KeyOf("enabled"), "without the janitor nothing empties processed/: the ingest area must hold every run's products (runsToHold), and fills up when they are more");
        return spec;
    }
}
