using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Reads one object of a stack's config (for example <c>srcnet:workflow.simulation</c>) into typed
/// values. Every read names its key, so a problem names the full key a user has to change; every
/// problem is collected rather than thrown, so one pass shows them all. Keys that nobody read are
/// reported by <see cref="Done"/>: a typo must never be silently ignored.
/// </summary>
/// <remarks>
/// The values come as JSON, because that is how Pulumi hands structured config to a program;
/// the CLI converts the stack file's YAML the same way (<see cref="StackFile"/>), so both read alike.
/// Scalars are taken leniently where YAML makes that natural (<c>cpu: 16</c> is the string "16",
/// <c>numTimeStamps: "24"</c> is the number 24).
/// </remarks>
public sealed class ConfigSection
{
    private readonly JsonObject? _object;
    private readonly Problems _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ConfigSection(string path, JsonNode? node, Problems problems)
    {
        Path = path;
        _problems = problems;
        switch (node)
        {
            case null:
                break;
            case JsonObject obj when IsPulumiSecret(obj):
                problems.Error(path, SecretNotAllowed);
                break;
            case JsonObject obj:
                _object = obj;
                break;
            default:
                problems.Error(path, $"expected an object of keys, got {Describe(node)}");
                break;
        }
    }

    /// <summary>The full key of this section, e.g. <c>srcnet:workflow.simulation</c>.</summary>
    public string Path { get; }

    /// <summary>True when the stack file sets this section at all.</summary>
    public bool IsPresent => _object is not null;

    public bool Has(string key) => _object?.ContainsKey(key) == true;

    public string KeyOf(string key) => $"{Path}.{key}";

    internal const string SecretNotAllowed =
        "is a Pulumi secret, but this key takes a plain value; only srcnet:oidcClientId and srcnet:oidcClientSecret may be secrets";

    /// <summary>Pulumi writes <c>pulumi config set --secret</c> values as <c>{secure: ciphertext}</c>.</summary>
    public static bool IsPulumiSecret(JsonNode? node) =>
        node is JsonObject o && o.Count == 1 && o.ContainsKey("secure");

    private JsonNode? Take(string key, out bool present)
    {
        _read.Add(key);
        present = _object is not null && _object.TryGetPropertyValue(key, out _);
        if (!present) return null;
        var node = _object![key];
        if (node is null) present = false; // `key:` with nothing after it, or `key: null`, means "use the default"
        if (IsPulumiSecret(node))
        {
            _problems.Error(KeyOf(key), SecretNotAllowed);
            present = false;
            return null;
        }
        return node;
    }

    /// <summary>Marks keys as known without reading them (used for keys that only describe, like comments).</summary>
    public void Allow(params string[] keys)
    {
        foreach (var k in keys) _read.Add(k);
    }

    // ----- scalars ------------------------------------------------------------------------

    /// <summary>A string, or <paramref name="fallback"/> when unset. With a null fallback the key is required.</summary>
    public string String(string key, string? fallback, string? requiredHint = null)
    {
        var node = Take(key, out var present);
        if (!present)
        {
            if (fallback is null)
            {
                _problems.Error(KeyOf(key), "is required" + (requiredHint is null ? "" : $"; {requiredHint}"));
                return "";
            }
            return fallback;
        }
        if (TryScalarText(node!, out var text)) return text;
        _problems.Error(KeyOf(key), $"expected a string, got {Describe(node!)}");
        return fallback ?? "";
    }

    public string? OptionalString(string key)
    {
        var node = Take(key, out var present);
        if (!present) return null;
        if (TryScalarText(node!, out var text)) return text;
        _problems.Error(KeyOf(key), $"expected a string, got {Describe(node!)}");
        return null;
    }

    /// <summary>One of a fixed set of words; the error lists them.</summary>
    public string Choice(string key, string fallback, params string[] allowed)
    {
        var value = String(key, fallback);
        if (allowed.Contains(value, StringComparer.Ordinal)) return value;
        _problems.Error(KeyOf(key), $"must be one of {string.Join(", ", allowed)} (got '{value}')");
        return fallback;
    }

