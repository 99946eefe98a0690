using System.Globalization;
using System.Text;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// How a message shows text that came from a user (a value, a key, a flag's argument): escaped, so
/// that control characters, terminal escapes and bidirectional overrides cannot rewrite the terminal
/// or hide what the file holds, and shortened, so that a 50 MB value is not echoed whole.
/// </summary>
public static class UserText
{
    /// <summary>At most this many characters of a value are shown.</summary>
    public const int Shown = 60;

    /// <summary>At most this many characters of a path are shown: paths are long, and their end matters.</summary>
    public const int ShownPath = 200;

    /// <summary>A value in quotes for a message: <c>'16Gi'</c>, or <c>'aaaa...' (50000000 characters)</c>.</summary>
    public static string Quote(string value, int max = Shown)
    {
        var shown = EscapeUpTo(value, max, out var cut);
        return cut ? $"'{shown}...' ({value.Length} characters)" : $"'{shown}'";
    }

    /// <summary>Text without quotes (a key, a name in a sentence), escaped and shortened like <see cref="Quote"/>.</summary>
    public static string Show(string value, int max = Shown)
    {
        var shown = EscapeUpTo(value, max, out var cut);
        return cut ? $"{shown}... ({value.Length} characters)" : shown;
    }

    /// <summary>
    /// A whole line of text from elsewhere (a library's message that may quote user input): escaped,
    /// and cut at <paramref name="max"/> characters.
    /// </summary>
    public static string Line(string text, int max = 400)
    {
        var shown = EscapeUpTo(text, max, out var cut);
        return cut ? shown + "..." : shown;
    }

    /// <summary>Escaped but not shortened: for whole messages, whose values were shortened already.</summary>
    public static string Escape(string text) => EscapeUpTo(text, int.MaxValue, out _);

    /// <summary>
    /// Escapes every character a terminal would not show as itself: control characters (C0, DEL, C1,
    /// and so ESC of terminal escapes), format characters (bidirectional overrides and isolates,
    /// zero-width spaces and joiners, the byte order mark, soft hyphens), line and paragraph
    /// separators, and lone surrogates, as <c>\uXXXX</c> (<c>\t</c>, <c>\n</c>, <c>\r</c> for those three).
    /// Stops after <paramref name="max"/> characters of output; <paramref name="cut"/> says it did.
    /// </summary>
    private static string EscapeUpTo(string value, int max, out bool cut)
    {
        var output = new StringBuilder(Math.Min(value.Length, max) + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string piece;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                piece = IsInvisible(CharUnicodeInfo.GetUnicodeCategory(value, i))
                    ? $"\\U{char.ConvertToUtf32(c, value[i + 1]):X8}"
                    : value.Substring(i, 2);
                i++;
            }
            else
            {
                piece = c switch
                {
                    '\t' => "\\t",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    _ when char.IsSurrogate(c) || IsInvisible(CharUnicodeInfo.GetUnicodeCategory(c)) => $"\\u{(int)c:X4}",
                    _ => c.ToString(),
                };
            }
            if (output.Length + piece.Length > max)
            {
                cut = true;
                return output.ToString();
            }
            output.Append(piece);
        }
        cut = false;
        return output.ToString();
    }

    private static bool IsInvisible(UnicodeCategory category) => category is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned;
}
