using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Cli;

/// <summary>
/// Writes a set of files into the directory of a flag such as <c>--out</c> so that a reader never
/// sees a half-written one: each is written beside its target and moved into place, and on any
/// failure the temporary files are removed. Everything is rendered before the first byte is
/// written, so a config error leaves the directory untouched. A path that cannot be a directory is
/// a usage error naming the flag, in one line.
/// </summary>
/// <remarks>
/// srcnet removes only what it writes itself: its temporary files, also those a killed run left.
/// Other files in the directory are never deleted; YAML among them is named in a warning, because
/// <c>kubectl apply -f DIR</c> would apply it with the render.
/// </remarks>
public static class OutputDirectory
{
    /// <summary>Writes <paramref name="files"/> (name to text) into <paramref name="given"/>, resolved from <paramref name="workingDirectory"/>.</summary>
    /// <returns>The directory's full path.</returns>
    public static string WriteAll(string flag, string given, string workingDirectory, IReadOnlyList<KeyValuePair<string, string>> files, TextWriter warnings)
    {
        var directory = Usable(flag, given, workingDirectory);
        var names = files.Select(f => f.Key).ToList();
        foreach (var leftover in TemporaryFiles(directory, names)) File.Delete(leftover);
        foreach (var name in names.Where(n => Directory.Exists(Path.Combine(directory, n))))
            throw new UsageException($"{flag}: {UserText.Quote(given, UserText.ShownPath)} holds a directory named {name}, where srcnet writes that file; remove it or choose another directory");
        WarnAboutOthers(flag, given, directory, names, warnings);

        var temporary = new List<string>();
        try
        {
            foreach (var (name, content) in files)
            {
                var path = Path.Combine(directory, TemporaryName(name));
                temporary.Add(path);
                File.WriteAllText(path, content);
            }
            foreach (var (name, _) in files) File.Move(Path.Combine(directory, TemporaryName(name)), Path.Combine(directory, name), overwrite: true);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"{flag}: cannot write into {UserText.Quote(given, UserText.ShownPath)}: permission denied");
        }
        catch (IOException e)
        {
            throw new IOException($"{flag}: cannot write into {UserText.Quote(given, UserText.ShownPath)}: {UserText.Line(e.Message, 200)}", e);
        }
        finally
        {
            foreach (var path in temporary.Where(File.Exists)) File.Delete(path);
        }
        return directory;
    }

    /// <summary>The directory's full path, made if need be; or a usage error that says why it cannot be one.</summary>
    private static string Usable(string flag, string given, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(given))
            throw new UsageException($"{flag}: give a directory; an empty path would write into the current directory");
        string full;
        try
        {
            full = Path.GetFullPath(given, workingDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{flag}: {UserText.Quote(given, UserText.ShownPath)} is not a usable path");
        }
        if (File.Exists(full))
            throw new UsageException($"{flag}: {UserText.Quote(given, UserText.ShownPath)} is a file, not a directory");
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
                throw new UsageException($"{flag}: {UserText.Quote(given, UserText.ShownPath)} is inside {UserText.Quote(parent, UserText.ShownPath)}, which is a file");
        }
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"{flag}: cannot create {UserText.Quote(given, UserText.ShownPath)}: permission denied");
        }
        catch (IOException e)
        {
            throw new UsageException($"{flag}: cannot create {UserText.Quote(given, UserText.ShownPath)}: {UserText.Line(e.Message, 200)}");
        }
        return full;
    }

    private static void WarnAboutOthers(string flag, string given, string directory, IReadOnlyList<string> names, TextWriter warnings)
    {
        var others = Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => !names.Contains(f) && Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (others.Count == 0) return;
        var listed = string.Join(", ", others.Take(5).Select(o => UserText.Show(o))) + (others.Count > 5 ? $" and {others.Count - 5} more" : "");
        warnings.WriteLine($"srcnet: warning: {flag}: {UserText.Quote(given, UserText.ShownPath)} also holds {listed}, which srcnet did not write and leaves as they are; " +
                           "`kubectl apply -f` of the directory would apply them too");
    }

    private static string TemporaryName(string name) => $".{name}.{Environment.ProcessId}.tmp";

    /// <summary>Temporary files of these names, this run's or a killed run's (<c>.NAME.PID.tmp</c>).</summary>
    private static List<string> TemporaryFiles(string directory, IReadOnlyList<string> names) =>
        [.. Directory.EnumerateFiles(directory).Where(path => names.Any(name => IsTemporaryOf(Path.GetFileName(path), name)))];

    private static bool IsTemporaryOf(string file, string name) =>
        file.StartsWith($".{name}.", StringComparison.Ordinal) && file.EndsWith(".tmp", StringComparison.Ordinal)
        && int.TryParse(file[(name.Length + 2)..^4], out _);
}
