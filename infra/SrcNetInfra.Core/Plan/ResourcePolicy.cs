namespace SrcNetInfra.Core.Plan;

/// <summary>
/// How <c>pulumi up</c> and <c>pulumi destroy</c> treat one resource of the plan, decided here and
/// tested offline, so that the Pulumi program only translates it into resource options.
/// </summary>
/// <param name="Protect">Refuse to delete or replace it: <c>pulumi destroy</c> stops until it is unprotected.</param>
/// <param name="RetainOnDelete">
/// When Pulumi deletes or replaces it, leave the Kubernetes object in the cluster. The Pulumi engine
/// skips the provider's delete for such a resource, on replacement as well (pulumi/pulumi
/// pkg/resource/deploy/step.go, DeleteStep.Apply: <c>if !s.old.RetainOnDelete</c>; see
/// docs/platform.md#retained-resources-and-replacement).
/// </param>
/// <param name="IgnoreChanges">Fields whose changes never reach the live object (paths as Pulumi's ignoreChanges takes them).</param>
/// <param name="Aliases">Earlier identities of the same object, so a new layout updates it instead of replacing it.</param>
public sealed record ResourcePolicy(
    bool Protect = false,
    bool RetainOnDelete = false,
    IReadOnlyList<string>? IgnoreChanges = null,
    IReadOnlyList<ResourceAlias>? Aliases = null)
{
    public static readonly ResourcePolicy Default = new();

    public IReadOnlyList<string> Ignored => IgnoreChanges ?? [];
    public IReadOnlyList<ResourceAlias> EarlierIdentities => Aliases ?? [];
}

/// <summary>
/// An earlier identity of a resource: its type token and name, and the type and name of the
/// component it was a child of (null for the stack itself).
/// </summary>
public sealed record ResourceAlias(string Type, string Name, string? ParentType = null, string? ParentName = null);
