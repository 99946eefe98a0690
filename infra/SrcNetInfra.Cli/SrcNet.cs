using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using SrcNetInfra.Cli.Verbs;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Cli;

/// <summary>
/// The <c>srcnet</c> command line: verbs, usage errors (exit 2, one line naming the flag, with a
/// "did you mean" for a mistyped verb or flag), Ctrl+C (exit 130), and a last line of defence that
/// turns anything unexpected into exit 1 and one line; <c>--debug</c> (or <c>SRCNET_DEBUG=1</c>)
/// adds the stack trace.
/// </summary>
public static class SrcNet
{
    public const string DebugVariable = "SRCNET_DEBUG";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string workingDirectory, CancellationToken cancellation = default)
    {
        var context = new CliContext(output, error, workingDirectory);
        var root = BuildCommand(context);
        // Ctrl+C and SIGTERM cancel the token an action gets; verify stops its calls to the cluster then.
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (args.Length == 0)
        {
            // `srcnet` alone: show what there is to do, as a usage error.
            await root.Parse(["--help"]).InvokeAsync(invocation, cancellation);
            return ExitCodes.UsageOrConfig;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"srcnet: {UserText.Line(e.Message)}{DidYouMean(parse, e)}");
            error.WriteLine($"Run '{string.Join(" ", VerbPath(parse))} --help' for usage.");
            if (parse.CommandResult.Command.Name == VerifyVerb.Name && args.Contains(VerifyVerb.JsonFlag))
                output.Write(VerifyVerb.UsageErrorJson(parse.Errors[0].Message));
            return ExitCodes.UsageOrConfig;
        }
        var debug = parse.GetValue<bool>(DebugFlag) || DebugRequested(Environment.GetEnvironmentVariable(DebugVariable));
        try
        {
            var code = await parse.InvokeAsync(invocation, cancellation);
            if (parse.Action is HelpAction) HelpExamples.Write(output, parse.CommandResult.Command.Name);
            return code;
        }
        catch (UsageException e)
        {
            error.WriteLine($"srcnet: {UserText.Line(e.Message)}");
            return ExitCodes.UsageOrConfig;
        }
        catch (ConfigErrorsReported)
        {
            return ExitCodes.UsageOrConfig;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("srcnet: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"srcnet: {UserText.Line(e.Message)}");
            if (debug) error.WriteLine(e.ToString());
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine($"srcnet: unexpected error ({e.GetType().Name}): {UserText.Line(e.Message)}; this is a bug in srcnet: " +
                            (debug ? "please report it with the command you ran and this trace:" : $"please report it with the command you ran (--debug or {DebugVariable}=1 shows where it happened)"));
            if (debug) error.WriteLine(e.ToString());
            return ExitCodes.Failure;
        }
    }

    /// <summary>Whether the environment variable asks for stack traces: set, and not 0 or false.</summary>
    public static bool DebugRequested(string? variable) =>
        !string.IsNullOrWhiteSpace(variable) && variable.Trim() is not ("0" or "false" or "False" or "FALSE" or "no");

    private const string DebugFlag = "--debug";

    public static Command BuildCommand(CliContext context)
    {
        // A plain Command rather than RootCommand: RootCommand names itself after the executable,
        // which is "testhost" under the test runner and "dotnet" under `dotnet run`.
        var root = new Command("srcnet",
            "Estimate, render, validate, summarise, verify, calibrate and adopt SRCNet AA* workflow environments (one Pulumi stack each).")
        {
            new HelpOption(),
            new VersionOption(),
            new Option<bool>(DebugFlag)
            {
                Description = $"Show the stack trace of an unexpected error (also: {DebugVariable}=1)",
                Recursive = true,
            },
        };
        root.Subcommands.Add(EstimateVerb.Build(context));
        root.Subcommands.Add(RenderVerb.Build(context));
        root.Subcommands.Add(ValidateVerb.Build(context));
        root.Subcommands.Add(VerifyVerb.Build(context));
        root.Subcommands.Add(SummaryVerb.Build(context));
        root.Subcommands.Add(CalibrateVerb.Build(context));
        root.Subcommands.Add(AdoptVerb.Build(context));
        return root;
    }

    /// <summary>" Did you mean 'validate'?" for an error about a token that is near a verb or a flag of the command it reached.</summary>
    private static string DidYouMean(ParseResult parse, ParseError e)
    {
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens.Where(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
        {
            IEnumerable<string> known = token.StartsWith('-')
                ? command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Select(c => c.Name);
            if (KeySuggestion.Nearest(token, known) is { } hint) return $" Did you mean '{hint}'?";
        }
        return "";
    }

    /// <summary>"srcnet render" for a parse that reached the render verb.</summary>
    private static IEnumerable<string> VerbPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult c; r = c.Parent)
            names.Add(c.Command.Name);
        names.Reverse();
        return names;
    }
}
