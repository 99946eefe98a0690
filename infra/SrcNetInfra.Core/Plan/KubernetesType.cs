namespace SrcNetInfra.Core.Plan;

/// <summary>The Pulumi type token of a Kubernetes object, as pulumi-kubernetes names it.</summary>
public static class KubernetesType
{
    /// <summary>
    /// <c>kubernetes:&lt;group&gt;/&lt;version&gt;:&lt;Kind&gt;</c>, the core group written <c>core</c>:
    /// <c>v1 Namespace</c> is <c>kubernetes:core/v1:Namespace</c>, <c>batch/v1 Job</c> is
    /// <c>kubernetes:batch/v1:Job</c> (pulumi-kubernetes sdk/dotnet, each resource's [KubernetesResourceType]).
    /// </summary>
    public static string Token(string apiVersion, string kind) =>
        $"kubernetes:{(apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion : "core/" + apiVersion)}:{kind}";
}
