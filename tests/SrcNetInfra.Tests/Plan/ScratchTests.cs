using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// The workflow's /tmp: a per-run ephemeral volume by default (leftover FITS files go with the pod),
/// or the seed's shared claim; either way sized by the estimator.
/// </summary>
public class ScratchTests
{
    [Fact]
    public void Ephemeral_scratch_is_a_pod_volume_sized_by_the_estimate_with_no_claim_object()
    {
        var plan = PlanStacks.Plan(PlanStacks.Big.With(("srcnet:scratch.mode", "ephemeral"), ("srcnet:scratch.storageClass", "local-path")));

        // The only claim object is the ingest area: scratch lives and dies with the pod.
        Assert.Equal([IngestAreaClaim.Name], plan.Objects.Where(o => o.Kind == "PersistentVolumeClaim").Select(o => o.Name));
        var volume = plan.Volume(Scratch.VolumeName);
        Assert.Null(volume.PersistentVolumeClaim);
        var claim = volume.Ephemeral.VolumeClaimTemplate.Spec;
        var request = plan.Environment.Sizing.ScratchRequest;
        Assert.Equal(request.Value, claim.Resources.Requests["storage"].ToDecimal());
        Assert.Equal(request.Text, claim.Resources.Requests["storage"].ToString());
        Assert.Equal("local-path", claim.StorageClassName);
        Assert.Equal(["ReadWriteOnce"], claim.AccessModes);
    }

    [Fact]
    public void Ephemeral_scratch_uses_the_clusters_default_storage_class_when_none_is_set()
    {
        var claim = PlanStacks.Plan().Volume(Scratch.VolumeName).Ephemeral.VolumeClaimTemplate.Spec;

        Assert.Null(claim.StorageClassName);
    }

    [Fact]
    public void Ephemeral_scratch_access_mode_follows_the_config()
    {
        var claim = PlanStacks.Plan(("srcnet:scratch.accessMode", "ReadWriteOncePod")).Volume(Scratch.VolumeName).Ephemeral.VolumeClaimTemplate.Spec;

        Assert.Equal(["ReadWriteOncePod"], claim.AccessModes);
    }

    [Theory]
    [InlineData("job")]
    [InlineData("cronjob")]
    public void Ephemeral_scratch_is_the_default_in_jobs_and_cron_jobs(string mode)
    {
        var plan = PlanStacks.Plan(("srcnet:workflow.mode", mode));

        Assert.NotNull(plan.Volume(Scratch.VolumeName).Ephemeral);
        Assert.DoesNotContain(plan.Objects, o => o.ResourceName == "scratch");
    }

    [Fact]
    public void Shared_scratch_is_the_temporal_scratch_claim_sized_by_the_estimate()
    {
        var plan = PlanStacks.Plan(PlanStacks.Big.With(("srcnet:scratch.mode", "sharedClaim"), ("srcnet:scratch.storageClass", "cephfs-scratch")));

        var claim = Assert.IsType<V1PersistentVolumeClaim>(Assert.Single(plan.Objects, o => o.ResourceName == "scratch").Object);
        Assert.Equal("temporal-scratch", claim.Metadata.Name);
        var request = plan.Environment.Sizing.ScratchRequest;
        Assert.Equal(request.Value, claim.Spec.Resources.Requests["storage"].ToDecimal());
        Assert.Equal("cephfs-scratch", claim.Spec.StorageClassName);
        Assert.Equal(["ReadWriteOnce"], claim.Spec.AccessModes);

        var volume = plan.Volume(Scratch.VolumeName);
        Assert.Null(volume.Ephemeral);
        Assert.Equal("temporal-scratch", volume.PersistentVolumeClaim.ClaimName);
        Assert.Equal("/tmp", Assert.Single(plan.Container().VolumeMounts, m => m.Name == Scratch.VolumeName).MountPath);
    }

    [Fact]
    public void Shared_scratch_claim_name_and_access_mode_follow_the_config()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:scratch.mode", "sharedClaim"),
            ("srcnet:scratch.claimName", "my-scratch"),
            ("srcnet:scratch.accessMode", "ReadWriteMany"));

        var claim = (V1PersistentVolumeClaim)plan.Objects.Single(o => o.ResourceName == "scratch").Object;
        Assert.Equal("my-scratch", claim.Metadata.Name);
        Assert.Equal(["ReadWriteMany"], claim.Spec.AccessModes);
        Assert.Equal("my-scratch", plan.Volume(Scratch.VolumeName).PersistentVolumeClaim.ClaimName);
    }

    [Fact]
    public void An_explicit_scratch_size_replaces_the_estimate()
    {
        var plan = PlanStacks.Plan(("srcnet:scratch.size", "750Gi"));

        var claim = plan.Volume(Scratch.VolumeName).Ephemeral.VolumeClaimTemplate.Spec;
        Assert.Equal("750Gi", claim.Resources.Requests["storage"].ToString());
        Assert.Equal("750Gi", plan.Environment.Sizing.ScratchRequest.Text);
    }
}
