using System.Collections.Immutable;
using Pulumi;
using Pulumi.Utilities;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// An alias as the program gives it, its inputs resolved (null: not set, or unknown at preview).
/// The engine turns it into a URN (pulumi pkg/resource/deploy/step_generator.go, collapseAliasToUrn).
/// </summary>
public sealed record DeclaredAlias(string? Urn, string? Name, string? Type, string? ParentUrn, string? Parent, bool NoParent, string? Stack, string? Project);

/// <summary>
/// The options one resource is registered with, as the SDK's own ResourceOptions object holds them
/// (the recorder's view), with dependencies and the provider named by their Pulumi names.
/// </summary>
public sealed record DeclaredResource(
    Registration Registration,
    string Type,
    string Name,
    string? Provider,
    bool? Protect,
    bool? RetainOnDelete,
    bool? DeleteBeforeReplace,
    IReadOnlyList<string> IgnoreChanges,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<DeclaredAlias> Aliases,
    CustomTimeouts? CustomTimeouts)
{
    public static async Task<DeclaredResource> Of(Registration r)
    {
        var options = r.Options;
        var dependsOn = await Value(options.DependsOn.ToOutput(), ImmutableArray<Resource>.Empty);
        var aliases = new List<DeclaredAlias>();
        foreach (var input in options.Aliases)
        {
            var alias = await Value(input.ToOutput(), null!);
            aliases.Add(new DeclaredAlias(
                alias.Urn,
                await Text(alias.Name),
                await Text(alias.Type),
                await Text(alias.ParentUrn),
                alias.Parent?.GetResourceName(),
                alias.NoParent,
                await Text(alias.Stack),
                await Text(alias.Project)));
        }
        return new DeclaredResource(
            r,
            r.Type,
            r.Name,
            options.Provider?.GetResourceName(),
            options.Protect,
            options.RetainOnDelete,
            (options as CustomResourceOptions)?.DeleteBeforeReplace,
            [.. options.IgnoreChanges],
            [.. dependsOn.Select(d => d.GetResourceName())],
            aliases,
            options.CustomTimeouts);
    }

    private static async Task<T> Value<T>(Output<T> output, T whenUnknown) =>
        await OutputUtilities.GetIsKnownAsync(output) ? await OutputUtilities.GetValueAsync(output) : whenUnknown;

    private static async Task<string?> Text(Input<string>? input) =>
        input is null ? null : await Value(input.ToOutput(), (string?)null!);
}
