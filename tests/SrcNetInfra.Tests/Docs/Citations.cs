using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SrcNetInfra.Tests.Docs;

/// <summary>
/// Finds citations of the repository's documents that lead nowhere. A citation is
/// <c>docs/NAME.md</c> or <c>docs/NAME.md#ANCHOR</c> anywhere in a text file (resolved from the
/// repository root), or a relative Markdown link <c>[text](PATH)</c>, <c>(PATH#ANCHOR)</c>,
/// <c>(#ANCHOR)</c> in a Markdown file (resolved from that file's directory). An anchor must be
/// the GitHub slug of a heading of the cited document, so that the link works on GitHub and a
/// reader finds the cited fact.
/// </summary>
public sealed partial class Citations(string root)
{
    /// <summary>Entries that hold build output or tool state, not the project's text (<c>.git</c> is a file in a worktree).</summary>
    private static readonly HashSet<string> Skipped =
        new(StringComparer.Ordinal) { ".git", "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", "out", "node_modules", ".vs", ".idea" };

    /// <summary>This checker's own directory: its tests hold broken citations on purpose.</summary>
    public const string OwnDirectory = "tests/SrcNetInfra.Tests/Docs/";

    private readonly Dictionary<string, HashSet<string>> anchorsByDocument = new(StringComparer.Ordinal);

    /// <summary>
    /// Every text file under the root but this checker's own, as paths relative to the root with
    /// '/' separators, in a fixed order.
    /// </summary>
    public IEnumerable<string> TextFiles()
    {
        var pending = new Stack<string>([root]);
        var files = new List<string>();
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
                if (!Skipped.Contains(Path.GetFileName(sub))) pending.Push(sub);
            files.AddRange(Directory.EnumerateFiles(dir).Where(f => !Skipped.Contains(Path.GetFileName(f)) && IsText(f)));
        }
        return files
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(OwnDirectory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(root, relativePath));

    /// <summary>One line per citation in <paramref name="text"/> whose document or heading does not exist.</summary>
    public IReadOnlyList<string> Broken(string relativePath, string text) =>
        [.. Cited(relativePath, text)
            .Select(c => (c, Problem: Check(c)))
            .Where(x => x.Problem is not null)
            .Select(x => $"{relativePath}:{x.c.Line}: {x.c.Text}: {x.Problem}")
            .Distinct()];

    /// <summary>
    /// One line per mention of the team's notes that live outside the repository: the domain
    /// facts and design notes, or the shared directory they sit in. A reader of the repository
    /// cannot open them; the facts belong in docs/.
    /// </summary>
    public static IReadOnlyList<string> OutsideNotes(string relativePath, string text) =>
        [.. OutsideNote().Matches(text).Select(m => $"{relativePath}:{LineOf(text, m.Index)}: {m.Value}")];

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, each space a '-'.</summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, "$1").Replace("`", "").Replace("*", "");
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (c == ' ') slug.Append('-');
            else if (c is '-' or '_' || char.IsLetterOrDigit(c)) slug.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                slug.Append(c);
        }
        return slug.ToString();
    }

    /// <summary>The anchors of a Markdown document's headings, with GitHub's -1, -2 suffixes for repeated headings.</summary>
    public static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (Fence().IsMatch(line)) { inFence = !inFence; continue; }
            if (inFence) continue;
            var heading = Heading().Match(line.TrimEnd('\r'));
            if (!heading.Success) continue;
            var slug = Slug(heading.Groups["text"].Value);
            var unique = slug;
            for (var n = 1; anchors.Contains(unique); n++) unique = $"{slug}-{n}";
            anchors.Add(unique);
        }
        return anchors;
    }

    /// <summary>A citation: where it is, as written, the document it resolves to (from the root) and its anchor.</summary>
    private sealed record Citation(int Line, string Text, string Document, string? Anchor);

    private string? Check(Citation c)
    {
        if (c.Document.StartsWith("../", StringComparison.Ordinal)) return "points outside the repository";
        var full = Path.Combine(root, c.Document);
        if (!File.Exists(full) && !Directory.Exists(full)) return "no such file";
        if (c.Anchor is null) return null;
        if (!c.Document.EndsWith(".md", StringComparison.Ordinal)) return "an anchor into a file that is not Markdown";
        if (!anchorsByDocument.TryGetValue(c.Document, out var anchors))
            anchorsByDocument[c.Document] = anchors = Anchors(File.ReadAllText(full));
        return anchors.Contains(c.Anchor) ? null : $"no heading with anchor #{c.Anchor} in {c.Document}";
    }

    private static IEnumerable<Citation> Cited(string relativePath, string text)
    {
        var prose = text;
        if (relativePath.EndsWith(".md", StringComparison.Ordinal))
        {
            var directory = Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? "";
            foreach (Match m in MarkdownLink().Matches(text))
            {
                var target = m.Groups["target"].Value;
                if (UriScheme().IsMatch(target)) continue;
                var (path, anchor) = Split(target);
                yield return new Citation(LineOf(text, m.Index), target, path.Length == 0 ? relativePath : Normalize(directory, path), anchor);
            }
            // What is left outside links, e.g. `docs/verify.md` in a code span, cites from the root.
            prose = MarkdownLink().Replace(text, l => new string(' ', l.Length));
        }
        foreach (Match m in DocsCitation().Matches(prose))
        {
            var (path, anchor) = Split(m.Value);
            yield return new Citation(LineOf(text, m.Index), m.Value, path, anchor);
        }
    }

    private static (string Path, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#');
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }

    private static string Normalize(string directory, string relative)
    {
        var parts = new List<string>(directory.Length == 0 ? [] : directory.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static bool IsText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Array.IndexOf(bytes, (byte)0) < 0;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_./-])docs/[A-Za-z0-9_.-]+\.md(?:#[A-Za-z0-9_-]+)?")]
    private static partial Regex DocsCitation();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<!docs/)\b(?:FACTS|DESIGN)\.md\b|\.\./shared\b")]
    private static partial Regex OutsideNote();
}
