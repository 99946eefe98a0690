using System.CommandLine;
using System.Text.RegularExpressions;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet render</c>: exactly what a stack deploys, offline. To stdout as one multi-document
/// YAML for <c>kubectl apply -f -</c>, or into a directory with the ingestor's Helm values.
/// </summary>
public static partial class RenderVerb
{
    [GeneratedRegex("^[0-9a-f]{8}$")]
    private static partial Regex RunIdPattern();

    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var outDir = new Option<string?>("--out")
        {
            Description = $"Write {Manifests.ManifestsFileName}, {Manifests.ValuesFileName} and {Manifests.ReleaseFileName} into DIR instead of printing the manifests",
            HelpName = "DIR",
        };
        var runId = new Option<string?>("--run-id")
        {
            Description = "A Job's run id (8 hex digits, the stack output runId) to render a deployed run exactly; default: derived from the run's inputs",
            HelpName = "HEX",
        };
        var command = new Command("render",
            "Render every Kubernetes object a stack deploys, and the ingestor's Helm release, without a cluster or Pulumi.");
        source.AddTo(command);
        command.Options.Add(outDir);
        command.Options.Add(runId);

        command.SetAction((parse, cancellation) =>
        {
            var id = parse.GetValue(runId);
            if (id is not null && !RunIdPattern().IsMatch(id))
                throw new UsageException($"--run-id: must be 8 lower-case hex digits such as 1a2b3c4d (got {Core.Config.UserText.Quote(id)})");
            var dir = parse.GetValue(outDir);
            if (dir is not null && string.IsNullOrWhiteSpace(dir))
                throw new UsageException("--out: give a directory; an empty path would write into the current directory");
            var file = source.Require(parse, context.WorkingDirectory);
            var env = context.Check(file);
            if (id is not null && env.Spec.Workflow.Mode == Core.Model.WorkflowMode.CronJob)
                throw new UsageException("--run-id: only applies to a stack whose srcnet:workflow.mode is job or campaign");

            var files = RenderedFiles.For(Planner.Plan(env, id));
            if (dir is null)
            {
                context.Out.Write(files.Single(f => f.Key == Manifests.ManifestsFileName).Value);
                return Task.FromResult(ExitCodes.Ok);
            }

            var target = OutputDirectory.WriteAll("--out", dir, context.WorkingDirectory, files, context.Error);
            context.Error.WriteLine($"wrote {Manifests.ManifestsFileName}, {Manifests.ValuesFileName}, {Manifests.ReleaseFileName} to {context.Display(target)}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