    public bool Bool(string key, bool fallback)
    {
        var node = Take(key, out var present);
        if (!present) return fallback;
        if (node!.GetValueKind() == JsonValueKind.True) return true;
        if (node.GetValueKind() == JsonValueKind.False) return false;
        if (node.GetValueKind() == JsonValueKind.String)
        {
            var s = node.GetValue<string>();
            if (s == "true") return true;
            if (s == "false") return false;
        }
        _problems.Error(KeyOf(key), $"must be true or false (got {Describe(node)})");
        return fallback;
    }

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = OptionalInt(key, min, max);
        return value ?? fallback;
    }

    public int? OptionalInt(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Take(key, out var present);
        if (!present) return null;
        if (!TryNumber(node!, out var number) || number != decimal.Truncate(number))
        {
            _problems.Error(KeyOf(key), $"expected a whole number, got {Describe(node!)}");
            return null;
        }
        if (number < min || number > max)
        {
            _problems.Error(KeyOf(key), RangeText(min, max, number.ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        return (int)number;
    }

    /// <summary>A number; <paramref name="check"/> says what is allowed ("must be greater than 0").</summary>
    public double Number(string key, double fallback, Func<double, string?>? check = null)
    {
        var node = Take(key, out var present);
        if (!present) return fallback;
        if (!TryNumber(node!, out var number))
        {
            _problems.Error(KeyOf(key), $"expected a number, got {Describe(node!)}");
            return fallback;
        }
        var value = (double)number;
        var complaint = check?.Invoke(value);
        if (complaint is not null)
        {
            _problems.Error(KeyOf(key), $"{complaint} (got {value.ToString("R", CultureInfo.InvariantCulture)})");
            return fallback;
        }
        return value;
    }

    /// <summary>A Kubernetes quantity such as <c>16</c>, <c>500m</c> or <c>64Gi</c>.</summary>
    public Quantity? Quantity(string key, string? fallback)
    {
        var text = fallback is null ? OptionalString(key) : String(key, fallback);
        if (text is null) return null;
        if (Model.Quantity.TryParse(text, out var q)) return q;
        _problems.Error(KeyOf(key), $"must be a Kubernetes quantity such as 500m, 16, 64Gi or 1Ti (got '{text}')");
        return fallback is null ? null : Model.Quantity.Parse(fallback);
    }

    /// <summary><c>auto</c> (size from the estimator) or an explicit storage quantity.</summary>
    public SizeSetting Size(string key)
    {
        var text = String(key, "auto");
        if (text == "auto") return SizeSetting.Auto;
        if (Model.Quantity.TryParse(text, out var q) && q.Value >= 1) return SizeSetting.Explicit(q);
        _problems.Error(KeyOf(key), $"must be auto or a storage size such as 100Gi (got '{text}')");
        return SizeSetting.Auto;
    }

    // ----- collections ---------------------------------------------------------------------

    public IReadOnlyList<string> StringList(string key, IReadOnlyList<string> fallback)
    {
        var node = Take(key, out var present);
        if (!present) return fallback;
        if (node is not JsonArray array)
        {
            _problems.Error(KeyOf(key), $"expected a list, got {Describe(node!)}");
            return fallback;
        }
        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is { } item && TryScalarText(item, out var text)) result.Add(text);
            else _problems.Error($"{KeyOf(key)}[{i}]", $"expected a string, got {Describe(array[i])}");
        }
        return result;
    }

    /// <summary>A map of string to string, in the file's order (callers sort where output must be stable).</summary>
    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var node = Take(key, out var present);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!present) return result;
        if (node is not JsonObject obj)
        {
            _problems.Error(KeyOf(key), $"expected a map of names to values, got {Describe(node!)}");
            return result;
        }
        foreach (var (k, v) in obj)
        {
            if (v is not null && TryScalarText(v, out var text)) result[k] = text;
            else _problems.Error($"{KeyOf(key)}.{k}", $"expected a string, got {Describe(v)}");
        }
        return result;
    }

    public ConfigSection Section(string key)
    {
        var node = Take(key, out var present);
        return new ConfigSection(KeyOf(key), present ? node : null, _problems);
    }

    /// <summary>A list of objects, each read by <paramref name="read"/> (which must call <see cref="Done"/>).</summary>
    public IReadOnlyList<T> List<T>(string key, Func<ConfigSection, T> read)
    {
        var node = Take(key, out var present);
        if (!present) return [];
        if (node is not JsonArray array)
        {
            _problems.Error(KeyOf(key), $"expected a list, got {Describe(node!)}");
            return [];
        }
        var result = new List<T>();
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(read(new ConfigSection($"{KeyOf(key)}[{i}]", array[i] ?? new JsonObject(), _problems)));
        }
        return result;
    }

    /// <summary>Reports every key of this section that was not read: unknown keys are errors.</summary>
    public void Done()
    {
        if (_object is null) return;
        foreach (var (key, _) in _object)
        {
            if (_read.Contains(key)) continue;
            var allowed = string.Join(", ", _read.Order(StringComparer.Ordinal));
            var hint = Suggest(key);
            _problems.Error(KeyOf(key),
                $"unknown key{(hint is null ? "" : $" (did you mean '{hint}'?)")}; allowed here: {allowed}");
        }
    }

    // ----- helpers ---------------------------------------------------------------------------

    private string? Suggest(string unknown) =>
        _read.Select(k => (Key: k, Distance: EditDistance(unknown.ToLowerInvariant(), k.ToLowerInvariant())))
             .Where(x => x.Distance <= Math.Max(2, unknown.Length / 4))
             .OrderBy(x => x.Distance).ThenBy(x => x.Key, StringComparer.Ordinal)
             .Select(x => x.Key)
             .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    private static string RangeText(int min, int max, string got) =>
        (min, max) switch
        {
            (int.MinValue, int.MaxValue) => $"is out of range (got {got})",
            (_, int.MaxValue) => $"must be at least {min} (got {got})",
            (int.MinValue, _) => $"must be at most {max} (got {got})",
            _ => $"must be between {min} and {max} (got {got})",
        };

    private static bool TryScalarText(JsonNode node, out string text)
    {
        text = "";
        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                text = node.GetValue<string>();
                return true;
            case JsonValueKind.Number:
                text = node.ToJsonString();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                return false;
        }
    }

    private static bool TryNumber(JsonNode node, out decimal number)
    {
        number = 0;
        var text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => null,
        };
        return text is not null
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Describes a value for an error message without echoing long or structured content.</summary>
    internal static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "nothing",
        JsonValueKind.Object => "a map",
        JsonValueKind.Array => "a list",
        JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
        JsonValueKind.Number => node.ToJsonString(),
        _ => Quote(node.GetValue<string>()),
    };

    private static string Quote(string s) => s.Length <= 60 ? $"'{s}'" : $"'{s[..57]}...'";
}
