using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>What verify looks for, derived from the repository's stacks alone (offline).</summary>
public class VerifyTargetTests
{
    [Fact]
    public void Dev_is_a_Job_stack_in_srcnet_dev_ingesting_dirty()
    {
        var t = VerifyTarget.For(Cluster.Dev);

        Assert.Equal(("dev", "srcnet-dev", WorkflowMode.Job, "Job", "karabo-aastar"), (t.Stack, t.Namespace, t.Mode, t.WorkloadKind, t.WorkloadName));
        Assert.Equal("app.kubernetes.io/component=simulation,app.kubernetes.io/instance=dev", t.RunSelector);
        Assert.Equal(["dirty"], t.Products);
        Assert.Equal(("meta", "ingestor"), (t.MetadataSuffix, t.IngestorRelease));
        Assert.Equal(["/tmp/ingest/staging", "/tmp/ingest/processed", "/tmp/ingest/failed_processing"], t.IngestDirs);
    }

    [Fact]
    public void Prod_is_a_CronJob_stack_in_datalake_ingestion_ingesting_dirty_and_cleaned()
    {
        var t = VerifyTarget.For(Cluster.Prod);

        Assert.Equal(("datalake-ingestion", WorkflowMode.CronJob, "CronJob", "karabo-aastar", "0 * * * *"), (t.Namespace, t.Mode, t.WorkloadKind, t.WorkloadName, t.Schedule));
        Assert.Equal(["dirty", "cleaned"], t.Products);
    }

    [Fact]
    public void The_run_labels_are_the_ones_the_plan_puts_on_every_run()
    {
        var job = Cluster.DevJob();
        var cronRuns = Cluster.ProdCronJob().Spec.JobTemplate.Metadata.Labels;

        Assert.All(VerifyTarget.For(Cluster.Dev).RunLabels, l => Assert.Equal(l.Value, job.Metadata.Labels[l.Key]));
        Assert.All(VerifyTarget.For(Cluster.Prod).RunLabels, l => Assert.Equal(l.Value, cronRuns[l.Key]));
    }
}
