using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using Pulumi.Kubernetes.Yaml.V2;
using Pulumi.Random;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;

namespace SrcNetInfra;

/// <summary>
/// The one entry that the program and its tests call: checks the stack's config with Core,
/// makes Core's plan, and declares it as Pulumi resources, one ConfigGroup per lifecycle group
/// with the options that group needs, plus the ingestor release and the run id.
/// </summary>
public static class EnvironmentStack
{
    public static DeployedEnvironment Deploy(StackSettings settings)
    {
        // Pulumi runs the program below the project root; calibrations/ is at the root, as for the CLI.
        var root = Core.Config.StackLocator.FromDirectory(System.IO.Directory.GetCurrentDirectory()).Root;
        var check = EnvironmentCheck.Run(settings.StackName, settings.Values, Core.Duration.CalibrationLibrary.AtProjectRoot(root));
        foreach (var warning in check.Warnings) Log.Warn(warning.ToString());
        if (check.Environment is not { } env)
        {
            foreach (var error in check.Errors) Log.Error(error.ToString());
            throw new RunException(
                $"the srcnet: config of stack {settings.StackName} has {check.Errors.Count()} error(s), listed above; " +
                $"`srcnet validate --stack {settings.StackName}` shows them without Pulumi");
        }
        return new Declaration(env, settings).Declare();
    }

    /// <summary>Declares one checked environment; keeps what it made so tests can look at it.</summary>
    /// <remarks>
    /// <c>_options</c>, <c>_after</c> and <c>_names</c> only record what was declared: Pulumi's test
    /// engine shows a mock each resource's inputs but not its options or dependencies, and those are
    /// what protects production data and orders the deployment, so the tests read them from here.
    /// </remarks>
    private sealed class Declaration(CheckedEnvironment env, StackSettings settings)
    {
        private readonly Dictionary<string, ResourceOptions> _options = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _after = new(StringComparer.Ordinal);
        private readonly Dictionary<Resource, string> _names = [];
        private readonly Dictionary<Lifecycle, ConfigGroup> _groups = [];
        private KubernetesProvider _provider = null!;

        private EnvironmentSpec Spec => env.Spec;

        public DeployedEnvironment Declare()
        {
            var providerArgs = new KubernetesProviderArgs { Namespace = Spec.Namespace.Name };
            if (Spec.Deploy.KubeContext is { } context) providerArgs.Context = context;
            if (Spec.Deploy.RenderYamlToDirectory is { } directory) providerArgs.RenderYamlToDirectory = directory;
            _provider = new KubernetesProvider("kubernetes", providerArgs, (CustomResourceOptions)Remember("kubernetes", new CustomResourceOptions()));

            // Everything but the workload is the same whatever the run id; the workload and the
            // outputs follow the RandomId (a Job) or need none (a CronJob).
            var plan = Planner.Plan(env);
            var run = RunId(plan);
            var runPlan = run is null ? Output.Create(plan) : run.Hex.Apply(id => Planner.Plan(env, id));

            Resource? previous = null;
            previous = Group(Lifecycle.Namespace, plan, previous) ?? previous;
            previous = Group(Lifecycle.Limits, plan, previous) ?? previous;
            previous = Group(Lifecycle.Secret, plan, previous) ?? previous;
            var secret = ManagedSecret(plan, previous);
            previous = secret ?? previous;
            // A provider that renders YAML cannot render a Helm release (pulumi-kubernetes#1716);
            // Core has warned, and `srcnet render --out` writes the release's values instead.
            var release = Spec.Deploy.RenderYamlToDirectory is null ? Release(plan, previous) : null;
            previous = release ?? previous;
            previous = Group(Lifecycle.Scratch, plan, previous) ?? previous;
            var workload = WorkloadGroup(runPlan, previous!);

            return new DeployedEnvironment(
                env, _provider, run, ImmutableDictionary.CreateRange(_groups), release, secret, workload,
                ImmutableDictionary.CreateRange(_options), ImmutableDictionary.CreateRange(_after), Outputs(plan, runPlan));
        }

        /// <summary>A Job's run id: replaced, and so a new Job, exactly when a keeper changes.</summary>
        private RandomId? RunId(EnvironmentPlan plan)
        {
            if (Spec.Workflow.Mode != WorkflowMode.Job) return null;
            var keepers = new InputMap<string>();
            foreach (var (key, value) in plan.RunKeepers) keepers.Add(key, value);
            var options = Remember("run", new CustomResourceOptions());
            return new RandomId("run", new RandomIdArgs { ByteLength = RunIdentity.IdBytes, Keepers = keepers }, (CustomResourceOptions)options);
        }

        private ConfigGroup? Group(Lifecycle lifecycle, EnvironmentPlan plan, Resource? after)
        {
            var objects = plan.In(lifecycle).Select(o => (object)PlainValues.FromObject(o.Object)).ToList();
            if (objects.Count == 0) return null;
            InputList<object> inputs = objects.ToArray();
            return Group(lifecycle, inputs, after);
        }

        private ConfigGroup WorkloadGroup(Output<EnvironmentPlan> runPlan, Resource after)
        {
            var objects = runPlan.Apply(p => p.In(Lifecycle.Workload).Select(o => (object)PlainValues.FromObject(o.Object)).ToImmutableArray());
            return Group(Lifecycle.Workload, objects, after);
        }

