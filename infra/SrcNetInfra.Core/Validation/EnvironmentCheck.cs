using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// Config in, checked environment out: reads the <c>srcnet:</c> keys, estimates one run, sizes the
/// volumes and runs the cross-checks. Every problem is reported, not just the first.
/// </summary>
public static class EnvironmentCheck
{
    public static CheckResult Run(string stack, IReadOnlyDictionary<string, JsonNode?> srcnetValues)
    {
        var problems = new Problems();
        var spec = StackConfig.Read(stack, srcnetValues, problems);
        if (spec is null) return new CheckResult(null, problems.All);

        Estimate estimate;
        try
        {
            estimate = Estimator.For(Sizing.InputFor(spec.Workflow.Simulation, spec.Workflow.Products));
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
        CheckScratch(spec, problems);

        return new CheckResult(problems.HasErrors ? null : new CheckedEnvironment(spec, sizing), problems.All);
    }

    /// <summary>Reads and checks a stack file; its stack name comes from the file name.</summary>
    public static CheckResult RunFile(string path)
    {
        var problems = new Problems();
        var file = StackFile.Load(path, problems);
        if (file is null) return new CheckResult(null, problems.All);
        var result = Run(file.StackName, file.Srcnet);
        // Problems of the file itself (a misplaced key, a tag) make the stack invalid as much as its values' do.
        return new CheckResult(problems.HasErrors ? null : result.Environment, [.. problems.All, .. result.Problems]);
    }

    private static void CheckScratch(EnvironmentSpec spec, Problems problems)
    {
        // FACTS.md: the workflow leaves its WSClean folders under /tmp after every run.
        if (spec.Scratch.Mode == ScratchMode.SharedClaim && spec.Workflow.Mode == WorkflowMode.CronJob)
            problems.Warning("srcnet:scratch.mode",
                "sharedClaim with a CronJob: every run leaves its FITS files in /tmp, so they pile up on the shared claim until it is full; ephemeral scratch starts empty each run");
    }
}
