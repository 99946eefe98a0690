using System.Collections;
using System.Reflection;
using Pulumi;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// A resource's inputs exactly as the SDK sends them to the engine: its own serializer applied to the
/// args the resource was constructed with (Deployment_Serialization.cs, SerializeFilteredPropertiesRawAsync:
/// <c>new Serializer(...).SerializeAsync(label, value, keepResources, keepOutputValues)</c>), so an unknown
/// output is the unknown sentinel at its place and a secret is wrapped in the secret signature
/// (Serialization/Serializer.cs). The mock cannot show either: MockMonitor.ToDictionary drops any
/// top-level input that contains an unknown anywhere below it, and unwraps secrets
/// (Testing/MockMonitor.cs and Serialization/Deserializer.cs, DeserializeStruct combines isKnown).
/// The serializer is internal to the SDK, hence reflection; output values are off, as the mock
/// monitor reports no support for them (MockMonitor.SupportsFeatureAsync, "outputValues").
/// </summary>
/// <param name="Inputs">The serialized inputs: maps, lists, strings, numbers, booleans, and the markers of <see cref="WireInputs"/>.</param>
/// <param name="Dependencies">
/// The resources whose outputs the inputs use: the engine records them as the resource's property
/// dependencies (the serializer's DependentResources, sent as propertyDependencies).
/// </param>
public sealed record WireForm(IDictionary<string, object?> Inputs, IReadOnlyList<Resource> Dependencies);

public static class WireInputs
{
    /// <summary>The sentinel the SDK sends for an unknown value (Serialization/Constants.cs, UnknownValue).</summary>
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>The key and value that mark a secret (Constants.SpecialSigKey, SpecialSecretSig).</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    private static readonly Type SerializerType = typeof(Resource).Assembly.GetType("Pulumi.Serialization.Serializer", throwOnError: true)!;

    /// <summary>
    /// Serializes the args as the SDK does for the engine. Runs inside the deployment (the recorder
    /// starts it when the resource is constructed): the serializer needs the deployment's context.
    /// </summary>
    public static async Task<WireForm> Serialize(ResourceArgs args)
    {
        var serializer = Activator.CreateInstance(SerializerType, [false])!;
        var serialize = SerializerType.GetMethod("SerializeAsync", BindingFlags.Public | BindingFlags.Instance)!;
        var inputs = await (Task<object?>)serialize.Invoke(serializer, ["args", args, false, false, false])!;
        var dependencies = (IEnumerable<Resource>)SerializerType.GetField("DependentResources")!.GetValue(serializer)!;
        return new WireForm((IDictionary<string, object?>)inputs!, [.. dependencies]);
    }

    public static bool IsSecret(object? value) =>
        value is IDictionary<string, object?> map && map.TryGetValue(SignatureKey, out var sig) && Equals(sig, SecretSignature);

    /// <summary>The value under a secret's signature, or the value itself.</summary>
    public static object? Unwrapped(object? value) =>
        IsSecret(value) ? ((IDictionary<string, object?>)value!)["value"] : value;

    /// <summary>Every path (keys and list indexes joined by dots) whose value is the unknown sentinel.</summary>
    public static IReadOnlyList<string> UnknownPaths(object? value)
    {
        var paths = new List<string>();
        Walk(value, "", paths);
        return paths;
    }

    private static void Walk(object? value, string path, List<string> paths)
    {
        switch (value)
        {
            case Unknown:
                paths.Add(path);
                break;
            case IDictionary<string, object?> map:
                foreach (var (key, item) in map) Walk(item, path.Length == 0 ? key : $"{path}.{key}", paths);
                break;
            case IList list:
                for (var i = 0; i < list.Count; i++) Walk(list[i], $"{path}.{i}", paths);
                break;
        }
    }
}
