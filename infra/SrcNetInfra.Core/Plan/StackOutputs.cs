
namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The stack outputs of an environment (<c>pulumi stack output</c>): where things are, what the
/// run is called, what was estimated, and how to check the run. Plain strings and numbers.
/// </summary>
public static class StackOutputs
{
    /// <summary>The outputs of the plan's rendered run.</summary>
    public static OrderedDictionary<string, object> For(EnvironmentPlan plan) => For(plan, plan.Run);

    /// <summary>The outputs for <paramref name="run"/>: a Job's deployed run, named by Pulumi's run id.</summary>
    public static OrderedDictionary<string, object> For(EnvironmentPlan plan, RunSummary run)
    {
        var spec = plan.Spec;
        var sizing = plan.Environment.Sizing;
        var outputs = new OrderedDictionary<string, object>
        {
            ["namespace"] = spec.Namespace.Name,
            ["workloadKind"] = run.WorkloadKind,
            ["workloadName"] = run.WorkloadName,
            ["runId"] = run.RunId ?? "",
            ["obsId"] = run.ObsId,
            ["filePrefix"] = run.FilePrefix,
            ["products"] = spec.Workflow.Products.ToString(),
            ["ingestorRelease"] = plan.Ingestor.Name,
            ["estimate"] = new OrderedDictionary<string, object>
            {
                ["scratchBytes"] = sizing.Estimate.ScratchBytes,
                ["ingestBytesPerRun"] = sizing.Estimate.IngestBytes,
                ["scratchRequest"] = sizing.ScratchRequest.Text,
                ["ingestRequest"] = sizing.IngestRequest.Text,
                ["runsToHold"] = sizing.RunsToHold,
            },
            ["ingestPaths"] = new OrderedDictionary<string, object>
            {
                ["staging"] = run.StagingDir,
                ["processed"] = run.ProcessedDir,
                ["failed"] = run.FailedDir,
            },
            ["verifyCommand"] = VerifyCommand(spec.Stack, run),
            [DeployedIdentity.OutputName] = DeployedIdentity.Of(plan.Environment).ToJson(),
        };
        if (Campaign(plan) is { } campaign) outputs["campaign"] = campaign;
        return outputs;
    }

    /// <summary>A campaign's name, size and parallelism; null for a Job or CronJob, whose outputs have no such key.</summary>
    private static OrderedDictionary<string, object>? Campaign(EnvironmentPlan plan)
    {
        if (plan.Spec.Campaign is not { } campaign || plan.Environment.Sizing.Campaign is not { } sizing) return null;
        return new OrderedDictionary<string, object>
        {
            ["name"] = campaign.Name,
            ["points"] = campaign.Points.Count,
            ["parallelism"] = sizing.Parallelism,
            ["pointTable"] = plan.Steps.OfType<ObjectStep>().Single(s => s.ResourceName == CampaignRun.PointsResource).Object.Metadata.Name,
            ["queue"] = campaign.Queue ?? "",
        };
    }

    public static string VerifyCommand(string stack, RunSummary run) =>
        run.RunId is null || run.Mode == Model.WorkflowMode.Campaign
            ? $"srcnet verify --stack {stack}"
            : $"srcnet verify --stack {stack} --run {run.FilePrefix}";

}
