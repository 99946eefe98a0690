using SrcNetInfra.Cli;

namespace SrcNetInfra.Tests.Support;

/// <summary>One run of the srcnet command line, in process, with its output captured.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <remarks>
    /// Synchronous for the many tests of verbs that finish at once; those that talk to a (fake)
    /// cluster or cancel a run use <see cref="InAsync"/>.
    /// </remarks>
    public static CliRun In(string workingDirectory, params string[] args) =>
        InAsync(workingDirectory, CancellationToken.None, args).GetAwaiter().GetResult();

    public static async Task<CliRun> InAsync(string workingDirectory, CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await SrcNet.RunAsync(args, output, error, workingDirectory, cancellation);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>At the repository root, where users run it.</summary>
    public static CliRun AtRoot(params string[] args) => In(Repo.Root, args);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
