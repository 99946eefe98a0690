using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Rendering;

/// <summary>
/// Whether a string can be written as a plain (unquoted) YAML scalar and read back as that same
/// string by every reader that matters: YAML 1.1 readers (kubectl and Helm through
/// sigs.k8s.io/yaml, PyYAML, Ruby's Psych) and YAML 1.2 readers (the core schema). A string that
/// any of them would read as a boolean, null, number, timestamp, merge or value key, or that breaks
/// the block structure, is not plain. The rules are a deliberate superset of every reader's: quoting
/// a string that needed none costs two characters; missing one changes a value on the cluster.
/// </summary>
/// <remarks>
/// Sources, read in the readers' code: sigs.k8s.io/yaml goyaml.v2/resolve.go (the YAML 1.1 words
/// y/yes/on/n/no/off and their capitalised forms; underscores removed before Go's
/// <c>strconv.ParseInt(s, 0, 64)</c>, which also takes 0b, 0o, 0x and leading-zero octal; integers too
/// large for 64 bits as big integers; <c>yamlStyleFloat</c> with an unsigned exponent; timestamps
/// <c>2006-1-2</c> with optional time); PyYAML yaml/resolver.py (YAML 1.1's int, float and timestamp
/// expressions with underscores and base-60 <c>190:20:30</c>, <c>=</c> as the value key, which
/// <c>safe_load</c> cannot construct); the YAML 1.1 type repository (floats
/// <c>[-+]?([0-9][0-9_]*)?\.[0-9.]*</c>, so <c>0.34.0</c> is a float there); Psych's scalar scanner
/// (commas inside numbers: <c>1,000</c>).
/// </remarks>
public static partial class PlainScalar
{
    // Compared case-insensitively: a superset of YAML 1.1's booleans and nulls (y, Yes, ON, ~, Null, ...)
    // and YAML 1.2's; no reader treats "yEs" as a boolean, but quoting it costs nothing.
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
        // The merge key and YAML 1.1's value key.
        "<<", "=",
    };

    // After removing '_' (YAML 1.1, Go) and ',' (Psych): decimal integers and every float shape, including
    // YAML 1.1's "1.2.3" and "." and YAML 1.2's "1e3".
    [GeneratedRegex(@"^[-+]?[0-9.]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex Decimal();

    // Binary, octal and hexadecimal integers as YAML 1.1, YAML 1.2 and Go's base prefixes spell them.
    [GeneratedRegex(@"^[-+]?0([bB][01]+|[oO][0-7]+|[xX][0-9a-fA-F]+)$")]
    private static partial Regex Prefixed();

    // YAML 1.1's base-60 integers and floats (190:20:30, 1:30.5), any digit counts.
    [GeneratedRegex(@"^[-+]?[0-9]+(:[0-9]+)+(\.[0-9]*)?$")]
    private static partial Regex Sexagesimal();

    // .inf, -.Inf, .NaN in any case, and the bare words some readers take for them.
    [GeneratedRegex(@"^[-+]?\.?(inf|infinity|nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex InfinityOrNaN();

    // Every YAML 1.1 timestamp starts with a date; Go accepts one-digit months and days.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex Timestamp();

    /// <summary>True when <paramref name="s"/> may be written unquoted and reads back as itself everywhere.</summary>
    public static bool IsSafe(string s) =>
        s.Length > 0
        && !Words.Contains(s)
        && !LooksLikeNumberOrTime(s)
        && KeepsBlockStructure(s)
        && IsPrintableOnOneLine(s);

    /// <summary>Read as a number or a timestamp by some YAML 1.1 or 1.2 reader.</summary>
    public static bool LooksLikeNumberOrTime(string s)
    {
        var digits = s.Contains('_') || s.Contains(',') ? s.Replace("_", "").Replace(",", "") : s;
        return Decimal().IsMatch(digits) || Prefixed().IsMatch(digits) || Sexagesimal().IsMatch(digits)
               || InfinityOrNaN().IsMatch(s) || Timestamp().IsMatch(s);
    }

    /// <summary>
    /// No character that starts or ends a YAML structure where a plain scalar would be read: an
    /// indicator first, a document marker, a comment, a mapping colon, surrounding spaces.
    /// </summary>
    private static bool KeepsBlockStructure(string s)
    {
        var first = s[0];
        // A dash starts a plain scalar only when something other than a space follows ("-c", not "- c" or "-").
        if (first == '-') return s.Length > 1 && s[1] != ' ' && !s.StartsWith("---", StringComparison.Ordinal) && RestIsSafe(s);
        if ("?:,[]{}#&*!|>'\"%@`".Contains(first)) return false;
        if (s.StartsWith("...", StringComparison.Ordinal)) return false;
        return RestIsSafe(s);

        static bool RestIsSafe(string s) =>
            s[0] != ' ' && s[^1] != ' ' && s[^1] != ':'
            && !s.Contains(": ", StringComparison.Ordinal)
            && !s.Contains(" #", StringComparison.Ordinal);
    }

    /// <summary>
    /// Every character printable in YAML 1.1 and 1.2 without being a line break or white space other
    /// than the space: no control characters, no tab, no NEL, line or paragraph separator, no byte
    /// order mark, no lone surrogate. Letters of any script are fine.
    /// </summary>
    public static bool IsPrintableOnOneLine(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsPrintable(c)) return false;
        }
        return true;
    }

    /// <summary>One UTF-16 unit that is a printable character on its own (a surrogate is not).</summary>
    public static bool IsPrintable(char c) =>
        c is >= ' ' and <= '~'
        || (c >= '\u00A0' && c <= '\uFFFD' && c != '\u2028' && c != '\u2029' && c != '\uFEFF' && !char.IsSurrogate(c));
}
