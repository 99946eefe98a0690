using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// A Job's run id (its name, OBS_ID and FILE_PREFIX) changes exactly when the run changes: the
/// keepers the Pulumi program gives its RandomId must change with every run-defining input, and
/// must not change with anything that leaves the Job alone, or an unrelated edit would start a
/// new simulation of hours.
/// </summary>
public class RunIdentityTests
{
    private static EnvironmentPlan JobPlan(params (string, string?)[] overrides) =>
        Planner.Plan(PlanStacks.Env([("srcnet:workflow.mode", "job"), .. overrides]));

    [Fact]
    public void Without_a_run_id_a_job_gets_a_deterministic_8_hex_id()
    {
        var env = PlanStacks.Env(("srcnet:workflow.mode", "job"));
        var first = Planner.Plan(env);
        var second = Planner.Plan(env);
        var rebuilt = Planner.Plan(PlanStacks.Env(("srcnet:workflow.mode", "job")));

        Assert.Matches("^[0-9a-f]{8}$", first.Run.RunId);
        Assert.Equal(first.Run.RunId, second.Run.RunId);
        Assert.Equal(first.Run.RunId, rebuilt.Run.RunId);
        Assert.Equal(RunIdentity.DeterministicId(first.RunKeepers), first.Run.RunId);
        Assert.Equal("karabo-aastar-" + first.Run.RunId, first.Job().Metadata.Name);
        Assert.Equal(first.Run.RunId + "_SKAMID_Karabo", first.EnvVars()["OBS_ID"]);
    }

    [Fact]
    public void A_given_run_id_names_the_job_and_its_products()
    {
        var plan = Planner.Plan(PlanStacks.Env(("srcnet:workflow.mode", "job")), "1a2b3c4d");

        Assert.Equal("1a2b3c4d", plan.Run.RunId);
        Assert.Equal("karabo-aastar-1a2b3c4d", plan.Job().Metadata.Name);
        Assert.Equal("1a2b3c4d", plan.Job().Metadata.Annotations[Annotations.RunId]);
        Assert.Equal("1a2b3c4d_SKAMID_Karabo", plan.EnvVars()["OBS_ID"]);
        Assert.Equal("1a2b3c4d-SKAMID-Karabo", plan.EnvVars()["FILE_PREFIX"]);
        Assert.Equal("1a2b3c4d", plan.Job().Spec.Template.Metadata.Labels[Annotations.RunId]);
    }

    [Fact]
    public void The_keepers_do_not_depend_on_the_run_id_they_produce()
    {
        var env = PlanStacks.Env(("srcnet:workflow.mode", "job"));

        Assert.Equal(Planner.Plan(env).RunKeepers, Planner.Plan(env, "1a2b3c4d").RunKeepers);
        Assert.Equal(Planner.Plan(env, "ffffffff").RunKeepers, Planner.Plan(env, "1a2b3c4d").RunKeepers);
        Assert.DoesNotContain(Planner.Plan(env, "1a2b3c4d").RunKeepers.Values, v => v.Contains("1a2b3c4d", StringComparison.Ordinal));
    }

    [Fact]
    public void The_keepers_name_the_run_defining_inputs()
    {
        var keepers = JobPlan(("srcnet:workflow.products", "[cleaned, dirty]"), ("srcnet:workflow.runNumber", "3")).RunKeepers;

        Assert.Equal("ghcr.io/i4ds/karabo-pipeline:0.34.0", keepers["image"]);
        Assert.Equal("dirty,cleaned", keepers["products"]);
        Assert.Equal("3", keepers["runNumber"]);
        Assert.Matches("^[0-9a-f]{64}$", keepers["jobTemplate"]);
        Assert.Equal("1304000000", keepers["env.START_FREQ_HZ"]);
        Assert.Equal("testing", keepers["env.RUCIO_NAMESPACE"]);
        Assert.DoesNotContain("env.OBS_ID", keepers.Keys);
        Assert.DoesNotContain("env.FILE_PREFIX", keepers.Keys);
    }

