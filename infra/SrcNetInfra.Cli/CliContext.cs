using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Cli;

/// <summary>Where a verb writes and which directory relative paths start from.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>
    /// Problems as <c>file: error: key: message</c>, one line each, like a compiler's. A problem of
    /// the file itself (its key is the file's path) names it as the user gave it.
    /// </summary>
    public void WriteProblems(string file, IEnumerable<Problem> problems)
    {
        foreach (var p in problems) Error.WriteLine($"{Display(file)}: {(p.Key == file ? p with { Key = Display(file) } : p)}");
    }

    /// <summary>
    /// Reads and checks a stack file. Warnings go to stderr; errors make it a config error (exit 2)
    /// after every one of them has been written.
    /// </summary>
    public CheckedEnvironment Check(string file)
    {
        var result = EnvironmentCheck.RunFile(file);
        WriteProblems(file, result.Problems);
        return result.Environment ?? throw new ConfigErrorsReported($"{Display(file)}: {result.Verdict}");
    }
}

/// <summary>Config errors were already written, one per line; the process exits 2.</summary>
/// <param name="summary">One line for whoever needs it in one (verify's JSON): the file and its verdict.</param>
public sealed class ConfigErrorsReported(string summary) : Exception(summary)
{
    public string Summary { get; } = summary;
}
