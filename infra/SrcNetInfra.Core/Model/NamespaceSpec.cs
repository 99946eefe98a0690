namespace SrcNetInfra.Core.Model;

/// <summary>The namespace every object of the environment lives in (<c>srcnet:namespace</c>).</summary>
/// <param name="PodSecurity">Pod Security Admission level enforced on the namespace.</param>
public sealed record NamespaceSpec(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string PodSecurity);
