namespace SrcNetInfra.Cli;

/// <summary>
/// Writes one file so that a reader never sees half of it: the text goes to a temporary file beside
/// the target, which is then moved over it; on any failure the temporary file is removed.
/// (<see cref="OutputDirectory"/> does the same for a set of files in a directory.)
/// </summary>
public static class WholeFile
{
    /// <param name="overwrite">Replace a file already at <paramref name="path"/>; without it, one that appeared meanwhile makes the move fail.</param>
    public static void Write(string path, string text, bool overwrite)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
