using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// Volumes are requested from the estimator: scratch holds one run's peak, the ingest area
/// runsToHold runs' products, each times its headroom, in whole Gi rounded up, at least 1Gi.
/// </summary>
public class SizingTests
{
    private const decimal GiB = 1024m * 1024m * 1024m;

    private static string ExpectedGi(decimal bytes) => Math.Max(1m, Math.Ceiling(bytes / GiB)).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "Gi";

    [Theory]
    [InlineData("1.5", "1.2", 10)]
    [InlineData("1.3", "1.25", 7)]
    [InlineData("2.0", "1.0", 1)]
    public void Auto_sizes_are_the_estimate_times_headroom_rounded_up_to_whole_Gi(string scratchHeadroom, string ingestHeadroom, int runsToHold)
    {
        var plan = PlanStacks.Plan(PlanStacks.Big.With(
            ("srcnet:scratch.headroom", scratchHeadroom),
            ("srcnet:ingestor.persistence.headroom", ingestHeadroom),
            ("srcnet:ingestor.persistence.runsToHold", runsToHold.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var estimate = plan.Environment.Sizing.Estimate;
        var scratch = ExpectedGi(estimate.ScratchBytes * decimal.Parse(scratchHeadroom, System.Globalization.CultureInfo.InvariantCulture));
        var ingest = ExpectedGi(estimate.IngestBytes * runsToHold * decimal.Parse(ingestHeadroom, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(estimate.ScratchBytes > 10 * GiB, "the big simulation should need more than 10 GiB of scratch");
        Assert.True(estimate.IngestBytes > GiB, "the big simulation should ingest more than 1 GiB");
        Assert.Equal(scratch, plan.Environment.Sizing.ScratchRequest.Text);
        Assert.Equal(ingest, plan.Environment.Sizing.IngestRequest.Text);

        // What the plan deploys is that size.
        Assert.Equal(scratch, plan.Volume(Scratch.VolumeName).Ephemeral.VolumeClaimTemplate.Spec.Resources.Requests["storage"].ToString());
        Assert.Equal(ingest, plan.Value("persistence.size"));
        Assert.Equal(scratch, plan.Job().Metadata.Annotations[Annotations.ScratchRequest]);
    }

    [Fact]
    public void Default_headroom_is_1_5_for_scratch_and_1_2_times_10_runs_for_the_ingest_area()
    {
        var plan = PlanStacks.Plan(PlanStacks.Big);
        var estimate = plan.Environment.Sizing.Estimate;

        Assert.Equal(ExpectedGi(estimate.ScratchBytes * 1.5m), plan.Environment.Sizing.ScratchRequest.Text);
        Assert.Equal(ExpectedGi(estimate.IngestBytes * 10 * 1.2m), plan.Value("persistence.size"));
    }

    [Fact]
    public void Shared_scratch_claim_gets_the_same_size_as_ephemeral_scratch()
    {
        var ephemeral = PlanStacks.Plan(PlanStacks.Big);
        var shared = PlanStacks.Plan(PlanStacks.Big.With(("srcnet:scratch.mode", "sharedClaim")));

        Assert.Equal(
            ephemeral.Volume(Scratch.VolumeName).Ephemeral.VolumeClaimTemplate.Spec.Resources.Requests["storage"].ToString(),
            ((V1PersistentVolumeClaim)shared.Objects.Single(o => o.ResourceName == "scratch").Object).Spec.Resources.Requests["storage"].ToString());
    }

    [Fact]
    public void A_tiny_run_still_gets_1Gi_volumes()
    {
        var plan = PlanStacks.Plan(PlanStacks.Tiny);

        Assert.True(plan.Environment.Sizing.Estimate.ScratchBytes * 1.5m < GiB);
        Assert.Equal("1Gi", plan.Environment.Sizing.ScratchRequest.Text);
        Assert.Equal("1Gi", plan.Value("persistence.size"));
        Assert.Equal("1Gi", plan.Volume(Scratch.VolumeName).Ephemeral.VolumeClaimTemplate.Spec.Resources.Requests["storage"].ToString());
    }

    [Fact]
    public void Cleaning_needs_more_scratch_than_a_dirty_image_alone()
    {
        var dirty = PlanStacks.Plan(PlanStacks.Big.With(("srcnet:workflow.products", "[dirty]")));
        var cleaned = PlanStacks.Plan(PlanStacks.Big.With(("srcnet:workflow.products", "[dirty, cleaned]")));

        Assert.True(cleaned.Environment.Sizing.ScratchRequest.Value > dirty.Environment.Sizing.ScratchRequest.Value);
    }

    [Fact]
    public void Ingesting_visibilities_needs_a_bigger_ingest_area_than_images()
    {
        var images = PlanStacks.Plan(PlanStacks.Big.With(("srcnet:workflow.products", "[dirty, cleaned]")));
        var all = PlanStacks.Plan(PlanStacks.Big);

        Assert.True(all.Environment.Sizing.IngestRequest.Value > images.Environment.Sizing.IngestRequest.Value);
    }
}
