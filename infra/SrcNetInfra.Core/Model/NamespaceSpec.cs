namespace SrcNetInfra.Core.Model;

/// <summary>The namespace every object of the environment lives in (<c>srcnet:namespace</c>).</summary>
/// <param name="PodSecurity">Pod Security Admission level enforced on the namespace.</param>
/// <param name="Create">
/// False when the namespace exists already and is not the stack's (a site that installed the
/// ingestor by hand): the stack deploys into it and never creates, changes or deletes it.
/// </param>
public sealed record NamespaceSpec(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string PodSecurity,
    bool Create);
