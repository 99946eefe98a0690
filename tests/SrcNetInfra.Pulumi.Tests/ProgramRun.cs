using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>A stack output after the run: its value (null when unknown), and whether it is known and secret.</summary>
public sealed record StackOutput(object? Value, bool IsKnown, bool IsSecret);

/// <summary>
/// One run of the program (<c>pulumi up</c>, or <c>pulumi preview</c>) against the mocks, through the
/// program's own config path: the stack's config is put where the language host puts it
/// (PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS, which every new Deployment parses again:
/// sdk/Pulumi/Deployment/Deployment_Config.cs, <c>AllConfig ... = ParseConfig()</c>), and a Stack does
/// what Program.cs does: <c>EnvironmentStack.Options(...)</c> as its options and
/// <c>EnvironmentStack.DeployAsync(StackSettings.FromPulumiConfig())</c> (waited for in the constructor,
/// as the SDK's own Testing/TestStack.cs does). The recorder is the one extra transformation.
/// </summary>
public sealed record ProgramRun(
    StackUnderTest Stack,
    bool IsPreview,
    IReadOnlyList<MockResourceArgs> Requests,
    IReadOnlyList<Registration> Registrations,
    IReadOnlyList<DeclaredResource> Declared,
    IReadOnlyDictionary<string, StackOutput> Outputs,
    IReadOnlyList<LogLine> Log,
    Exception? Error)
{
    public const string ProjectName = "srcnet-infra";

    /// <summary>
    /// Runs the program once. <paramref name="previous"/> is the run before it on the same stack
    /// (its outputs are what the stack's reference to itself reads); <paramref name="runIdKnown"/>
    /// false makes the RandomId's hex unknown, as in a preview that creates it.
    /// </summary>
    public static async Task<ProgramRun> Of(StackUnderTest stack, ProgramRun? previous = null, bool preview = false, bool runIdKnown = true)
    {
        var previousOutputs = previous?.Outputs.ToDictionary(kv => kv.Key, kv => kv.Value.Value);
        var mocks = new Mocks(previousOutputs, runIdKnown);
        var recorder = new Recorder();
        Exception? error = null;
        IReadOnlyList<LogLine> log;
        var exitCode = Environment.ExitCode;
        using (var config = new LanguageHostEnvironment(stack))
        using (var capture = new LogCapture())
        {
            ProgramStack.Recorder = recorder;
            try
            {
                // Off xunit's synchronization context: the stack's constructor blocks on the program.
                await Task.Run(() => Deployment.TestAsync<ProgramStack>(mocks, new TestOptions
                {
                    StackName = stack.Name,
                    ProjectName = ProjectName,
                    IsPreview = preview,
                }));
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                ProgramStack.Recorder = null;
                // The SDK sets the process exit code when a program fails (Deployment.Runner.cs, HandleExceptionsAsync).
                Environment.ExitCode = exitCode;
            }
            log = capture.Lines();
        }

        // The stack's outputs as the engine received them. (The runner registers the stack's [Output]
        // properties afterwards, none here, as an empty set: Deployment.Runner.cs RunAsync<TStack>.)
        var stackUrn = $"urn:pulumi:{stack.Name}::{ProjectName}::pulumi:pulumi:Stack::{ProjectName}-{stack.Name}";
        var registered = mocks.OutputRegistrations.Where(o => o.Urn == stackUrn && o.Outputs.Count > 0).ToList();
        if (registered.Count > 1) throw new InvalidOperationException("the stack registered its outputs more than once");
        var outputs = new Dictionary<string, StackOutput>(StringComparer.Ordinal);
        foreach (var (key, value) in registered.SingleOrDefault()?.Outputs ?? [])
            outputs[key] = await Resolve(value);

        var registrations = recorder.Registrations;
        var declared = new List<DeclaredResource>();
        foreach (var registration in registrations) declared.Add(await DeclaredResource.Of(registration));
        return new ProgramRun(stack, preview, mocks.Requests, registrations, declared, outputs, log, error);
    }

    /// <summary>The single request the mock got for a resource of this type and name.</summary>
    public MockResourceArgs Request(string type, string name) => Requests.Single(r => r.Type == type && r.Name == name);

    /// <summary>The requests for Kubernetes objects and the Helm release (type kubernetes:*).</summary>
    public IEnumerable<MockResourceArgs> KubernetesRequests => Requests.Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal));

    /// <summary>The resource the program declared under this name (type pulumi:pulumi:Stack excluded).</summary>
    public DeclaredResource Resource(string name) => Declared.Single(d => d.Name == name && d.Type != "pulumi:pulumi:Stack");

    public object? Output(string key) => Outputs[key].Value;

    /// <summary>Every message the run logged, whatever its level.</summary>
    public string LogText => string.Join("\n", Log.Select(l => l.Message));

    /// <summary>Throws with the run's log when the run failed: a test that expects success says why it did not.</summary>
    public ProgramRun Succeeded()
    {
        if (Error is not null)
            throw new InvalidOperationException($"the program failed: {Error.Message}\n{string.Join("\n", Log.Where(l => l.Level is "ERR" or "WRN").Select(l => l.Message))}", Error);
        return this;
    }

    private static async Task<StackOutput> Resolve(Output<object?> output)
    {
        var known = await OutputUtilities.GetIsKnownAsync(output);
        var secret = await global::Pulumi.Output.IsSecretAsync(output);
        return new StackOutput(known ? await OutputUtilities.GetValueAsync(output) : null, known, secret);
    }

    /// <summary>
    /// The program's entry as Program.cs runs it (<c>Deployment.RunAsync(func, options)</c> makes a
    /// Stack that runs the function and registers what it returns as the stack's outputs:
    /// sdk/Pulumi/Stack.cs, <c>Stack(Func&lt;...&gt; init, StackOptions? options)</c>), with the
    /// recorder as one more transformation.
    /// </summary>
    private sealed class ProgramStack : global::Pulumi.Stack
    {
        public static Recorder? Recorder;

        public ProgramStack()
            : base(EnvironmentStack.Options((Recorder ?? throw new InvalidOperationException("no recorder")).Record))
        {
            RegisterOutputs(EnvironmentStack.DeployAsync(StackSettings.FromPulumiConfig()).GetAwaiter().GetResult());
        }
    }

    /// <summary>PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS for one run, put back afterwards.</summary>
    private sealed class LanguageHostEnvironment : IDisposable
    {
        private static readonly string[] Variables = ["PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS"];
        private readonly Dictionary<string, string?> _before = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

        public LanguageHostEnvironment(StackUnderTest stack)
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", stack.ConfigJson());
            Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", stack.SecretKeysJson());
        }

        public void Dispose()
        {
            foreach (var (name, value) in _before) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
