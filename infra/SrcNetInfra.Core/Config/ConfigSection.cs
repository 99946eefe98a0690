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
    private readonly JsonNode? _node;
    private readonly Problems _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ConfigSection(string path, JsonNode? node, Problems problems)
    {
        Path = path;
        _problems = problems;
        _node = node;
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


    public bool Has(string key) => _object?.ContainsKey(key) == true;

    /// <summary>
    /// Set, but not an object of keys (a number, a list, a secret): its error is reported, and a
    /// reader that needs its keys has nothing more to say (no "is required" for each of them).
    /// </summary>
    public bool IsMalformed => _node is not null && _object is null;

    /// <summary>
    /// Counts <paramref name="key"/> as a key of this section without reading it, so that
    /// <see cref="Done"/> lists it among the allowed keys (for keys read only when present).
    /// </summary>
    public void Allow(string key) => _read.Add(key);

    /// <summary>
    /// The items of a list as they are, each with its full key (<c>key[i]</c>), for values that
    /// are read one by one; null when the key is unset or (with an error) not a list.
    /// </summary>
    public IReadOnlyList<(string Key, JsonNode? Node)>? Items(string key)
    {
        var node = Take(key, out var present);
        if (!present) return null;
        if (node is not JsonArray array)
        {
            _problems.Error(KeyOf(key), $"expected a list, got {Describe(node!)}");
            return null;
        }
        return [.. array.Select((item, i) => ($"{KeyOf(key)}[{i}]", item))];
    }

    public string KeyOf(string key) => $"{Path}.{key}";

    internal const string SecretNotAllowed =
        "is a Pulumi secret, but this key takes a plain value; only srcnet:oidcClientId and srcnet:oidcClientSecret may be secrets";

    /// <summary>Pulumi writes <c>pulumi config set --secret</c> values as <c>{secure: ciphertext}</c>.</summary>
    public static bool IsPulumiSecret(JsonNode? node) =>
        node is JsonObject o && o.Count == 1 && o.ContainsKey("secure");

    private JsonNode? Take(string key, out bool present) => Take(key, out present, out _);

    /// <param name="rejected">True when the key is set but its value was already reported (a secret).</param>
    private JsonNode? Take(string key, out bool present, out bool rejected)
    {
        _read.Add(key);
        rejected = false;
        present = _object is not null && _object.TryGetPropertyValue(key, out _);
        if (!present) return null;
        var node = _object![key];
        if (node is null) present = false; // `key:` with nothing after it, or `key: null`, means "use the default"
        if (IsPulumiSecret(node))
        {
            _problems.Error(KeyOf(key), SecretNotAllowed);
            present = false;
            rejected = true;
            return null;
        }
        return node;
    }


    // ----- scalars ------------------------------------------------------------------------

    /// <summary>A string, or <paramref name="fallback"/> when unset. With a null fallback the key is required.</summary>
    public string String(string key, string? fallback, string? requiredHint = null)
    {
        var node = Take(key, out var present, out var rejected);
        if (!present)
        {
            if (fallback is null)
            {
                if (!rejected) _problems.Error(KeyOf(key), "is required" + (requiredHint is null ? "" : $"; {requiredHint}"));
                return "";
            }
            return fallback;
        }
        if (TryText(key, node!, out var text))
        {
            // A required value left empty (`tag: ""`) is as missing as one left out.
            if (fallback is null && string.IsNullOrWhiteSpace(text))
                _problems.Error(KeyOf(key), "is required and must not be empty" + (requiredHint is null ? "" : $"; {requiredHint}"));
            return text;
        }
        _problems.Error(KeyOf(key), $"expected a string, got {Describe(node!)}");
        return fallback ?? "";
    }

    public string? OptionalString(string key)
    {
        var node = Take(key, out var present);
        if (!present) return null;
        if (TryText(key, node!, out var text)) return text;
        _problems.Error(KeyOf(key), $"expected a string, got {Describe(node!)}");
        return null;
    }

    /// <summary>One of a fixed set of words; the error lists them.</summary>
    public string Choice(string key, string fallback, params string[] allowed)
    {
        var value = String(key, fallback);
        if (allowed.Contains(value, StringComparer.Ordinal)) return value;
        _problems.Error(KeyOf(key), $"must be one of {string.Join(", ", allowed)} (got {UserText.Quote(value)})");
        return fallback;
    }

    /// <summary>One word of an enum's table; the error lists the words.</summary>
    public T Choice<T>(string key, T fallback, Words<T> words) where T : struct, Enum
    {
        var text = String(key, words.Of(fallback));
        if (words.TryRead(text, out var value)) return value;
        _problems.Error(KeyOf(key), $"must be one of {string.Join(", ", words.All)} (got {UserText.Quote(text)})");
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

    /// <summary>A declared whole-number setting: its key, default and bounds.</summary>
    public int Int(WholeNumberSetting setting) => Int(setting.Key, setting.Default, setting.Min, setting.Max);

    /// <summary>A declared number setting: its key, default and rule.</summary>
    public double Number(NumberSetting setting) => Number(setting.Key, setting.Default, setting.Check);

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
        if (number < int.MinValue || number > int.MaxValue)
        {
            _problems.Error(KeyOf(key), $"is too large for a whole number here (got {number.ToString(CultureInfo.InvariantCulture)}; at most {max})");
            return null;
        }
        if (number < min || number > max)
        {
            _problems.Error(KeyOf(key), $"{WholeNumberSetting.Bounds(min, max)} (got {number.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }
        return (int)number;
    }

    /// <summary>
    /// A whole number, or the word <paramref name="word"/> (such as <c>auto</c>); (null, false) when unset.
    /// The error for anything else names both.
    /// </summary>
    public (int? Number, bool IsWord) OptionalIntOrWord(string key, string word, int min = int.MinValue, int max = int.MaxValue)
    {
        if (_object?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == word)
        {
            Take(key, out _);
            return (null, true);
        }
        if (_object?[key] is JsonValue s && s.GetValueKind() == JsonValueKind.String && !TryNumber(s, out _))
        {
            Take(key, out _);
            _problems.Error(KeyOf(key), $"must be a whole number or {word} (got {Describe(s)})");
            return (null, false);
        }
        return (OptionalInt(key, min, max), false);
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
        _problems.Error(KeyOf(key), $"must be a Kubernetes quantity such as 500m, 16, 64Gi or 1Ti (got {UserText.Quote(text)})");
        return fallback is null ? null : Model.Quantity.Parse(fallback);
    }

    /// <summary><c>auto</c> (size from the estimator) or an explicit storage quantity.</summary>
    public SizeSetting Size(string key)
    {
        var text = String(key, "auto");
        if (text == "auto") return SizeSetting.Auto;
        // A size is compared with byte counts: it must be whole bytes that fit in a long (the storage
        // parser rounds up and refuses more), as well as a Kubernetes quantity.
        if (Estimation.StorageRequest.TryParseBytes(text, out _) && Model.Quantity.TryParse(text, out var q) && q.Value >= 1)
            return SizeSetting.Explicit(q);
        _problems.Error(KeyOf(key), $"must be auto or a storage size such as 100Gi (got {UserText.Quote(text)})");
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
            else _problems.Error($"{KeyOf(key)}.{UserText.Show(k)}", $"expected a string, got {Describe(v)}");
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
            var hint = KeySuggestion.Nearest(key, _read);
            _problems.Error(KeyOf(UserText.Show(key)),
                $"unknown key{(hint is null ? "" : $" (did you mean '{hint}'?)")}; allowed here: {allowed}");
        }
    }

    // ----- helpers ---------------------------------------------------------------------------

    /// <summary>
    /// A scalar read as text. A number is taken as Pulumi hands it to a program, which reads YAML
    /// into Go values and writes them back as JSON: <c>tag: 1.10</c> arrives as 1.1, <c>2.0</c> as 2.
    /// The CLI takes the same value (so render shows what deploys) and says so when the text changed.
    /// </summary>
    private bool TryText(string key, JsonNode node, out string text)
    {
        if (!TryScalarText(node, out text)) return false;
        if (node.GetValueKind() == JsonValueKind.Number && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var pulumi = PulumiNumberText(number);
            if (pulumi != text)
            {
                _problems.Warning(KeyOf(key),
                    $"YAML reads {text} as a number, which Pulumi passes on as {pulumi}; quote it (\"{text}\") to keep the text");
                text = pulumi;
            }
        }
        return true;
    }

    /// <summary>
    /// How Go's encoding/json writes a float64: the shortest form that reads back, in plain notation
    /// from 1e-6 up to 1e21 and with an exponent outside that range.
    /// </summary>
    private static string PulumiNumberText(decimal number)
    {
        var value = (double)number;
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        return magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21)
            ? decimal.Parse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : shortest.Replace("E", "e", StringComparison.Ordinal);
    }

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
        JsonValueKind.Number => UserText.Show(node.ToJsonString()),
        _ => UserText.Quote(node.GetValue<string>()),
    };
}
