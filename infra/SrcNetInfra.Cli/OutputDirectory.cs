namespace SrcNetInfra.Cli;

/// <summary>
/// Writes a set of files so that a reader never sees a half-written one: each is written beside
/// its target and moved into place. Everything is rendered before the first byte is written, so a
/// config error leaves the directory untouched.
/// </summary>
public static class OutputDirectory
{
    public static void WriteAll(string directory, IEnumerable<KeyValuePair<string, string>> files)
    {
        if (File.Exists(directory)) throw new UsageException($"--out: {directory} is a file, not a directory");
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in files)
        {
            var target = Path.Combine(directory, name);
            var temporary = Path.Combine(directory, $".{name}.{Environment.ProcessId}.tmp");
            File.WriteAllText(temporary, content);
            File.Move(temporary, target, overwrite: true);
        }
    }
}
