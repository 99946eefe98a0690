using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Pulumi.Testing;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// Stands in for the Pulumi engine and its providers (nothing reaches a cluster): records every
/// resource the program registers and echoes its inputs back as its state. A RandomId gets a hex
/// id derived from its keepers, as a real one is stable while its keepers are.
/// </summary>
public sealed class Mocks : IMocks
{
    public const string RandomIdType = "random:index/randomId:RandomId";

    private readonly List<MockResourceArgs> _resources = [];

    public IReadOnlyList<MockResourceArgs> Resources
    {
        get { lock (_resources) return [.. _resources]; }
    }

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (_resources) _resources.Add(args);
        var state = args.Inputs.ToBuilder();
        if (args.Type == RandomIdType)
        {
            state["hex"] = HexFor(args.Inputs.TryGetValue("keepers", out var keepers) ? keepers : null);
        }
        return Task.FromResult<(string?, object)>((args.Name + "-id", (object)state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);

    public static string HexFor(object? keepers)
    {
        var text = keepers is IDictionary<string, object> map
            ? string.Join("\n", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
            : "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
    }

    public MockResourceArgs Single(string type, string name) =>
        Resources.Single(r => r.Type == type && r.Name == name);
}
