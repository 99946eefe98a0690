using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Rendering;

/// <summary>The files <c>srcnet render --out</c> writes for a plan, by name, in a fixed order.</summary>
public static class RenderedFiles
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(EnvironmentPlan plan) =>
    [
        new(Manifests.ManifestsFileName, Manifests.Render(plan)),
        new(Manifests.ValuesFileName, HelmValues.Render(plan.Ingestor)),
        new(Manifests.ReleaseFileName, HelmValues.ReleaseFile(plan.Ingestor)),
    ];
}
