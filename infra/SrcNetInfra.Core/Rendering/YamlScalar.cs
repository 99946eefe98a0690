using System.Globalization;
using System.Text;

namespace SrcNetInfra.Core.Rendering;

/// <summary>
/// Writes one scalar so that YAML 1.1 and 1.2 readers read back exactly the value given: a string
/// plain when <see cref="PlainScalar.IsSafe"/> allows it, else in single quotes (no escapes to get
/// wrong), else in double quotes with escapes (control characters, tabs, line separators, a byte
/// order mark). A multi-line string is a literal block (<c>|</c>) when that reads back exactly,
/// trailing newlines and indentation included, and double-quoted otherwise.
/// </summary>
public static class YamlScalar
{
    /// <summary>
    /// YAML limits an implicit key to 1024 characters (YAML 1.2 §7.4; PyYAML and go-yaml enforce
    /// it); no Kubernetes name or label key comes near it.
    /// </summary>
    public const int MaxKeyLength = 1024;

    /// <summary>A map key: plain, single- or double-quoted, always on one line.</summary>
    public static void AppendKey(StringBuilder yaml, string key)
    {
        var start = yaml.Length;
        AppendFlow(yaml, key);
        if (yaml.Length - start > MaxKeyLength)
            throw new ArgumentException($"a map key of {key.Length} characters is longer than YAML allows for a key ({MaxKeyLength})", nameof(key));
    }

    /// <summary>
    /// A value after <c>key: </c> or <c>- </c>. A literal block's lines are indented by
    /// <paramref name="blockIndent"/> spaces. Ends without a newline, except a literal block, which
    /// ends with its last line's newline.
    /// </summary>
    /// <returns>True when a newline was written (a literal block).</returns>
    public static bool AppendValue(StringBuilder yaml, object value, int blockIndent)
    {
        switch (value)
        {
            case string s when IsLiteralSafe(s):
                AppendLiteral(yaml, s, blockIndent);
                return true;
            case string s:
                AppendFlow(yaml, s);
                return false;
            case bool b:
                yaml.Append(b ? "true" : "false");
                return false;
            case int or long:
                yaml.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                return false;
            case double d:
                yaml.Append(Float(d));
                return false;
            default:
                throw new NotSupportedException($"no YAML scalar for a value of type {value.GetType()}");
        }
    }

    private static void AppendFlow(StringBuilder yaml, string s)
    {
        if (HasLoneSurrogate(s))
            throw new ArgumentException("a string with an unpaired UTF-16 surrogate cannot be written as UTF-8 YAML");
        if (PlainScalar.IsSafe(s)) yaml.Append(s);
        else if (PlainScalar.IsPrintableOnOneLine(s)) yaml.Append('\'').Append(s.Replace("'", "''")).Append('\'');
        else AppendDoubleQuoted(yaml, s);
    }

    /// <summary>
    /// A literal block reads back exactly when every line is printable without tabs, no line ends in a
    /// space, and the first line with text does not start with one (it would set the indentation).
    /// </summary>
    private static bool IsLiteralSafe(string s)
    {
        if (!s.Contains('\n')) return false;
        var lines = s.Split('\n');
        var firstText = Array.Find(lines, l => l.Length > 0);
        if (firstText is null || firstText[0] == ' ') return false;
        return lines.All(l => (l.Length == 0 || l[^1] != ' ') && PlainScalar.IsPrintableOnOneLine(l));
    }

    private static void AppendLiteral(StringBuilder yaml, string s, int indent)
    {
        // Clip (|) keeps one final newline, strip (|-) none, keep (|+) all of them.
        var trailing = s.Length - s.TrimEnd('\n').Length;
        yaml.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" }).Append('\n');
        var body = trailing == 0 ? s : s[..^1];
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0) yaml.Append(' ', indent).Append(line);
            yaml.Append('\n');
        }
    }

    private static void AppendDoubleQuoted(StringBuilder yaml, string s)
    {
        yaml.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c))
            {
                // A pair is one printable character beyond the BMP (HasLoneSurrogate ruled out the rest).
                yaml.Append(c).Append(s[++i]);
                continue;
            }
            switch (c)
            {
                case '"': yaml.Append("\\\""); break;
                case '\\': yaml.Append("\\\\"); break;
                case '\n': yaml.Append("\\n"); break;
                case '\t': yaml.Append("\\t"); break;
                case '\r': yaml.Append("\\r"); break;
                case '\0': yaml.Append("\\0"); break;
                default:
                    if (PlainScalar.IsPrintable(c)) yaml.Append(c);
                    else if (c <= '\u00FF') yaml.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else yaml.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        yaml.Append('"');
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    /// <summary>
    /// A float every reader reads as one: YAML 1.1 (PyYAML) needs a dot in the mantissa and a signed
    /// exponent (<c>1.0e+20</c>, not <c>1E+20</c>, which it reads as a string).
    /// </summary>
    private static string Float(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsPositiveInfinity(d)) return ".inf";
        if (double.IsNegativeInfinity(d)) return "-.inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var mantissa = e < 0 ? text : text[..e];
        if (!mantissa.Contains('.')) mantissa += ".0";
        return e < 0 ? mantissa : mantissa + "e" + text[(e + 1)..];
    }
}
