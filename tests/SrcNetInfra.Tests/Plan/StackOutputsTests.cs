using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

public class StackOutputsTests
{
    [Fact]
    public void A_job_outputs_its_run_and_the_verify_command_for_it()
    {
        var env = PlanStacks.Env(("srcnet:namespace.name", "srcnet-x"));
        var outputs = StackOutputs.For(Planner.Plan(env, "0badf00d"));
        Assert.Equal("srcnet-x", outputs["namespace"]);
        Assert.Equal("Job", outputs["workloadKind"]);
        Assert.Equal("karabo-aastar-0badf00d", outputs["workloadName"]);
        Assert.Equal("0badf00d", outputs["runId"]);
        Assert.Equal("0badf00d_SKAMID_Karabo", outputs["obsId"]);
        Assert.Equal("0badf00d-SKAMID-Karabo", outputs["filePrefix"]);
        Assert.Equal("srcnet verify --stack t --run 0badf00d-SKAMID-Karabo", outputs["verifyCommand"]);
        var estimate = (IReadOnlyDictionary<string, object>)outputs["estimate"];
        Assert.Equal(env.Sizing.Estimate.ScratchBytes, estimate["scratchBytes"]);
        Assert.Equal(env.Sizing.Estimate.IngestBytes, estimate["ingestBytesPerRun"]);
        Assert.Equal(env.Sizing.ScratchRequest.Text, estimate["scratchRequest"]);
        Assert.Equal(env.Sizing.IngestRequest.Text, estimate["ingestRequest"]);
        var paths = (IReadOnlyDictionary<string, object>)outputs["ingestPaths"];
        Assert.Equal("/ingest/staging/testing", paths["staging"]);
        Assert.Equal("/tmp/ingest/processed", paths["processed"]);
        Assert.Equal("/tmp/ingest/failed_processing", paths["failed"]);
    }

    [Fact]
    public void A_cronjob_outputs_its_patterns_and_no_run_id()
    {
        var outputs = StackOutputs.For(Planner.Plan(PlanStacks.Env(("srcnet:workflow.mode", "cronjob"))));
        Assert.Equal("CronJob", outputs["workloadKind"]);
        Assert.Equal("karabo-aastar", outputs["workloadName"]);
        Assert.Equal("", outputs["runId"]);
        Assert.Equal("{run}_SKAMID_Karabo", outputs["obsId"]);
        Assert.Equal("srcnet verify --stack t", outputs["verifyCommand"]);
    }

    [Fact]
    public void The_keys_are_the_same_for_every_plan()
    {
        // The Pulumi program declares outputs by these keys before a Job's run id is known.
        var job = StackOutputs.For(Planner.Plan(PlanStacks.Env()));
        var cron = StackOutputs.For(Planner.Plan(PlanStacks.Env(("srcnet:workflow.mode", "cronjob"))));
        Assert.Equal(job.Keys, cron.Keys);
    }
}