        private ConfigGroup Group(Lifecycle lifecycle, InputList<object> objects, Resource? after)
        {
            var name = GroupName(lifecycle);
            var options = new ComponentResourceOptions
            {
                Providers = { _provider },
                Protect = DeploymentPolicy.For(lifecycle, Spec.Deploy).Protect,
            };
            After(name, options, after);
            var group = new ConfigGroup(name, new ConfigGroupArgs { Objs = objects }, (ComponentResourceOptions)Remember(name, options));
            _names[group] = name;
            _groups[lifecycle] = group;
            return group;
        }

        /// <summary>
        /// Mode pulumiSecret: the Secret is made from the stack's Pulumi secrets, so its values stay
        /// encrypted in config and in state, and never pass through Core or a plain input.
        /// </summary>
        private KubernetesSecret? ManagedSecret(EnvironmentPlan plan, Resource? after)
        {
            if (plan.ManagedSecret is not { } managed) return null;
            var values = new Dictionary<string, Output<string>?>
            {
                [Spec.Secret.ClientIdKey] = settings.OidcClientId,
                [Spec.Secret.ClientSecretKey] = settings.OidcClientSecret,
            };
            var stringData = new InputMap<string>();
            foreach (var (key, value) in values)
            {
                stringData.Add(key, value ?? throw new InvalidOperationException($"{managed.ConfigKeyBySecretKey[key]} was checked but is not set"));
            }
            var labels = new InputMap<string>();
            foreach (var (key, value) in managed.Labels(Spec)) labels.Add(key, value);
            var options = new CustomResourceOptions { Provider = _provider };
            After("oidc-client", options, after);
            var secret = new KubernetesSecret("oidc-client", new SecretArgs
            {
                Metadata = new ObjectMetaArgs { Name = managed.Name, Namespace = managed.Namespace, Labels = labels },
                Type = "Opaque",
                StringData = stringData,
            }, (CustomResourceOptions)Remember("oidc-client", options));
            _names[secret] = "oidc-client";
            return secret;
        }

        /// <summary>The ingestor; it creates the claim ingest-area, so it owns the ingested data.</summary>
        private Release Release(EnvironmentPlan plan, Resource? after)
        {
            var spec = plan.Ingestor;
            var values = new InputMap<object>();
            foreach (var (key, value) in spec.Values) values.Add(key, PlainValues.FromValue(value));
            var options = new CustomResourceOptions
            {
                Provider = _provider,
                Protect = DeploymentPolicy.ForIngestor(Spec.Deploy).Protect,
            };
            After("ingestor", options, after);
            var release = new Release("ingestor", new ReleaseArgs
            {
                Name = spec.Name,
                Namespace = spec.Namespace,
                Chart = spec.Chart,
                Version = spec.Version,
                RepositoryOpts = new RepositoryOptsArgs { Repo = spec.Repository },
                Values = values,
                // The namespace is ours (with its quota and labels), not Helm's.
                CreateNamespace = false,
            }, (CustomResourceOptions)Remember("ingestor", options));
            _names[release] = "ingestor";
            return release;
        }

        private static IDictionary<string, object?> Outputs(EnvironmentPlan plan, Output<EnvironmentPlan> runPlan)
        {
            // The keys are the same for every plan; the values of a Job's run follow its run id.
            var all = runPlan.Apply(p => StackOutputs.For(p));
            var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var key in StackOutputs.For(plan).Keys)
            {
                outputs[key] = all.Apply(values => PlainValues.FromValue(values[key]));
            }
            return outputs;
        }

        /// <summary>Orders <paramref name="name"/> after <paramref name="after"/>: the plan's groups go in apply order.</summary>
        private void After(string name, ResourceOptions options, Resource? after)
        {
            if (after is null) return;
            options.DependsOn.Add(after);
            _after[name] = _names[after];
        }

        private ResourceOptions Remember(string name, ResourceOptions options)
        {
            _options[name] = options;
            return options;
        }
    }

    public static string GroupName(Lifecycle lifecycle) => lifecycle switch
    {
        Lifecycle.Namespace => "namespace",
        Lifecycle.Limits => "limits",
        Lifecycle.Secret => "secret-access",
        Lifecycle.Scratch => "scratch",
        Lifecycle.Workload => "workload",
        _ => throw new ArgumentOutOfRangeException(nameof(lifecycle), lifecycle, null),
    };
}

/// <summary>
/// What <see cref="EnvironmentStack.Deploy"/> declared, with the options each resource got and
/// which resource each waits for (by Pulumi name), for tests: the engine's mocks do not see options.
/// </summary>
public sealed record DeployedEnvironment(
    CheckedEnvironment Environment,
    Pulumi.Kubernetes.Provider Provider,
    RandomId? RunId,
    ImmutableDictionary<Lifecycle, ConfigGroup> Groups,
    Release? Ingestor,
    Pulumi.Kubernetes.Core.V1.Secret? ManagedSecret,
    ConfigGroup Workload,
    ImmutableDictionary<string, ResourceOptions> Options,
    ImmutableDictionary<string, string> DependsOn,
    IDictionary<string, object?> Outputs);