    public static TheoryData<string, string> RunDefiningChanges => new()
    {
        { "srcnet:workflow.image.tag", "0.35.0" },
        { "srcnet:workflow.image.repository", "registry.example.org/karabo" },
        { "srcnet:workflow.image.pullPolicy", "Always" },
        { "srcnet:workflow.products", "[dirty]" },
        { "srcnet:workflow.products", "[cleaned]" },
        { "srcnet:workflow.runNumber", "1" },
        { "srcnet:workflow.name", "aastar-other" },
        { "srcnet:workflow.simulation.phaseCenterRaDeg", "150.5" },
        { "srcnet:workflow.simulation.phaseCenterDecDeg", "2.5" },
        { "srcnet:workflow.simulation.startFreqHz", "1.3e9" },
        { "srcnet:workflow.simulation.endFreqHz", "1.4e9" },
        { "srcnet:workflow.simulation.freqIncHz", "1.0e7" },
        { "srcnet:workflow.simulation.obsLengthHours", "8" },
        { "srcnet:workflow.simulation.numTimeStamps", "48" },
        { "srcnet:workflow.simulation.startDateAndTime", "\"05.01.2021T10:00\"" },
        { "srcnet:workflow.simulation.imagingNpixel", "4096" },
        { "srcnet:workflow.simulation.imagingCellsize", "1.0e-5" },
        { "srcnet:workflow.metadata.rucioNamespace", "other_scope" },
        { "srcnet:workflow.metadata.rucioLifetime", "86400" },
        { "srcnet:workflow.metadata.ivoidAuthority", "sims.skao" },
        { "srcnet:workflow.metadata.ivoidPath", "/aastar" },
        { "srcnet:workflow.metadata.obsCollection", "SKAO/TEST" },
        { "srcnet:workflow.metadata.obsIdPattern", "SIM_{run}" },
        { "srcnet:workflow.metadata.filePrefixPattern", "sim-{run}-" },
        { "srcnet:workflow.outDir", "/ingest/staging/sub" },
        { "srcnet:workflow.resources.requests.cpu", "\"12\"" },
        { "srcnet:workflow.resources.requests.memory", "32Gi" },
        { "srcnet:workflow.resources.limits.cpu", "\"24\"" },
        { "srcnet:workflow.resources.limits.memory", "100Gi" },
        { "srcnet:workflow.resources.gpu", "1" },
        { "srcnet:workflow.nodeAffinity", "[{key: hpc, operator: In, values: [\"true\"]}]" },
        { "srcnet:workflow.tolerations", "[{key: hpc, operator: Equal, value: \"true\", effect: NoSchedule}]" },
        { "srcnet:scratch.size", "500Gi" },
        { "srcnet:scratch.headroom", "2.0" },
        { "srcnet:scratch.storageClass", "fast-local" },
        { "srcnet:scratch.accessMode", "ReadWriteOncePod" },
        { "srcnet:scratch.mode", "sharedClaim" },
    };

    /// <summary>
    /// Compared on <see cref="PlanStacks.Big"/>, whose volume requests are many Gi: on a small run a
    /// scratch headroom change can round to the same request, and then the Job is rightly unchanged.
    /// </summary>
    [Theory]
    [MemberData(nameof(RunDefiningChanges))]
    public void A_run_defining_change_changes_the_keepers_and_the_run_id(string key, string yaml)
    {
        var before = JobPlan(PlanStacks.Big);
        var after = JobPlan(PlanStacks.Big.With((key, yaml)));

        Assert.NotEqual(before.RunKeepers, after.RunKeepers);
        Assert.NotEqual(before.Run.RunId, after.Run.RunId);
        Assert.NotEqual(before.Job().Metadata.Name, after.Job().Metadata.Name);
    }

    [Theory]
    [InlineData("srcnet:workflow.simulation.numTimeStamps", "48")]
    [InlineData("srcnet:scratch.headroom", "2.0")]
    [InlineData("srcnet:workflow.resources.requests.cpu", "\"12\"")]
    public void Changes_that_only_reach_the_job_spec_change_the_job_template_digest(string key, string yaml)
    {
        Assert.NotEqual(JobPlan(PlanStacks.Big).RunKeepers["jobTemplate"], JobPlan(PlanStacks.Big.With((key, yaml))).RunKeepers["jobTemplate"]);
    }

    public static TheoryData<string, string> ChangesThatLeaveTheJobAlone => new()
    {
        { "srcnet:quota.requestsCpu", "\"24\"" },
        { "srcnet:quota.limitsMemory", "200Gi" },
        { "srcnet:quota.requestsStorage", "10Ti" },
        { "srcnet:quota.pods", "7" },
        { "srcnet:quota.containerDefaults.requestCpu", "250m" },
        { "srcnet:ingestor.config.rucioIngestRseName", "OTHER_RSE" },
        { "srcnet:ingestor.config.rucioCfgClientAccount", "service_other" },
        { "srcnet:ingestor.config.debug", "true" },
        { "srcnet:ingestor.config.nProcesses", "8" },
        { "srcnet:ingestor.image.tag", "0.1.31" },
        { "srcnet:ingestor.releaseName", "ingestor-b" },
        { "srcnet:ingestor.persistence.storageClass", "nfs" },
        { "srcnet:ingestor.persistence.runsToHold", "50" },
        { "srcnet:ingestor.persistence.headroom", "2.0" },
        { "srcnet:ingestor.persistence.size", "5Ti" },
        { "srcnet:namespace.labels", "{team: radio}" },
        { "srcnet:namespace.podSecurity", "privileged" },
        { "srcnet:secret.mode", "existingSecret" },
        { "srcnet:secret.name", "other-oidc" },
        { "srcnet:secret.vault.role", "other-role" },
        { "srcnet:deploy.protectData", "true" },
        { "srcnet:deploy.kubeContext", "site-b" },
    };

