using System.CommandLine;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet summary</c>: one stack at a glance for a reviewer: valid or not, what it deploys,
/// the estimate, and with <c>--base-render</c> what changes against another branch's render.
/// The pull-request workflow posts it as a comment.
/// </summary>
public static class SummaryVerb
{
    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var markdown = new Option<bool>("--markdown") { Description = "Write Markdown (for a pull-request comment) instead of plain text" };
        var baseRender = new Option<string?>("--base-render")
        {
            Description = "A directory written by `srcnet render --out` on the base branch: adds the diff of the rendered files against it",
            HelpName = "DIR",
        };
        var command = new Command("summary",
            "Summarise a stack for review: validity, workload, estimate, and (with --base-render) the rendered diff against a base branch. " +
            "Exits 2 when the stack has errors, after printing them in the summary.");
        source.AddTo(command);
        command.Options.Add(markdown);
        command.Options.Add(baseRender);

        command.SetAction((parse, cancellation) =>
        {
            var file = source.Require(parse, context.WorkingDirectory);
            var given = parse.GetValue(baseRender);
            if (given is not null && string.IsNullOrWhiteSpace(given))
                throw new UsageException("--base-render: give the directory `srcnet render --out` wrote; an empty path would compare with the current directory");
            var baseDir = given is null ? null : Path.GetFullPath(given, context.WorkingDirectory);
            if (baseDir is not null && File.Exists(baseDir))
                throw new UsageException($"--base-render: {Core.Config.UserText.Quote(given!, Core.Config.UserText.ShownPath)} is a file; give the directory `srcnet render --out` wrote");

            var check = EnvironmentCheck.RunFile(file);
            var plan = check.Environment is { } env ? Planner.Plan(env) : null;
            var changes = plan is not null && baseDir is not null ? RenderChanges.Against(baseDir, plan) : null;
            var summary = new StackSummary(Core.Config.StackFile.StackNameOf(file), context.Display(file), check, plan, changes);
            context.Out.Write(parse.GetValue(markdown) ? summary.ToMarkdown() : summary.ToText());
            return Task.FromResult(check.Ok ? ExitCodes.Ok : ExitCodes.UsageOrConfig);
        });
        return command;
    }
}
