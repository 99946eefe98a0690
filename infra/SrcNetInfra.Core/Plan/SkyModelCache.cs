using k8s.Models;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The claim the runs keep the downloaded sky model on: Karabo downloads the MIGHTEE catalogue into
/// <c>$XDG_CACHE_HOME</c> (else <c>$HOME/.cache</c>, the container's own filesystem), so without it
/// every run downloads it again from outside the cluster (docs/workflow.md#the-mightee-sky-model-download).
/// </summary>
public static class SkyModelCache
{
    public const string ClaimName = "sky-model-cache";
    public const string VolumeName = "sky-model-cache";
    public const string MountPath = "/cache";

    public static V1PersistentVolumeClaim? Claim(EnvironmentSpec spec)
    {
        if (spec.Workflow.SkyModelCache is not { } cache) return null;
        return new V1PersistentVolumeClaim
        {
            ApiVersion = "v1",
            Kind = "PersistentVolumeClaim",
            Metadata = new V1ObjectMeta { Name = ClaimName, NamespaceProperty = spec.Namespace.Name, Labels = Labels.For(spec, "sky-model-cache") },
            Spec = ClaimSpec.Of(cache.AccessMode, cache.StorageClass, cache.Size.ToResourceQuantity()),
        };
    }

    /// <summary>The volume, its mount and the variable that point the workflow at it; none without a cache.</summary>
    public static (V1Volume Volume, V1VolumeMount Mount, V1EnvVar Variable)? For(EnvironmentSpec spec) =>
        spec.Workflow.SkyModelCache is null
            ? null
            : (new V1Volume { Name = VolumeName, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = ClaimName } },
               new V1VolumeMount { Name = VolumeName, MountPath = MountPath },
               new V1EnvVar { Name = "XDG_CACHE_HOME", Value = MountPath });
}
