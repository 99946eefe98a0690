using k8s.Models;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The spec of every claim the plan makes (the ingest area, scratch, the sky model cache): one
/// access mode, a storage class (null: the cluster's default) and the size it requests.
/// </summary>
internal static class ClaimSpec
{
    public static V1PersistentVolumeClaimSpec Of(string accessMode, string? storageClass, ResourceQuantity size) => new()
    {
        AccessModes = [accessMode],
        StorageClassName = storageClass,
        Resources = new V1VolumeResourceRequirements
        {
            Requests = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["storage"] = size },
        },
    };
}
