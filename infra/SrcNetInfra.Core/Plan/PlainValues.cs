using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// Kubernetes objects and Helm values as plain nested maps and lists of strings, numbers and
/// booleans: the shape Pulumi takes as untyped inputs (a ConfigGroup's <c>objs</c>, a Release's
/// <c>values</c>). Objects go through the official client's JSON form, so they carry exactly the
/// fields <c>srcnet render</c> writes.
/// </summary>
public static class PlainValues
{
    public static Dictionary<string, object> FromObject(IKubernetesObject<V1ObjectMeta> obj) =>
        (Dictionary<string, object>)FromJson(JsonNode.Parse(KubernetesJson.Serialize(obj))!)!;

    /// <summary>Copies ordered maps into plain ones, keeping their order, for serializers that only know plain dictionaries.</summary>
    public static object FromValue(object value) => value switch
    {
        IEnumerable<KeyValuePair<string, object>> map => map.ToDictionary(kv => kv.Key, kv => FromValue(kv.Value), StringComparer.Ordinal),
        string s => s,
        System.Collections.IEnumerable list => list.Cast<object>().Select(FromValue).ToList(),
        _ => value,
    };

    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.Where(kv => kv.Value is not null)
                             .ToDictionary(kv => kv.Key, kv => FromJson(kv.Value)!, StringComparer.Ordinal),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            // Whole numbers stay whole (replicas, backoffLimit); Pulumi carries numbers as doubles either way.
            System.Text.Json.JsonValueKind.Number when long.TryParse(value.ToJsonString(), out var l) =>
                l is >= int.MinValue and <= int.MaxValue ? (object)(int)l : (double)l,
            System.Text.Json.JsonValueKind.Number => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };
}
