namespace SrcNetInfra.Core.Model;

/// <summary>
/// How <c>pulumi up</c> treats this stack (<c>srcnet:deploy</c>). The CLI validates these keys but
/// renders the same objects whatever they say.
/// </summary>
/// <param name="KubeContext">kubeconfig context of the Kubernetes provider; null uses the current one.</param>
/// <param name="RenderYamlToDirectory">Write manifests instead of deploying (the provider's option).</param>
/// <param name="ProtectData">Protect claims that hold data from deletion (production stacks).</param>
/// <param name="AdoptExisting">
/// Take over objects that already exist (a site set up by hand) instead of failing to create them:
/// the provider's upsertExistingObjects (docs/platform.md#creating-an-object-that-already-exists).
/// </param>
public sealed record DeploySpec(
    string? KubeContext,
    string? RenderYamlToDirectory,
    bool ProtectData,
    bool AdoptExisting = false);
