namespace SrcNetInfra.Core.Rendering;

/// <summary>
/// A value as one word of a POSIX shell command line, so a command srcnet prints can be pasted
/// without the shell running any part of a value: plain when it holds only characters no shell
/// treats specially, else in single quotes (inside which nothing is special but the quote itself,
/// written <c>'\''</c>).
/// </summary>
public static class ShellWord
{
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(IsPlain)) return value;
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    // Letters, digits and a few punctuation marks that no POSIX shell expands or splits on.
    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or '%' or '+' or ',';
}
