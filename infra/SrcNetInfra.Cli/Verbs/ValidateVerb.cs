using System.CommandLine;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet validate</c>: every problem of one stack file or of all of them, at once. Warnings
/// are shown but do not fail; any error exits 2.
/// </summary>
public static class ValidateVerb
{
    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var all = new Option<bool>("--all") { Description = "Validate every stack file: Pulumi.*.yaml at the project root and in stacks/ (the default)" };
        var command = new Command("validate",
            "Check stack files: schema, unknown keys, value ranges, sizes against the estimate and the workload against the quota.");
        source.AddTo(command);
        command.Options.Add(all);

        command.SetAction((parse, cancellation) =>
        {
            var single = source.Resolve(parse, context.WorkingDirectory);
            if (single is not null && parse.GetValue(all))
                throw new UsageException("--all validates every stack; leave out --stack/--config-file, or --all");
            var files = single is not null
                ? [single]
                : StackLocator.FromDirectory(context.WorkingDirectory).All();
            if (files.Count == 0)
                throw new UsageException($"no stack files (Pulumi.*.yaml) in {context.WorkingDirectory} or its stacks/ directory; give --stack or --config-file");

            var failed = 0;
            foreach (var file in files)
            {
                cancellation.ThrowIfCancellationRequested();
                var result = EnvironmentCheck.RunFile(file);
                context.WriteProblems(file, result.Problems);
                if (!result.Ok) failed++;
                context.Out.WriteLine($"{context.Display(file)}: {result.Verdict}");
            }
            return Task.FromResult(failed > 0 ? ExitCodes.UsageOrConfig : ExitCodes.Ok);
        });
        return command;
    }
}
