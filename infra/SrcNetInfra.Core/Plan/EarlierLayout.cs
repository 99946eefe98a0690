using k8s.Models;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// How the first version of the program named these objects: as children of one
/// <c>kubernetes:yaml/v2:ConfigGroup</c> per group, each child named
/// <c>&lt;group&gt;:&lt;namespace&gt;/&lt;name&gt;</c> (<c>&lt;group&gt;:&lt;name&gt;</c> when
/// cluster-scoped; pulumi-kubernetes v4.32.0 provider/pkg/provider/yaml/v2/configgroup_test.go,
/// "given a resource prefix"). An alias to that identity lets a stack deployed with it move to one
/// resource per object without deleting and re-creating anything.
/// </summary>
public static class EarlierLayout
{
    public const string Namespace = "namespace";
    public const string Limits = "limits";
    public const string Secret = "secret-access";
    public const string Scratch = "scratch";
    public const string Workload = "workload";
    public const string GroupType = "kubernetes:yaml/v2:ConfigGroup";

    public static ResourceAlias Alias(string group, string typeToken, V1ObjectMeta metadata) =>
        new(typeToken, ChildName(group, metadata.NamespaceProperty, metadata.Name), GroupType, group);

    public static string ChildName(string group, string? ns, string name) =>
        ns is null ? $"{group}:{name}" : $"{group}:{ns}/{name}";
}
