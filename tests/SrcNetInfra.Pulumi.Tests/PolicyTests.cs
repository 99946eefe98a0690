using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// The options each resource is registered with, read from the SDK's own ResourceOptions objects:
/// what `pulumi up` and `pulumi destroy` may do to it.
/// </summary>
public class PolicyTests
{
    private static readonly string[] KeptData = ["namespace", "ingest-area"];

    [Fact]
    public async Task Prod_protects_and_retains_the_namespace_and_the_ingest_area()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("prod"))).Succeeded();
        foreach (var name in KeptData)
        {
            Assert.True(run.Resource(name).Protect, $"{name} is not protected");
            Assert.True(run.Resource(name).RetainOnDelete, $"{name} is not retained");
        }
        // Uninstalling the ingestor would stop ingestion: protected, but deleted if unprotected.
        Assert.True(run.Resource("ingestor").Protect);
        Assert.False(run.Resource("ingestor").RetainOnDelete ?? false);
        var others = run.Declared.Where(d => !KeptData.Contains(d.Name) && d.Name != "ingestor").ToList();
        Assert.NotEmpty(others);
        Assert.All(others, d => Assert.False(d.Protect ?? false, $"{d.Name} is protected"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("test")]
    public async Task Dev_and_test_stacks_protect_nothing_and_retain_only_their_job(string name)
    {
        var run = (await ProgramRun.Of(StackUnderTest.File(name))).Succeeded();
        Assert.All(run.Declared, d => Assert.False(d.Protect ?? false, $"{d.Name} is protected"));
        Assert.Equal([Planner.WorkloadResource], run.Declared.Where(d => d.RetainOnDelete == true).Select(d => d.Name));
    }

    [Fact]
    public async Task The_job_is_left_to_finish_and_never_updated_in_place()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("dev"))).Succeeded();
        var job = run.Resource(Planner.WorkloadResource);
        Assert.Equal("kubernetes:batch/v1:Job", job.Type);
        // Replaced or dropped, the Job stays in the cluster: the engine skips the provider's delete for
        // a resource whose state says retainOnDelete (pulumi/pulumi pkg/resource/deploy/step.go, DeleteStep.Apply).
        Assert.True(job.RetainOnDelete);
        Assert.Equal(["metadata.labels", "metadata.annotations", "spec.ttlSecondsAfterFinished", "spec.activeDeadlineSeconds"], job.IgnoreChanges);
        Assert.Null(job.DeleteBeforeReplace);
        // pulumi.com/skipAwait: the provider does not wait hours for the simulation to complete.
        Assert.Equal("true", Values.At(run.Request(job.Type, job.Name).Inputs, "metadata", "annotations", Annotations.PulumiSkipAwait));
    }

    [Fact]
    public async Task Deleting_the_cronjob_leaves_its_running_job_alone()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("prod"))).Succeeded();
        var cron = run.Request("kubernetes:batch/v1:CronJob", Planner.WorkloadResource);
        // pulumi-kubernetes provider/pkg/metadata/overrides.go, DeletionPropagation: "orphan" deletes
        // the CronJob and leaves the Jobs it owns.
        Assert.Equal("orphan", Values.At(cron.Inputs, "metadata", "annotations", Annotations.PulumiDeletionPropagation));
        Assert.False(run.Resource(Planner.WorkloadResource).RetainOnDelete ?? false);
        Assert.DoesNotContain(run.Requests, r => r.Type == Mocks.RandomIdType);
    }

    [Fact]
    public async Task The_external_secrets_objects_answer_to_the_other_api_version_too()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("dev"))).Succeeded();
        foreach (var (name, kind) in new[] { ("vault-store", "SecretStore"), ("oidc-client", "ExternalSecret") })
        {
            var resource = run.Resource(name);
            Assert.Equal($"kubernetes:external-secrets.io/v1:{kind}", resource.Type);
            Assert.Contains(resource.Aliases, a => a.Type == $"kubernetes:external-secrets.io/v1beta1:{kind}" && a.Name == name && a.ParentUrn is null);
        }
    }

    [Fact]
    public async Task The_objects_of_the_first_program_layout_are_aliased_to_their_configgroup_children()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("dev"))).Succeeded();
        var job = run.Resource(Planner.WorkloadResource);
        var name = (string)run.Output("workloadName")!;
        // The Job's earlier name carries its run id: the alias follows the RandomId.
        Assert.Contains(job.Aliases, a => a.Name == $"workload:srcnet-dev/{name}" && a.ParentUrn == "urn:pulumi:dev::srcnet-infra::kubernetes:yaml/v2:ConfigGroup::workload");
        Assert.Contains(run.Resource("namespace").Aliases, a => a.Name == "namespace:srcnet-dev" && a.ParentUrn == "urn:pulumi:dev::srcnet-infra::kubernetes:yaml/v2:ConfigGroup::namespace");
    }
}
