using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace SrcNetInfra.Core.Rendering;

/// <summary>
/// A Kubernetes object's JSON form, the one <c>KubernetesJson.Serialize</c> writes and the API
/// server reads, as a plain tree for <see cref="YamlWriter"/>: properties under their
/// <c>[JsonPropertyName]</c> in declaration order, nulls left out, a quantity as its canonical
/// string. It reads the properties directly instead of going through System.Text.Json, whose first
/// use over the Kubernetes model costs a short-lived process about 200 to 400 ms
/// (docs/benchmarks.md); tests check the two forms are identical for every rendered object.
/// </summary>
public static class JsonForm
{
    private sealed record Property(string JsonName, PropertyInfo Info);

    private static readonly ConcurrentDictionary<Type, Property[]> PropertiesByType = new();

    public static OrderedDictionary<string, object> Of(object obj) =>
        Value(obj) as OrderedDictionary<string, object>
        ?? throw new ArgumentException($"{obj.GetType()} has no JSON object form", nameof(obj));

    /// <summary>
    /// The object's JSON text, the same bytes <c>KubernetesJson.Serialize</c> writes (tests compare
    /// them), for a digest of an object without the serializer's start-up cost.
    /// </summary>
    public static string Json(object obj)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, Of(obj));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter json, object node)
    {
        switch (node)
        {
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d: json.WriteNumberValue(d); break;
            case OrderedDictionary<string, object> map:
                json.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    json.WritePropertyName(key);
                    Write(json, value);
                }
                json.WriteEndObject();
                break;
            case List<object> list:
                json.WriteStartArray();
                foreach (var item in list) Write(json, item);
                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"no JSON for a {node.GetType()} in a JsonForm tree");
        }
    }

    private static object Value(object value) => value switch
    {
        string or bool or int or long or double => value,
        // ResourceQuantityJsonConverter writes a quantity as its canonical string.
        ResourceQuantity quantity => quantity.ToString(),
        IDictionary map => Map(map),
        IEnumerable list => list.Cast<object?>().Select(item => Value(item ?? throw Null(value.GetType()))).ToList(),
        _ when value.GetType().IsClass => Object(value),
        _ => throw new NotSupportedException($"JsonForm has no rule for {value.GetType()}"),
    };

    private static OrderedDictionary<string, object> Map(IDictionary map)
    {
        var result = new OrderedDictionary<string, object>(map.Count);
        foreach (DictionaryEntry entry in map)
            result.Add((string)entry.Key, Value(entry.Value ?? throw Null(map.GetType())));
        return result;
    }

    private static OrderedDictionary<string, object> Object(object obj)
    {
        var properties = PropertiesByType.GetOrAdd(obj.GetType(), PropertiesOf);
        var result = new OrderedDictionary<string, object>(properties.Length);
        foreach (var p in properties)
        {
            // DefaultIgnoreCondition = WhenWritingNull, as KubernetesJson sets it.
            if (p.Info.GetValue(obj) is { } v) result.Add(p.JsonName, Value(v));
        }
        return result;
    }

    /// <summary>
    /// Only types whose properties carry <c>[JsonPropertyName]</c> (the Kubernetes model and srcnet's
    /// External Secrets classes) are objects here: any other type is a mistake to report, not to guess.
    /// </summary>
    private static Property[] PropertiesOf(Type type)
    {
        // Plain loops and attribute data rather than LINQ over tuples and attribute instances: this
        // runs once per type in a short-lived process, where every generic instantiation the JIT
        // has to compile shows in the start-up time.
        var infos = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var properties = new List<Property>(infos.Length);
        foreach (var info in infos)
        {
            if (info.GetIndexParameters().Length > 0 || HasAttribute(info, typeof(JsonIgnoreAttribute))) continue;
            var name = JsonName(info)
                ?? throw new NotSupportedException($"JsonForm has no rule for {type}: its property {info.Name} has no [JsonPropertyName]");
            properties.Add(new Property(name, info));
        }
        if (properties.Count == 0) throw new NotSupportedException($"JsonForm has no rule for {type}: it has no [JsonPropertyName] properties");
        return [.. properties];
    }

    private static string? JsonName(PropertyInfo info)
    {
        foreach (var a in info.GetCustomAttributesData())
        {
            if (a.AttributeType == typeof(JsonPropertyNameAttribute)) return (string?)a.ConstructorArguments[0].Value;
        }
        return null;
    }

    private static bool HasAttribute(PropertyInfo info, Type attribute)
    {
        foreach (var a in info.GetCustomAttributesData())
        {
            if (a.AttributeType == attribute) return true;
        }
        return false;
    }

    private static NotSupportedException Null(Type container) =>
        new($"a null inside a {container} has no place in a rendered object");
}
