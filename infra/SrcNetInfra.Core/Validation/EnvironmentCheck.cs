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
        // Each check across sections runs when the keys it reads had no errors, so one run reports
        // every independent problem: a schema error in one place does not hide the quota check.
        var readErrors = problems.All.Where(p => p.IsError).Select(p => p.Key).ToList();
        bool Clean(IEnumerable<string> inputs) => !readErrors.Any(error => inputs.Any(input => Touches(error, input)));

        var sizing = Clean(SizingInputs(spec)) ? SizeVolumes(spec, problems) : null;
        if (Clean(QuotaFit.Inputs)) QuotaFit.Check(spec, sizing, problems);
        if (Clean(CampaignTableFit.Inputs)) CampaignTableFit.Check(spec, problems);
        if (sizing is not null && Clean(MemoryInputs))
        {
            if (sizing.Campaign is { } campaign)
                MemoryFit.Check(spec.Workflow.Resources, campaign.Points[campaign.LargestMemoryPoint].Memory, problems,
                    $"point {campaign.LargestMemoryPoint}, the campaign's hungriest");
            else
                MemoryFit.Check(spec.Workflow.Resources, sizing.Estimate.Memory, problems);
        }
        if (sizing is not null && Clean(ScratchInputs)) CheckScratch(spec, sizing, problems);
        DurationProjection? duration = null;
        CampaignDuration? campaignDuration = null;
        if (Clean(DurationInputs))
            (spec, duration, campaignDuration) = DurationFit.Check(spec, calibrations, problems, sizing?.Campaign?.Parallelism ?? 1);

        return new CheckResult(
            problems.HasErrors || sizing is null ? null : new CheckedEnvironment(spec, sizing) { Duration = duration, CampaignDuration = campaignDuration },
            problems.All);
    }

    /// <summary>
    /// Whether an error at <paramref name="errorKey"/> is about <paramref name="input"/>: the same key,
    /// a key inside it (<c>srcnet:quota.pods</c> in <c>srcnet:quota</c>), or one it is inside (the
    /// section <c>srcnet:quota</c> itself was not a map).
    /// </summary>
    internal static bool Touches(string errorKey, string input) =>
        errorKey == input || Inside(errorKey, input) || Inside(input, errorKey);

    private static bool Inside(string key, string section) =>
        key.Length > section.Length && key.StartsWith(section, StringComparison.Ordinal) && key[section.Length] is '.' or '[';

    /// <summary>
    /// The keys sizing reads. A campaign's also decide how many of its points run at once (the quota,
    /// the resources, the janitor), and so how much the ingest area must hold.
    /// </summary>
    private static IEnumerable<string> SizingInputs(EnvironmentSpec spec) =>
        spec.Workflow.Mode == WorkflowMode.Campaign
            ? [.. Sizing.Inputs, CampaignConfig.Key, "srcnet:quota", "srcnet:workflow.resources", "srcnet:workflow.mode", "srcnet:workflow.name"]
            : Sizing.Inputs;

    /// <summary>Estimates one run (or each of a campaign's points) and sizes the volumes; null (with an error) when the sizes overflow.</summary>
    private static Sizing? SizeVolumes(EnvironmentSpec spec, Problems problems)
    {
        if (spec.Campaign is { } campaign) return CampaignSizing.For(spec, campaign, problems);

        Estimate estimate;
        try
        {
            estimate = Estimator.For(EstimateInput.For(spec.Workflow));
        }
        catch (OverflowException)
        {
            problems.Error("srcnet:workflow.simulation",
                "the estimated data size exceeds 8 EiB; check numTimeStamps, imagingNpixel, stations and the band against freqIncHz");
            return null;
        }

        try
        {
            return Sizing.For(spec, estimate, problems);
        }
        catch (OverflowException)
        {
            problems.Error("srcnet:ingestor.persistence.runsToHold", "runsToHold x one run's products exceeds 8 EiB; lower runsToHold");
            return null;
        }
    }

    private static readonly string[] ScratchInputs = ["srcnet:scratch.mode", "srcnet:workflow.mode"];

    private static readonly string[] MemoryInputs = ["srcnet:workflow.resources"];

    private static readonly string[] DurationInputs =
        ["srcnet:workflow.simulation", "srcnet:workflow.products", "srcnet:workflow.calibration", "srcnet:workflow.activeDeadlineSeconds",
         "srcnet:workflow.schedule", "srcnet:workflow.mode", "srcnet:workflow.resources", CampaignConfig.Key];

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
        // Problems of the file itself (a misplaced key, a tag) make the stack invalid as much as its values' do.
        return new CheckResult(problems.HasErrors ? null : result.Environment, [.. problems.All, .. result.Problems]);
    }

    private static void CheckScratch(EnvironmentSpec spec, Sizing sizing, Problems problems)
    {
        var estimate = sizing.Estimate;
        // docs/workflow.md#karabos-working-directories: the workflow leaves its WSClean folders under /tmp after every run.
        if (spec.Scratch.Mode == ScratchMode.SharedClaim && spec.Workflow.Mode == WorkflowMode.CronJob)
            problems.Warning("srcnet:scratch.mode",
                $"sharedClaim with a CronJob: every run leaves its FITS files in /tmp ({StorageRequest.Human(estimate.ScratchLeftBytes)} a run), " +
                "so they pile up on the shared claim until it is full; ephemeral scratch starts empty each run");
        // docs/campaign.md#scratch-of-finished-points: a campaign's points each want their own scratch.
        if (spec.Scratch.Mode == ScratchMode.SharedClaim && sizing.Campaign is { } campaign)
            problems.Warning("srcnet:scratch.mode",
                $"sharedClaim with a campaign: its {campaign.Parallelism} points at once share one claim sized for one point, " +
                $"and every point leaves its FITS files in /tmp (up to {StorageRequest.Human(estimate.ScratchLeftBytes)} a point), so the claim fills " +
                "(and with ReadWriteOnce only pods on one node can mount it); use emptyDir: each point's scratch on its node, freed when it ends");
    }
}
