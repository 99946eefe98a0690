using System.Text.Json;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Adoption;

/// <summary>
/// The file <c>pulumi import --file</c> reads to bring the hand-installed ingestor release into a
/// stack's state under the name the program declares it with, through the stack's own provider.
/// Its format (pulumi/pulumi v3.259.0 pkg/cmd/pulumi/operations/import.go, importFile and
/// parseImportFile): <c>nameTable</c> maps a name to a URN; a resource's <c>provider</c> is such a
/// name, whose URN must be a provider's; the engine uses a provider that is already in the stack's
/// state as it is (pkg/resource/deploy/import.go: "Provider already exists in state — use it
/// directly"), which the first <c>pulumi up</c> of the adoption put there. A Helm release's id is
/// <c>NAMESPACE/RELEASE</c> (pulumi-kubernetes v4.32.0 provider/pkg/provider/helm_release.go, Read;
/// docs/platform.md#importing-a-helm-release).
/// </summary>
public sealed record PulumiImportFile(string Stack, string Namespace, string Release)
{
    /// <summary>The project's name in Pulumi.yaml: the second part of every URN.</summary>
    public const string ProjectName = "srcnet-infra";

    public const string ReleaseType = "kubernetes:helm.sh/v3:Release";

    /// <summary>The URN of the stack's Kubernetes provider (a provider's type is pulumi:providers:PACKAGE).</summary>
    public string ProviderUrn => $"urn:pulumi:{Stack}::{ProjectName}::pulumi:providers:kubernetes::{Planner.ProviderResource}";

    public string ReleaseId => $"{Namespace}/{Release}";

    public string ToJson() => new JsonObject
    {
        ["nameTable"] = new JsonObject { [Planner.ProviderResource] = ProviderUrn },
        ["resources"] = new JsonArray(new JsonObject
        {
            ["type"] = ReleaseType,
            ["name"] = Planner.IngestorResource,
            ["id"] = ReleaseId,
            ["provider"] = Planner.ProviderResource,
        }),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
