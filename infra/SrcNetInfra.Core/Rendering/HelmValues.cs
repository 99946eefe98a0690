using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Rendering;

/// <summary>The ingestor release as files: its values.yaml and a description with the Helm command.</summary>
public static class HelmValues
{
    // YamlWriter quotes strings that YAML would read as something else ("false", "5", "0.1.30"), so
    // Helm (sigs.k8s.io/yaml, YAML 1.1) gets exactly the types the chart expects.
    public static string Render(HelmReleaseSpec release) =>
        YamlWriter.Comment($"Values of the {release.Chart} {release.Version} release '{release.Name}' in namespace {release.Namespace}.") +
        YamlWriter.Document(release.Values);

    /// <summary>
    /// The release as data (chart, version, repository, namespace) with the equivalent command, for
    /// sites that install the ingestor with Helm themselves.
    /// </summary>
    public static string ReleaseFile(HelmReleaseSpec release) =>
        YamlWriter.Comment("The ingestor release `pulumi up` installs; run `command` from this directory to install it with Helm.") +
        YamlWriter.Document(ReleaseDescription(release));

    /// <summary>What <see cref="ReleaseFile"/> writes, as a tree.</summary>
    public static OrderedDictionary<string, object> ReleaseDescription(HelmReleaseSpec release)
    {
        var description = new OrderedDictionary<string, object>
        {
            ["release"] = release.Name,
            ["namespace"] = release.Namespace,
            ["chart"] = release.Chart,
            ["version"] = release.Version,
        };
        if (release.Digest is { } digest) description["digest"] = digest;
        description["repository"] = release.Repository;
        description["values"] = Manifests.ValuesFileName;
        description["command"] = release.HelmCommand(Manifests.ValuesFileName);
        return description;
    }
}
