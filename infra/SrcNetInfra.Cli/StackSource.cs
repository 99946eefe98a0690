using System.CommandLine;
using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Cli;

/// <summary>
/// <c>--stack NAME</c> or <c>--config-file PATH</c>: which stack file a verb reads. A stack name is
/// looked up as <c>Pulumi.NAME.yaml</c> at the project root, then in <c>stacks/</c>.
/// </summary>
public sealed class StackSource
{
    public Option<string?> Stack { get; } = new("--stack")
    {
        Description = "Stack name: reads Pulumi.NAME.yaml at the project root, else stacks/Pulumi.NAME.yaml",
        HelpName = "NAME",
    };

    public Option<string?> ConfigFile { get; } = new("--config-file")
    {
        Description = "Path of a Pulumi stack file to read instead of a named stack",
        HelpName = "PATH",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Stack);
        command.Options.Add(ConfigFile);
    }

    /// <summary>The stack file's path, or null when neither flag is given.</summary>
    public string? Resolve(ParseResult parse, string workingDirectory)
    {
        var stack = parse.GetValue(Stack);
        var file = parse.GetValue(ConfigFile);
        if (stack is not null && file is not null)
            throw new UsageException("--stack and --config-file name the same thing; give one of them");
        if (file is not null)
        {
            var path = Path.GetFullPath(file, workingDirectory);
            if (Directory.Exists(path) && file.Length > 0)
                throw new UsageException($"--config-file: {UserText.Quote(file, UserText.ShownPath)} is a directory; name a stack file such as Pulumi.dev.yaml, or use --stack");
            if (!File.Exists(path)) throw new UsageException($"--config-file: no such file: {UserText.Quote(file, UserText.ShownPath)}");
            return path;
        }
        if (stack is null) return null;
        var found = StackLocator.FromDirectory(workingDirectory).Find(stack, out var error);
        return found ?? throw new UsageException(error!);
    }

    public string Require(ParseResult parse, string workingDirectory) =>
        Resolve(parse, workingDirectory) ?? throw new UsageException("give --stack NAME or --config-file PATH");
}
