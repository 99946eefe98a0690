using System.Globalization;
using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// The simulation as a Job, following the workflow container's contract (docs/workflow.md#the-container-contract): the command,
/// the product flags, every environment variable once, the two volumes, resources and placement.
/// </summary>
public class JobTests
{
    private const string RunId = "1a2b3c4d";

    /// <summary>Every variable of the workflow's contract (docs/workflow.md#environment-variables), in the contract's order.</summary>
    public static readonly string[] ContractVariables =
    [
        "SKY_MODEL", "PHASE_CENTER_RA_DEG", "PHASE_CENTER_DEC_DEG", "START_FREQ_HZ", "END_FREQ_HZ", "FREQ_INC_HZ",
        "OBS_LENGTH_HOURS", "NUM_TIME_STAMPS", "START_DATE_AND_TIME", "IMAGING_NPIXEL", "IMAGING_CELLSIZE",
        "RUCIO_NAMESPACE", "RUCIO_LIFETIME", "IVOID_AUTHORITY", "IVOID_PATH", "OBS_COLLECTION", "OBS_ID", "FILE_PREFIX",
    ];

    /// <summary>
    /// What the run script reads besides the contract (docs/handover.md), and the pod's own name. OUT_DIR
    /// is not among them: the script gives the workflow a run-private OUT_DIR itself.
    /// </summary>
    public static readonly string[] HandOverVariables =
    [
        "SRCNET_INGEST_ROOT", "SRCNET_STAGING_DIR", "SRCNET_METADATA_SUFFIX", "SRCNET_POD_NAME",
    ];

    private static EnvironmentPlan JobPlan(params (string, string?)[] overrides) =>
        Planner.Plan(PlanStacks.Env([("srcnet:workflow.mode", "job"), .. overrides]), RunId);

