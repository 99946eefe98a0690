using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>Where a run can be found, from the spec and its run id alone.</summary>
internal static class RunSummaries
{
    public static RunSummary For(EnvironmentSpec spec, string? runId)
    {
        var w = spec.Workflow;
        var isJob = w.Mode == WorkflowMode.Job;
        var run = isJob ? runId ?? throw new ArgumentNullException(nameof(runId), "a Job's run needs its run id") : MetadataSpec.RunPlaceholder;
        return new RunSummary(
            w.Mode,
            isJob ? "Job" : "CronJob",
            isJob ? SimulationRun.JobName(w, run) : w.Name,
            isJob ? run : null,
            w.Metadata.ObsIdFor(run),
            w.Metadata.FilePrefixFor(run),
            $"{w.OutDir.TrimEnd('/')}/{w.Metadata.RucioNamespace}",
            IngestorRelease.ProcessedDir,
            IngestorRelease.FailedDir);
    }
}
