using k8s.Models;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The claim <c>ingest-area</c> that the simulation writes into and the ingestor reads from. It is
/// the stack's own object, handed to the chart as <c>persistence.existingClaim</c>: a Helm upgrade
/// deletes what leaves a release's manifest and an uninstall deletes what the release made
/// (docs/platform.md#helm-release-upgrade-and-destroy), so ingested data must never belong to the release.
/// </summary>
public static class IngestAreaClaim
{
    /// <summary>The chart's own name for it (template core-deployment.yaml), kept so existing sites stay as they are.</summary>
    public const string Name = "ingest-area";

    public static V1PersistentVolumeClaim For(CheckedEnvironment env)
    {
        var spec = env.Spec;
        var area = spec.Ingestor.Persistence;
        return new V1PersistentVolumeClaim
        {
            ApiVersion = "v1",
            Kind = "PersistentVolumeClaim",
            Metadata = new V1ObjectMeta
            {
                Name = Name,
                NamespaceProperty = spec.Namespace.Name,
                Labels = Labels.For(spec, "ingest-area"),
                Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    [Annotations.IngestBytes] = env.Sizing.Estimate.IngestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [Annotations.RunsToHold] = env.Sizing.RunsToHold.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            Spec = ClaimSpec.Of(area.AccessMode, area.StorageClass, env.Sizing.IngestRequest.ToResourceQuantity()),
        };
    }
}