    private static double Num(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Job_is_named_after_the_workflow_and_the_run_id()
    {
        var plan = JobPlan(("srcnet:workflow.name", "aastar-sim"));

        var job = plan.Job();
        Assert.Equal("aastar-sim-" + RunId, job.Metadata.Name);
        Assert.Equal("batch/v1", job.ApiVersion);
        Assert.Equal(("Job", "aastar-sim-" + RunId, RunId), (plan.Run.WorkloadKind, plan.Run.WorkloadName, plan.Run.RunId));
    }

    [Fact]
    public void Job_annotations_say_what_the_run_is_and_tell_pulumi_not_to_wait()
    {
        var plan = JobPlan(("srcnet:workflow.products", "[cleaned, dirty]"));
        var env = plan.Environment;

        var a = plan.Job().Metadata.Annotations;
        Assert.Equal("true", a["pulumi.com/skipAwait"]);
        Assert.Equal(RunId, a[Annotations.RunId]);
        Assert.Equal(RunId + "_SKAMID_Karabo", a[Annotations.ObsId]);
        Assert.Equal(RunId + "-SKAMID-Karabo", a[Annotations.FilePrefix]);
        Assert.Equal("dirty,cleaned", a[Annotations.Products]);
        Assert.Equal(env.Sizing.Estimate.ScratchBytes, long.Parse(a[Annotations.ScratchBytes], CultureInfo.InvariantCulture));
        Assert.Equal(env.Sizing.Estimate.IngestBytes, long.Parse(a[Annotations.IngestBytes], CultureInfo.InvariantCulture));
        Assert.True(env.Sizing.Estimate.ScratchBytes > 0 && env.Sizing.Estimate.IngestBytes > 0);
    }

    [Fact]
    public void A_failed_run_is_not_retried_and_its_pod_is_not_restarted()
    {
        var job = JobPlan().Job();

        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
    }

    [Fact]
    public void Ttl_and_active_deadline_come_from_the_config()
    {
        var job = JobPlan(("srcnet:workflow.ttlSecondsAfterFinished", "3600"), ("srcnet:workflow.activeDeadlineSeconds", "86400")).Job();

        Assert.Equal(3600, job.Spec.TtlSecondsAfterFinished);
        Assert.Equal(86400L, job.Spec.ActiveDeadlineSeconds);
    }

    [Fact]
    public void Ttl_and_active_deadline_are_absent_when_unset()
    {
        var job = JobPlan().Job();

        Assert.Null(job.Spec.TtlSecondsAfterFinished);
        Assert.Null(job.Spec.ActiveDeadlineSeconds);
    }

    [Fact]
    public void Obs_id_and_file_prefix_are_the_patterns_with_the_run_id()
    {
        var plan = JobPlan(
            ("srcnet:workflow.metadata.obsIdPattern", "SIM_{run}_MID"),
            ("srcnet:workflow.metadata.filePrefixPattern", "aastar-{run}-"));

        var env = plan.EnvVars();
        Assert.Equal($"SIM_{RunId}_MID", env["OBS_ID"]);
        Assert.Equal($"aastar-{RunId}-", env["FILE_PREFIX"]);
        Assert.Equal($"SIM_{RunId}_MID", plan.Run.ObsId);
        Assert.Equal($"aastar-{RunId}-", plan.Run.FilePrefix);
    }

    [Fact]
    public void Every_contract_variable_is_set_exactly_once_and_nothing_else()
    {
        var names = JobPlan().Container().Env.Select(e => e.Name).ToList();

        Assert.Equal(ContractVariables.Concat(HandOverVariables).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.All(JobPlan().Container().Env.Where(e => e.Name != "SRCNET_POD_NAME"), e => Assert.NotNull(e.Value));
    }

    [Fact]
    public void Default_variables_are_the_seed_example_as_strings_that_parse_back()
    {
        var env = JobPlan().EnvVars();

        Assert.Equal("MIGHTEE_L1", env["SKY_MODEL"]);
        Assert.Equal(150.12, Num(env["PHASE_CENTER_RA_DEG"]));
        Assert.Equal(2.21, Num(env["PHASE_CENTER_DEC_DEG"]));
        Assert.Equal(1.304e9, Num(env["START_FREQ_HZ"]));
        Assert.Equal(1.375e9, Num(env["END_FREQ_HZ"]));
        Assert.Equal(17_750_000, Num(env["FREQ_INC_HZ"]));
        Assert.Equal(4.0, Num(env["OBS_LENGTH_HOURS"]));
        Assert.Equal("24", env["NUM_TIME_STAMPS"]);
        Assert.Equal("2020-04-26T16:36", env["START_DATE_AND_TIME"]);
        Assert.Equal("2024", env["IMAGING_NPIXEL"]);
        Assert.Equal("None", env["IMAGING_CELLSIZE"]);
        Assert.Equal("testing", env["RUCIO_NAMESPACE"]);
        Assert.Equal("31536000", env["RUCIO_LIFETIME"]);
        Assert.Equal("test.skao", env["IVOID_AUTHORITY"]);
        Assert.Equal("/~", env["IVOID_PATH"]);
        Assert.Equal("SKAO/SKAMID", env["OBS_COLLECTION"]);
        Assert.Equal("/ingest", env["SRCNET_INGEST_ROOT"]);
        Assert.Equal("/ingest/staging", env["SRCNET_STAGING_DIR"]);
        Assert.Equal("meta", env["SRCNET_METADATA_SUFFIX"]);
    }

    [Fact]
    public void Configured_variables_reach_the_pod_as_strings_that_parse_back_to_the_config()
    {
        var plan = JobPlan(
            ("srcnet:workflow.simulation",
                "{phaseCenterRaDeg: 149.75, phaseCenterDecDeg: -2.5, startFreqHz: 1.3e9, endFreqHz: 1.4e9, freqIncHz: 1.0e7, " +
                "obsLengthHours: 2.5, numTimeStamps: 12, startDateAndTime: \"01.02.2021T03:04\", imagingNpixel: 512, imagingCellsize: 1.5e-5}"),
            ("srcnet:workflow.metadata",
                "{rucioNamespace: sim_scope, rucioLifetime: 86400, ivoidAuthority: sims.skao, ivoidPath: /aastar, obsCollection: SKAO/TEST}"),
            ("srcnet:workflow.outDir", "/ingest/staging/"));

        var env = plan.EnvVars();
        Assert.Equal(149.75, Num(env["PHASE_CENTER_RA_DEG"]));
        Assert.Equal(-2.5, Num(env["PHASE_CENTER_DEC_DEG"]));
        Assert.Equal(1.3e9, Num(env["START_FREQ_HZ"]));
        Assert.Equal(1.4e9, Num(env["END_FREQ_HZ"]));
        Assert.Equal(1.0e7, Num(env["FREQ_INC_HZ"]));
        Assert.Equal(2.5, Num(env["OBS_LENGTH_HOURS"]));
        Assert.Equal(12, int.Parse(env["NUM_TIME_STAMPS"], CultureInfo.InvariantCulture));
        Assert.Equal("01.02.2021T03:04", env["START_DATE_AND_TIME"]);
        Assert.Equal(512, int.Parse(env["IMAGING_NPIXEL"], CultureInfo.InvariantCulture));
        Assert.Equal(1.5e-5, Num(env["IMAGING_CELLSIZE"]));
        Assert.Equal("sim_scope", env["RUCIO_NAMESPACE"]);
        Assert.Equal(86400, long.Parse(env["RUCIO_LIFETIME"], CultureInfo.InvariantCulture));
        Assert.Equal("sims.skao", env["IVOID_AUTHORITY"]);
        Assert.Equal("/aastar", env["IVOID_PATH"]);
        Assert.Equal("SKAO/TEST", env["OBS_COLLECTION"]);
        Assert.Equal("/ingest/staging", env["SRCNET_STAGING_DIR"]);
        Assert.Equal("/ingest/staging/sim_scope", plan.Run.StagingDir);
    }

    [Fact]
    public void Number_variables_are_plain_numbers_without_locale_or_thousands_separators()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A comma decimal separator (as in de-DE) must not leak into the pod spec. Built by hand:
            // the tests may run in globalization-invariant mode, which has no named cultures.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            var env = JobPlan(("srcnet:workflow.simulation.phaseCenterRaDeg", "150.12")).EnvVars();
            Assert.Equal("150.12", env["PHASE_CENTER_RA_DEG"]);
            foreach (var name in new[] { "START_FREQ_HZ", "END_FREQ_HZ", "FREQ_INC_HZ", "NUM_TIME_STAMPS", "IMAGING_NPIXEL", "RUCIO_LIFETIME" })
                Assert.Matches(@"^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", env[name]);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("[dirty]", new[] { "--dirty" })]
    [InlineData("[cleaned]", new[] { "--cleaned" })]
    [InlineData("[visibility]", new[] { "--visibility" })]
    [InlineData("[cleaned, dirty]", new[] { "--dirty", "--cleaned" })]
    [InlineData("[clean, vis]", new[] { "--visibility", "--cleaned" })]
    [InlineData("[cleaned, visibility, dirty]", new[] { "--visibility", "--dirty", "--cleaned" })]
    public void The_container_runs_the_workflow_module_with_exactly_the_product_flags_in_canonical_order(string products, string[] flags)
    {
        var command = JobPlan(("srcnet:workflow.products", products)).WorkflowCommand();

        Assert.Equal(["python", "-m", "karabo.workflows.SRCNet_SKA-MID_AAstar", .. flags], command);
    }

    [Fact]
    public void A_configured_group_reaches_the_run_script()
    {
        Assert.Equal("2000", JobPlan(("srcnet:ingestor.persistence.group", "2000")).EnvVars()["SRCNET_INGEST_GID"]);
        Assert.DoesNotContain("SRCNET_INGEST_GID", JobPlan().EnvVars().Keys);
    }

    [Fact]
    public void The_container_uses_the_pinned_image()
    {
        var container = JobPlan(
            ("srcnet:workflow.image", "{repository: registry.example.org/karabo, tag: 0.35.1, pullPolicy: Always}")).Container();

        Assert.Equal("registry.example.org/karabo:0.35.1", container.Image);
        Assert.Equal("Always", container.ImagePullPolicy);
    }

    [Fact]
    public void The_ingest_area_is_mounted_at_ingest_and_scratch_at_tmp()
    {
        var plan = JobPlan();

        var mounts = plan.Container().VolumeMounts.ToDictionary(m => m.MountPath, m => m.Name);
        Assert.Equal(2, mounts.Count);
        Assert.Equal("ingest-area", plan.Volume(mounts["/ingest"]).PersistentVolumeClaim.ClaimName);
        Assert.NotNull(plan.Volume(mounts["/tmp"]).Ephemeral);
        Assert.Equal(Scratch.VolumeName, mounts["/tmp"]);
        Assert.Equal(2, plan.Pod().Volumes.Count);
    }

    [Fact]
    public void Resources_come_from_the_config_without_a_gpu_by_default()
    {
        var resources = JobPlan(("srcnet:workflow.resources", "{requests: {cpu: \"6\", memory: 24Gi}, limits: {cpu: 12, memory: 48Gi}}"))
            .Container().Resources;

        Assert.Equal(["cpu", "memory"], resources.Requests.Keys.Order());
        Assert.Equal(["cpu", "memory"], resources.Limits.Keys.Order());
        Assert.Equal(6m, resources.Requests["cpu"].ToDecimal());
        Assert.Equal(24m * Gi, resources.Requests["memory"].ToDecimal());
        Assert.Equal(12m, resources.Limits["cpu"].ToDecimal());
        Assert.Equal(48m * Gi, resources.Limits["memory"].ToDecimal());
    }

    [Fact]
    public void Default_resources_are_the_seed_example()
    {
        var resources = JobPlan().Container().Resources;

        Assert.Equal(16m, resources.Requests["cpu"].ToDecimal());
        Assert.Equal(64m * Gi, resources.Requests["memory"].ToDecimal());
        Assert.Equal(32m, resources.Limits["cpu"].ToDecimal());
        Assert.Equal(128m * Gi, resources.Limits["memory"].ToDecimal());
    }

    [Fact]
    public void A_gpu_is_requested_in_limits_and_requests_when_configured()
    {
        var resources = JobPlan(("srcnet:workflow.resources.gpu", "1")).Container().Resources;

        Assert.Equal(1m, resources.Limits["nvidia.com/gpu"].ToDecimal());
        Assert.Equal(1m, resources.Requests["nvidia.com/gpu"].ToDecimal());
    }

    [Fact]
    public void Gpu_zero_requests_no_gpu()
    {
        var resources = JobPlan(("srcnet:workflow.resources.gpu", "0")).Container().Resources;

        Assert.False(resources.Limits.ContainsKey("nvidia.com/gpu"));
        Assert.False(resources.Requests.ContainsKey("nvidia.com/gpu"));
    }

    [Fact]
    public void Node_affinity_and_tolerations_come_from_the_config()
    {
        var pod = JobPlan(
            ("srcnet:workflow.nodeAffinity", "[{key: hpc, operator: In, values: [\"true\"]}, {key: gpu-node, operator: Exists}]"),
            ("srcnet:workflow.tolerations",
                "[{key: hpc, operator: Equal, value: \"true\", effect: NoSchedule}, {key: hpc, operator: Equal, value: \"true\", effect: NoExecute}]"))
            .Pod();

        var required = pod.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution;
        var term = Assert.Single(required.NodeSelectorTerms);
        Assert.Null(term.MatchFields);
        Assert.Equal(2, term.MatchExpressions.Count);
        Assert.Equal(("hpc", "In"), (term.MatchExpressions[0].Key, term.MatchExpressions[0].OperatorProperty));
        Assert.Equal(["true"], term.MatchExpressions[0].Values);
        Assert.Equal(("gpu-node", "Exists"), (term.MatchExpressions[1].Key, term.MatchExpressions[1].OperatorProperty));
        Assert.True(term.MatchExpressions[1].Values is null or { Count: 0 });
        Assert.Null(pod.Affinity.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution);

        Assert.Equal(
            [("hpc", "Equal", "true", "NoSchedule"), ("hpc", "Equal", "true", "NoExecute")],
            pod.Tolerations.Select(t => (t.Key, t.OperatorProperty, t.Value, t.Effect)));
    }

    [Fact]
    public void No_affinity_or_tolerations_when_unset()
    {
        var pod = JobPlan().Pod();

        Assert.Null(pod.Affinity);
        Assert.True(pod.Tolerations is null or { Count: 0 });
    }

    private const decimal Gi = 1024m * 1024m * 1024m;
}
