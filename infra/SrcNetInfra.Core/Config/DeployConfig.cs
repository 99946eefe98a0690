using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:deploy</c>.</summary>
internal static class DeployConfig
{
    public static DeploySpec Read(ConfigSection s)
    {
        var spec = new DeploySpec(
            s.OptionalString("kubeContext"),
            s.OptionalString("renderYamlToDirectory"),
            s.Bool("protectData", false));
        s.Done();
        return spec;
    }
}
