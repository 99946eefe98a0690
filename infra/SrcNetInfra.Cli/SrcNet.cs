using System.CommandLine;
using System.CommandLine.Help;
using SrcNetInfra.Cli.Verbs;

namespace SrcNetInfra.Cli;

/// <summary>
/// The <c>srcnet</c> command line: verbs, usage errors (exit 2, one line naming the flag) and a
/// last line of defence that turns anything unexpected into exit 1 without a stack trace.
/// </summary>
public static class SrcNet
{
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        var context = new CliContext(output, error, workingDirectory);
        var root = BuildCommand(context);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (args.Length == 0)
        {
            // `srcnet` alone: show what there is to do, as a usage error.
            root.Parse(["--help"]).Invoke(invocation);
            return ExitCodes.UsageOrConfig;
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"srcnet: {e.Message}");
                error.WriteLine($"Run '{string.Join(" ", VerbPath(parse))} --help' for usage.");
            return ExitCodes.UsageOrConfig;
        }
        try
        {
            var code = parse.Invoke(invocation);
            if (parse.Action is HelpAction) HelpExamples.Write(output, parse.CommandResult.Command.Name);
            return code;
        }
        catch (UsageException e)
        {
            error.WriteLine($"srcnet: {e.Message}");
            return ExitCodes.UsageOrConfig;
        }
        catch (ConfigErrorsReported)
        {
            return ExitCodes.UsageOrConfig;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"srcnet: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine($"srcnet: unexpected error ({e.GetType().Name}): {e.Message}");
            error.WriteLine("This is a bug in srcnet; please report it with the command you ran.");
            return ExitCodes.Failure;
        }
    }

    public static Command BuildCommand(CliContext context)
    {
        // A plain Command rather than RootCommand: RootCommand names itself after the executable,
        // which is "testhost" under the test runner and "dotnet" under `dotnet run`.
        var root = new Command("srcnet",
            "Sizing, offline rendering and validation for SRCNet AA* workflow environments (one Pulumi stack each).")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(EstimateVerb.Build(context));
        root.Subcommands.Add(RenderVerb.Build(context));
        root.Subcommands.Add(ValidateVerb.Build(context));
        root.Subcommands.Add(VerifyVerb.Build(context));
        root.Subcommands.Add(SummaryVerb.Build(context));
        root.Subcommands.Add(AdoptVerb.Build(context));
        return root;
    }

    /// <summary>"srcnet render" for a parse that reached the render verb.</summary>
    private static IEnumerable<string> VerbPath(ParseResult parse)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = parse.CommandResult; r is System.CommandLine.Parsing.CommandResult c; r = c.Parent)
            names.Add(c.Command.Name);
        names.Reverse();
        return names;
    }
}
