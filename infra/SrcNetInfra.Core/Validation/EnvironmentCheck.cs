using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// Config in, checked environment out: reads the <c>srcnet:</c> keys, estimates one run, sizes the
/// volumes and runs the cross-checks. Every problem is reported, not just the first.
/// </summary>
public static class EnvironmentCheck
{
    /// <param name="calibrations">Where <c>srcnet:workflow.calibration</c> is looked up; without it, a stack that names one is an error.</param>
    public static CheckResult Run(string stack, IReadOnlyDictionary<string, JsonNode?> srcnetValues, CalibrationLibrary? calibrations = null)
    {
        var problems = new Problems();
        var spec = StackConfig.Read(stack, srcnetValues, problems);
        if (spec is null) return new CheckResult(null, problems.All);

        Estimate estimate;
        try
        {
            estimate = Estimator.For(EstimateInput.For(spec.Workflow));
        }
        catch (OverflowException)
        {
            problems.Error("srcnet:workflow.simulation",
                "the estimated data size exceeds 8 EiB; check numTimeStamps, imagingNpixel, stations and the band against freqIncHz");
            return new CheckResult(null, problems.All);
        }

        Sizing sizing;
        try
        {
            sizing = Sizing.For(spec, estimate, problems);
        }
        catch (OverflowException)
        {
            problems.Error("srcnet:ingestor.persistence.runsToHold", "runsToHold x one run's products exceeds 8 EiB; lower runsToHold");
            return new CheckResult(null, problems.All);
        }

        QuotaFit.Check(spec, sizing, problems);
        MemoryFit.Check(spec.Workflow.Resources, estimate.Memory, problems);
        CheckScratch(spec, estimate, problems);
        (spec, var duration) = DurationFit.Check(spec, calibrations, problems);

        return new CheckResult(problems.HasErrors ? null : new CheckedEnvironment(spec, sizing) { Duration = duration }, problems.All);
    }

    /// <summary>
    /// Reads and checks a stack file; its stack name comes from the file name, its calibrations
    /// are those of the project it is in (the nearest directory upwards with Pulumi.yaml).
    /// </summary>
    public static CheckResult RunFile(string path)
    {
        var problems = new Problems();
        var file = StackFile.Load(path, problems);
        if (file is null) return new CheckResult(null, problems.All);
        var root = StackLocator.FromDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!).Root;
        var result = Run(file.StackName, file.Srcnet, CalibrationLibrary.AtProjectRoot(root));
        return result with { Problems = [.. problems.All, .. result.Problems] };
    }

    private static void CheckScratch(EnvironmentSpec spec, Estimate estimate, Problems problems)
    {
        // docs/workflow.md#karabos-working-directories: the workflow leaves its WSClean folders under /tmp after every run.
        if (spec.Scratch.Mode == ScratchMode.SharedClaim && spec.Workflow.Mode == WorkflowMode.CronJob)
            problems.Warning("srcnet:scratch.mode",
                $"sharedClaim with a CronJob: every run leaves its FITS files in /tmp ({StorageRequest.Human(estimate.ScratchLeftBytes)} a run), " +
                "so they pile up on the shared claim until it is full; ephemeral scratch starts empty each run");
    }
}
