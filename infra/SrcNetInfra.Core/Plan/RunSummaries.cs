using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>Where a run can be found, from the spec and its run id alone.</summary>
internal static class RunSummaries
{
    /// <summary>Stands for a campaign point's id in its OBS_ID and FILE_PREFIX.</summary>
    public const string PointPlaceholder = "{point}";

    public static RunSummary For(EnvironmentSpec spec, string? runId)
    {
        var w = spec.Workflow;
        var isJob = w.Mode != WorkflowMode.CronJob;
        var run = isJob ? runId ?? throw new ArgumentNullException(nameof(runId), "a Job's run needs its run id") : MetadataSpec.RunPlaceholder;
        // A campaign's points each have their own ids: the patterns show where the point's goes.
        var ids = spec.Campaign is { } campaign ? $"{campaign.Name}-{PointPlaceholder}" : run;
        return new RunSummary(
            w.Mode,
            isJob ? "Job" : "CronJob",
            isJob ? SimulationRun.JobName(w, run) : w.Name,
            isJob ? run : null,
            w.Metadata.ObsIdFor(ids),
            w.Metadata.FilePrefixFor(ids),
            $"{w.OutDir.TrimEnd('/')}/{w.Metadata.RucioNamespace}",
            IngestorRelease.ProcessedDir,
            IngestorRelease.FailedDir);
    }
}
