using System.Text;
using System.Text.RegularExpressions;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>One message the program (or the SDK for it) logged, with its level (ERR, WRN, INF, DBG, VRB).</summary>
public sealed record LogLine(string Level, string Message);

/// <summary>
/// Everything a run logs. The SDK writes every Log.Error/Warn/Info/Debug message to its own logger,
/// synchronously, before it sends it to the engine (sdk/Pulumi/Deployment/Deployment.EngineLogger.cs:
/// <c>_deploymentLogger.LogWarning(message)</c>, then <c>LogImplAsync</c>), and that logger writes to the
/// console at every level when PULUMI_DOTNET_LOG_VERBOSE is set (Deployment.cs, CreateDefaultLogger,
/// Serilog's console sink with its default template "[HH:mm:ss LVL] message"). The mock engine keeps
/// only errors, and those only as they arrive; the console has them all, in order.
/// </summary>
public sealed partial class LogCapture : IDisposable
{
    private const string VerboseVariable = "PULUMI_DOTNET_LOG_VERBOSE";
    private readonly TextWriter _console;
    private readonly string? _verbose;
    private readonly StringWriter _text = new(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
    private readonly TextWriter _synchronized;

    public LogCapture()
    {
        _console = Console.Out;
        _verbose = Environment.GetEnvironmentVariable(VerboseVariable);
        Environment.SetEnvironmentVariable(VerboseVariable, "1");
        _synchronized = TextWriter.Synchronized(_text);
        Console.SetOut(_synchronized);
    }

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d (?<level>[A-Z]{3})\] ?(?<message>.*)$")]
    private static partial Regex Head();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();

    /// <summary>The lines logged so far; a line without the head continues the message before it.</summary>
    public IReadOnlyList<LogLine> Lines()
    {
        string text;
        // The SDK may still be logging from its own tasks; a synchronized writer locks on itself.
        lock (_synchronized) text = _text.ToString();
        var lines = new List<LogLine>();
        foreach (var raw in Ansi().Replace(text, "").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var head = Head().Match(line);
            if (head.Success) lines.Add(new LogLine(head.Groups["level"].Value, head.Groups["message"].Value));
            else if (lines.Count > 0 && line.Length > 0) lines[^1] = lines[^1] with { Message = lines[^1].Message + "\n" + line };
        }
        return lines;
    }

    public void Dispose()
    {
        Console.SetOut(_console);
        Environment.SetEnvironmentVariable(VerboseVariable, _verbose);
        // The writer is not disposed: a late log line from the SDK's tasks may still hold it.
    }
}
