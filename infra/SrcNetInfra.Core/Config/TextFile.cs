using System.Text;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Reads a small text file that a user names (a stack file, a file of a base render) within limits,
/// so that whatever the path holds, the answer is quick: a device such as <c>/dev/zero</c> or a FIFO
/// is refused before it is opened, at most <c>limit</c> bytes are read, and bytes that are not
/// UTF-8 text, or characters YAML does not allow, are refused with where they are.
/// </summary>
public static class TextFile
{
    /// <summary>The most a stack file may hold: real ones are a few KiB.</summary>
    public const int StackFileLimit = 1024 * 1024;

    /// <summary>
    /// The file's text, without a leading byte order mark; or null, and a reason that reads after
    /// the file's name ("is larger than 1 MiB ...").
    /// </summary>
    public static string? Read(string path, int limit, out string? problem)
    {
        problem = null;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            problem = "is a directory, not a file";
            return null;
        }
        if (!File.Exists(full))
        {
            problem = "no such file";
            return null;
        }
        if (FileKind.IsRegular(full) == false)
        {
            problem = "is not a regular file (a device, a pipe or a socket), so it is not read; name the file itself";
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = ReadAtMost(full, limit + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {UserText.Line(e.Message)}";
            return null;
        }
        if (bytes.Length > limit)
        {
            problem = $"is larger than {Describe(limit)}, the most srcnet reads from such a file; is it the right file?";
            return null;
        }

        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index}" : "";
            var value = e.BytesUnknown is { Length: > 0 } unknown ? $" (0x{unknown[0]:X2})" : "";
            problem = $"is not UTF-8 text: an invalid byte{value}{at}";
            return null;
        }
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (FirstNonPrintable(text) is { } bad)
        {
            problem = $"holds the control character U+{(int)text[bad.Index]:X4} (line {bad.Line}, column {bad.Column}); " +
                      "YAML allows only printable characters, tabs and line breaks";
            return null;
        }
        return text;
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static byte[] ReadAtMost(string path, int count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(count, 64 * 1024)];
        using var content = new MemoryStream();
        while (content.Length < count)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count - content.Length));
            if (read == 0) break;
            content.Write(buffer, 0, read);
        }
        return content.ToArray();
    }

    /// <summary>
    /// The first character outside YAML's printable set (YAML 1.2, 5.1: tab, line breaks, and
    /// everything from space up but DEL, the C1 controls other than NEL, and U+FFFE/U+FFFF).
    /// Pulumi's YAML reader refuses them too ("control characters are not allowed").
    /// </summary>
    private static (int Index, int Line, int Column)? FirstNonPrintable(string text)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var printable = c is '\t' or '\n' or '\r' or '\u0085'
                || (c >= ' ' && c != '\u007F' && (c < '\u0080' || c > '\u009F') && c != '\uFFFE' && c != '\uFFFF');
            if (!printable) return (i, line, column);
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(c))
            {
                column++;
            }
        }
        return null;
    }

    private static string Describe(int bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB"
        : bytes % 1024 == 0 ? $"{bytes / 1024} KiB"
        : $"{bytes} bytes";
}
