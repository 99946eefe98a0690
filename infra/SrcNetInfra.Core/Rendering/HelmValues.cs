using SrcNetInfra.Core.Plan;
using YamlDotNet.Serialization;

namespace SrcNetInfra.Core.Rendering;

/// <summary>The ingestor release as files: its values.yaml and a description with the Helm command.</summary>
public static class HelmValues
{
    // Strings that YAML would read as something else ("false", "5", "0.34") are quoted, so Helm
    // gets exactly the types the chart expects.
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Render(HelmReleaseSpec release) =>
        $"# Values of the {release.Chart} {release.Version} release '{release.Name}' in namespace {release.Namespace}.\n" +
        Serializer.Serialize(release.Values);

    /// <summary>
    /// The release as data (chart, version, repository, namespace) with the equivalent command, for
    /// sites that install the ingestor with Helm themselves.
    /// </summary>
    public static string ReleaseFile(HelmReleaseSpec release)
    {
        var description = new OrderedDictionary<string, object>
        {
            ["release"] = release.Name,
            ["namespace"] = release.Namespace,
            ["chart"] = release.Chart,
            ["version"] = release.Version,
            ["repository"] = release.Repository,
            ["values"] = Manifests.ValuesFileName,
            ["command"] = release.HelmCommand(Manifests.ValuesFileName),
        };
        return "# The ingestor release `pulumi up` installs; run `command` from this directory to install it with Helm.\n" +
               Serializer.Serialize(description);
    }
}
