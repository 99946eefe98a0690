using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:deploy</c>.</summary>
internal static class DeployConfig
{
    public static DeploySpec Read(ConfigSection s, Problems problems)
    {
        var spec = new DeploySpec(
            s.OptionalString("kubeContext"),
            s.OptionalString("renderYamlToDirectory"),
            s.Bool("protectData", false),
            s.Bool("adoptExisting", false));
        s.Done();
        // The Kubernetes provider refuses a cluster's kubeconfig together with rendering to files.
        if (spec.KubeContext is not null && spec.RenderYamlToDirectory is not null)
            problems.Error(s.KeyOf("renderYamlToDirectory"),
                "cannot be combined with kubeContext: a provider that renders YAML talks to no cluster; set one of them");
        if (spec.RenderYamlToDirectory is not null)
            problems.Warning(s.KeyOf("renderYamlToDirectory"),
                "Pulumi cannot render the ingestor's Helm release to files, so pulumi up leaves it out (srcnet render --out DIR writes its values and the helm command); " +
                "switching a deployed stack to it replaces the provider and deletes every deployed object, which pulumi up refuses");
        return spec;
    }
}