    [Theory]
    [MemberData(nameof(ChangesThatLeaveTheJobAlone))]
    public void A_change_that_leaves_the_job_alone_keeps_the_keepers_and_the_run_id(string key, string yaml)
    {
        var before = JobPlan();
        // protectData needs its cluster named; the context alone is another case of this theory.
        var after = key == "srcnet:deploy.protectData" ? JobPlan((key, yaml), ("srcnet:deploy.kubeContext", "site-a")) : JobPlan((key, yaml));

        Assert.Equal(before.RunKeepers, after.RunKeepers);
        Assert.Equal(before.Run.RunId, after.Run.RunId);
        Assert.Equal(k8s.KubernetesYaml.Serialize(before.Job()), k8s.KubernetesYaml.Serialize(after.Job()));
    }

    /// <summary>
    /// Moving an environment to another namespace is a new run: the Job is recreated there anyway
    /// (a namespace cannot be changed in place), and keeping the id would give the new run the old
    /// run's OBS_ID, which Rucio already holds.
    /// </summary>
    [Fact]
    public void A_scratch_headroom_change_that_rounds_to_the_same_request_keeps_the_run()
    {
        var before = JobPlan(PlanStacks.Tiny);
        var after = JobPlan(PlanStacks.Tiny.With(("srcnet:scratch.headroom", "2.0")));

        Assert.Equal("1Gi", after.Environment.Sizing.ScratchRequest.Text);
        Assert.Equal(before.Run.RunId, after.Run.RunId);
    }

    /// <summary>
    /// srcnet:workflow.simulation.stations is not passed to the workflow (validation says it "only
    /// changes the estimate"). When the volume requests round to the same size, the container and the
    /// volumes it gets are identical, yet the estimate's byte counts are written as annotations on the
    /// Job and on the pod's ephemeral volumeClaimTemplate, both covered by the jobTemplate digest, so
    /// the run id changes and <c>pulumi up</c> starts a new simulation of hours. The same happens with
    /// every srcnet release whose estimator refines a byte count.
    /// </summary>
    [Fact]
    public void A_change_that_only_moves_the_estimate_keeps_the_run()
    {
        var before = JobPlan(PlanStacks.Tiny);
        var after = JobPlan(PlanStacks.Tiny.With(("srcnet:workflow.simulation.stations", "150")));

        Assert.NotEqual(before.Environment.Sizing.Estimate.ScratchBytes, after.Environment.Sizing.Estimate.ScratchBytes);
        Assert.Equal(before.Environment.Sizing.ScratchRequest, after.Environment.Sizing.ScratchRequest);
        Assert.Equal(before.Environment.Sizing.IngestRequest, after.Environment.Sizing.IngestRequest);
        Assert.Equal(before.Container().Args, after.Container().Args);
        Assert.Equal(
            before.Container().Env.Where(e => e.Name is not ("OBS_ID" or "FILE_PREFIX")).Select(e => (e.Name, e.Value)),
            after.Container().Env.Where(e => e.Name is not ("OBS_ID" or "FILE_PREFIX")).Select(e => (e.Name, e.Value)));
        Assert.Equal(before.Run.RunId, after.Run.RunId);
    }

    [Fact]
    public void Moving_to_another_namespace_is_a_new_run()
    {
        var before = JobPlan(("srcnet:namespace.name", "srcnet-a"));
        var after = JobPlan(("srcnet:namespace.name", "srcnet-b"));

        Assert.NotEqual(before.RunKeepers["jobTemplate"], after.RunKeepers["jobTemplate"]);
        Assert.NotEqual(before.Run.RunId, after.Run.RunId);
    }

    /// <summary>Two stacks with the same workflow config must not stage products under the same OBS_ID.</summary>
    [Fact]
    public void Two_stacks_with_the_same_workflow_get_different_run_ids()
    {
        var a = Planner.Plan(PlanStacks.EnvIn("site-a", ("srcnet:workflow.mode", "job")));
        var b = Planner.Plan(PlanStacks.EnvIn("site-b", ("srcnet:workflow.mode", "job")));

        Assert.NotEqual(a.Run.RunId, b.Run.RunId);
    }
}
