using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Pulumi.Testing;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// Stands in for the engine's providers (nothing reaches a cluster): records every request the
/// program's resources make, in order, and answers with the inputs as the resource's state.
/// A RandomId gets a hex derived from its keepers, as a real one stays the same while its keepers
/// do; with <paramref name="runIdKnown"/> false it gets none, which the SDK resolves as unknown in a
/// preview (Deployment_ReadOrRegisterResource.cs: <c>TrySetDefaultResult(isKnown: !_isDryRun ...)</c>),
/// as a real preview of a new RandomId leaves its hex unknown. The stack's reference to its own
/// previous deployment reads <paramref name="previousOutputs"/> (none: a stack never deployed).
/// </summary>
public sealed class Mocks(IReadOnlyDictionary<string, object?>? previousOutputs, bool runIdKnown) : IMocks
{
    public const string RandomIdType = "random:index/randomId:RandomId";
    public const string StackReferenceType = "pulumi:pulumi:StackReference";
    public const string ProviderType = "pulumi:providers:kubernetes";

    private readonly List<MockResourceArgs> _requests = [];
    private readonly List<MockRegisterResourceOutputsRequest> _outputs = [];

    /// <summary>What the engine was asked to register or read, in the order the program asked.</summary>
    public IReadOnlyList<MockResourceArgs> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>The outputs registered for a resource (the stack's outputs among them), as the engine received them.</summary>
    public IReadOnlyList<MockRegisterResourceOutputsRequest> OutputRegistrations
    {
        get { lock (_outputs) return [.. _outputs]; }
    }

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
    {
        lock (_outputs) _outputs.Add(args);
        return Task.CompletedTask;
    }

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (_requests) _requests.Add(args);
        if (args.Type == StackReferenceType)
        {
            var outputs = (previousOutputs ?? new Dictionary<string, object?>()).Where(kv => kv.Value is not null)
                .ToImmutableDictionary(kv => kv.Key, kv => kv.Value!);
            return Task.FromResult<(string?, object)>((args.Id, new Dictionary<string, object>
            {
                ["name"] = args.Inputs["name"],
                ["outputs"] = outputs,
                ["secretOutputNames"] = ImmutableArray<object>.Empty,
            }));
        }
        var state = args.Inputs.ToBuilder();
        if (args.Type == RandomIdType && runIdKnown)
            state["hex"] = HexFor(args.Inputs.TryGetValue("keepers", out var keepers) ? keepers : null);
        return Task.FromResult<(string?, object)>((args.Name + "-id", state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);

    /// <summary>
    /// The hex the mock gives a RandomId with these keepers. Never Core's offline id for the same
    /// keepers (<see cref="Core.Plan.RunIdentity.DeterministicId"/>), as a real RandomId's is not: a
    /// program that named the Job by the offline id instead of the RandomId's would then pass unseen.
    /// </summary>
    public static string HexFor(object? keepers)
    {
        var text = keepers is IDictionary<string, object> map
            ? string.Join("\n", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
            : "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mock RandomId\n" + text)))[..8];
    }
}
