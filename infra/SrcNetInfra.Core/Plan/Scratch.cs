using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The workflow's <c>/tmp</c>. Per-run (a generic ephemeral volume) by default, so the FITS files
/// every run leaves behind go away with its pod; or the seed's shared claim <c>temporal-scratch</c>.
/// </summary>
public static class Scratch
{
    public const string VolumeName = "scratch";
    public const string MountPath = "/tmp";

    /// <summary>The shared claim, or null when scratch is per run.</summary>
    public static V1PersistentVolumeClaim? SharedClaim(CheckedEnvironment env)
    {
        var spec = env.Spec;
        if (spec.Scratch.Mode != ScratchMode.SharedClaim) return null;
        return new V1PersistentVolumeClaim
        {
            ApiVersion = "v1",
            Kind = "PersistentVolumeClaim",
            Metadata = new V1ObjectMeta
            {
                Name = spec.Scratch.ClaimName,
                NamespaceProperty = spec.Namespace.Name,
                Labels = Labels.For(spec, "scratch"),
                Annotations = SizeAnnotations(env),
            },
            Spec = ClaimSpec(env),
        };
    }

    /// <summary>The pod volume mounted at /tmp: the per-run ephemeral claim, the shared claim, or the node's disk.</summary>
    public static V1Volume Volume(CheckedEnvironment env)
    {
        var spec = env.Spec;
        if (spec.Scratch.Mode == ScratchMode.EmptyDir)
            return new V1Volume
            {
                Name = VolumeName,
                // Past its size limit the kubelet evicts the pod rather than let it fill the node's disk.
                EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = env.Sizing.ScratchRequest.ToResourceQuantity() },
            };
        return spec.Scratch.Mode == ScratchMode.SharedClaim
            ? new V1Volume
            {
                Name = VolumeName,
                PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = spec.Scratch.ClaimName },
            }
            : new V1Volume
            {
                Name = VolumeName,
                Ephemeral = new V1EphemeralVolumeSource
                {
                    VolumeClaimTemplate = new V1PersistentVolumeClaimTemplate
                    {
                        // No estimate annotations here: this is part of the Job's immutable pod
                        // template, and a refined estimate must not make a new run.
                        Metadata = new V1ObjectMeta { Labels = Labels.For(spec, "scratch") },
                        Spec = ClaimSpec(env),
                    },
                },
            };
    }

    /// <summary>
    /// What the container requests of the node's disk: the scratch size with <c>emptyDir</c>, so that
    /// the scheduler places the pod only where it fits; nothing when scratch is a claim.
    /// </summary>
    public static ResourceQuantity? NodeDiskRequest(CheckedEnvironment env) =>
        env.Spec.Scratch.Mode == ScratchMode.EmptyDir ? env.Sizing.ScratchRequest.ToResourceQuantity() : null;

    private static V1PersistentVolumeClaimSpec ClaimSpec(CheckedEnvironment env) =>
        Plan.ClaimSpec.Of(env.Spec.Scratch.AccessMode, env.Spec.Scratch.StorageClass, env.Sizing.ScratchRequest.ToResourceQuantity());

    private static SortedDictionary<string, string> SizeAnnotations(CheckedEnvironment env) => new(StringComparer.Ordinal)
    {
        [Annotations.ScratchBytes] = env.Sizing.Estimate.ScratchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [Annotations.ScratchRequest] = env.Sizing.ScratchRequest.Text,
    };
}
