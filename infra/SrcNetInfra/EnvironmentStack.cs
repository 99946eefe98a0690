using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Random;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using KubernetesProvider = Pulumi.Kubernetes.Provider;
using KubernetesProviderArgs = Pulumi.Kubernetes.ProviderArgs;
using KubernetesSecret = Pulumi.Kubernetes.Core.V1.Secret;

namespace SrcNetInfra;

/// <summary>
/// The one entry the program and its tests call: checks the stack's config with Core, refuses a
/// change the deployed environment cannot take, makes Core's plan and declares each of its steps
/// as one Pulumi resource, in the plan's order, with the plan's options.
/// </summary>
public static class EnvironmentStack
{
    /// <summary>The Kubernetes provider's Pulumi name.</summary>
    public const string ProviderName = Planner.ProviderResource;

    /// <summary>
    /// The stack's options: a rule over every resource that no Kubernetes object may fall back to a
    /// default provider, whose cluster is whatever the current kubeconfig context says
    /// (Pulumi.yaml also disables it). <paramref name="more"/> are appended (tests add a recorder).
    /// </summary>
    public static StackOptions Options(params ResourceTransformation[] more) =>
        new() { ResourceTransformations = [KubernetesObjectsUseTheStackProvider, .. more] };

    public static async Task<IDictionary<string, object?>> DeployAsync(StackSettings settings)
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

        // Before anything is declared: a change the deployed environment cannot take stops here, at preview.
        var identity = DeployedIdentity.Of(env);
        var deployed = await settings.Previous().ConfigureAwait(false);
        var previous = DeployedIdentity.FromJson(deployed.IdentityJson);
        var changes = DeployedIdentity.Changes(previous, identity, env.Spec.Deploy.ProtectData);
        foreach (var warning in changes.Where(c => !c.IsError)) Log.Warn(warning.ToString());
        var keptRun = DeployedIdentity.EarlierProgramRun(deployed.HadOutputs, previous, deployed.JobRunId, env.Spec);
        if (keptRun is not null) Log.Warn(DeployedIdentity.KeptRunWarning(env.Spec, keptRun).ToString());
        if (changes.Any(c => c.IsError))
        {
            foreach (var error in changes.Where(c => c.IsError)) Log.Error(error.ToString());
            throw new RunException($"stack {settings.StackName} cannot take this change as it is; the steps are listed above");
        }

        return new Declaration(Planner.Plan(env), settings, keptRun).Declare();
    }

    private static ResourceTransformationResult? KubernetesObjectsUseTheStackProvider(ResourceTransformationArgs args)
    {
        var type = args.Resource.GetResourceType();
        if (type.StartsWith("kubernetes:", StringComparison.Ordinal) && args.Options is CustomResourceOptions { Provider: null })
            throw new RunException($"{type} {args.Resource.GetResourceName()} has no explicit provider: it would deploy to the current kubeconfig context");
        return null;
    }

    /// <summary>Declares one plan, step by step, each after the one before it.</summary>
    /// <param name="keptRun">The run id a Job stack deployed by the earlier program keeps for this deployment (<see cref="DeployedIdentity.EarlierProgramRun"/>); null: the RandomId's.</param>
    private sealed class Declaration(EnvironmentPlan plan, StackSettings settings, string? keptRun)
    {
        private readonly KubernetesProvider _provider = Provider(plan);
        private RandomId? _runId;

        public IDictionary<string, object?> Declare()
        {
            Resource? previous = null;
            foreach (var step in plan.Steps)
            {
                Resource? declared = step switch
                {
                    ObjectStep o => new KubernetesObject(o.ResourceName, o.TypeToken,
                        ObjectInputs.Of(PlainValues.FromObject(o.Object)), Options(o.Policy, previous)),
                    RunIdStep r => RunId(r),
                    RunObjectStep r => RunObject(r, previous),
                    ReleaseStep r => Release(r, previous),
                    ManagedSecretStep s => ManagedSecret(s, previous),
                    _ => throw new InvalidOperationException($"no declaration for {step.GetType().Name}"),
                };
                // The run id waits for nothing and nothing waits for it but its Job (through its value).
                if (declared is not null and not RandomId) previous = declared;
            }
            return Outputs();
        }

        private static KubernetesProvider Provider(EnvironmentPlan plan)
        {
            var deploy = plan.Spec.Deploy;
            var args = new KubernetesProviderArgs
            {
                Namespace = plan.Spec.Namespace.Name,
                // A Secret's data changes in place (rotation), not by delete and re-create.
                EnableSecretMutable = true,
            };
            if (deploy.KubeContext is { } context)
            {
                args.Context = context;
                // The context names the cluster: kubeconfig changes such as new credentials then update
                // the provider instead of replacing it, and with it every object (docs/platform.md#replacing-the-provider).
                args.ClusterIdentifier = context;
            }
            if (deploy.RenderYamlToDirectory is { } directory) args.RenderYamlToDirectory = directory;
            // Adopting a site set up by hand: creating an object that exists takes it over (server-side
            // apply) instead of failing with AlreadyExists (docs/platform.md#creating-an-object-that-already-exists).
            if (deploy.AdoptExisting) args.UpsertExistingObjects = true;
            return new KubernetesProvider(ProviderName, args);
        }

        private CustomResourceOptions Options(ResourcePolicy policy, Resource? after)
        {
            var options = new CustomResourceOptions
            {
                Provider = _provider,
                Protect = policy.Protect,
                RetainOnDelete = policy.RetainOnDelete,
                IgnoreChanges = [.. policy.Ignored],
            };
            if (after is not null) options.DependsOn.Add(after);
            foreach (var alias in policy.EarlierIdentities) options.Aliases.Add(Alias(alias));
            return options;
        }

        /// <summary>
        /// An earlier identity as the engine matches it: another type or name under the stack, or a
        /// child of a component, which the engine finds by the component's URN (a child of the stack
        /// is urn:pulumi:STACK::PROJECT::TYPE::NAME).
        /// </summary>
        private static Input<Alias> Alias(ResourceAlias alias) =>
            alias.ParentType is null
                ? new Alias { Type = alias.Type, Name = alias.Name }
                : new Alias { Type = alias.Type, Name = alias.Name, ParentUrn = ComponentUrn(alias.ParentType, alias.ParentName!) };

        private static string ComponentUrn(string type, string name) =>
            $"urn:pulumi:{Deployment.Instance.StackName}::{Deployment.Instance.ProjectName}::{type}::{name}";

        /// <summary>A Job's run id: replaced, and so a new Job, exactly when a keeper changes.</summary>
        private RandomId RunId(RunIdStep step)
        {
            var keepers = new InputMap<string>();
            foreach (var (key, value) in step.Keepers) keepers.Add(key, value);
            _runId = new RandomId(step.ResourceName, new RandomIdArgs { ByteLength = step.ByteLength, Keepers = keepers });
            return _runId;
        }

        /// <summary>
        /// The run's Job: every field known at preview but those that carry the run id, which follow
        /// the RandomId; its earlier identity is the first program's ConfigGroup child of the same Job.
        /// </summary>
        private KubernetesObject RunObject(RunObjectStep step, Resource? after)
        {
            var hex = RunIdHex(step);
            // The kept run's Job stays as deployed: its whole spec is left out of the diff, so the
            // update only records it as retained (docs/platform.md#retained-resources-and-replacement).
            var options = Options(keptRun is null ? step.Policy : step.Policy with { IgnoreChanges = [.. step.Policy.Ignored, "spec"] }, after);
            options.Aliases.Add(new Alias
            {
                Type = step.TypeToken,
                Name = hex.Apply(id =>
                {
                    var job = step.ForRun(id);
                    return EarlierLayout.ChildName(EarlierLayout.Workload, job.Metadata.NamespaceProperty, job.Metadata.Name);
                }),
                ParentUrn = ComponentUrn(EarlierLayout.GroupType, EarlierLayout.Workload),
            });
            return new KubernetesObject(step.ResourceName, step.TypeToken, ObjectInputs.ForRun(step, hex), options);
        }

        /// <summary>The run id the Job is named by: the RandomId's, or for one deployment the kept run's.</summary>
        private Output<string> RunIdHex(RunObjectStep step) =>
            keptRun is { } kept ? Output.Create(kept)
            : (_runId ?? throw new InvalidOperationException($"{step.ResourceName} needs its run id step first")).Hex;

        /// <summary>
        /// Mode pulumiSecret: the Secret is made from the stack's Pulumi secrets, so its values stay
        /// encrypted in config and in state, and never pass through Core or a plain input.
        /// </summary>
        private KubernetesSecret ManagedSecret(ManagedSecretStep step, Resource? after)
        {
            var managed = step.Secret;
            var spec = plan.Spec;
            var values = new Dictionary<string, Output<string>?>
            {
                [spec.Secret.ClientIdKey] = settings.OidcClientId,
                [spec.Secret.ClientSecretKey] = settings.OidcClientSecret,
            };
            var stringData = new InputMap<string>();
            foreach (var (key, value) in values)
                stringData.Add(key, value ?? throw new InvalidOperationException($"{managed.ConfigKeyBySecretKey[key]} was checked but is not set"));
            var labels = new InputMap<string>();
            foreach (var (key, value) in managed.Labels(spec)) labels.Add(key, value);
            return new KubernetesSecret(step.ResourceName, new Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs
            {
                Metadata = new ObjectMetaArgs { Name = managed.Name, Namespace = managed.Namespace, Labels = labels },
                Type = "Opaque",
                StringData = stringData,
            }, Options(step.Policy, after));
        }

        /// <summary>
        /// The ingestor. A provider that renders YAML cannot render a Helm release (pulumi-kubernetes#1716);
        /// Core has warned, and `srcnet render --out` writes the release's values instead.
        /// </summary>
        private Release? Release(ReleaseStep step, Resource? after)
        {
            if (plan.Spec.Deploy.RenderYamlToDirectory is not null) return null;
            var spec = step.Release;
            var values = new InputMap<object>();
            foreach (var (key, value) in spec.Values) values.Add(key, PlainValues.FromValue(value));
            var args = new ReleaseArgs
            {
                Name = spec.Name,
                Namespace = spec.Namespace,
                Chart = spec.ChartReference,
                Version = spec.Version,
                Values = values,
                // The namespace is the stack's (with its quota and labels), not Helm's.
                CreateNamespace = false,
                // A failed install or upgrade rolls back and removes what it made; Pulumi retries on the next up.
                Atomic = true,
                CleanupOnFail = true,
                Timeout = spec.TimeoutSeconds,
                MaxHistory = spec.MaxHistory,
            };
            // A registry's chart reference says where it is; a Helm repository is named apart.
            if (spec.RepositoryUrl is { } repository) args.RepositoryOpts = new RepositoryOptsArgs { Repo = repository };
            return new Release(step.ResourceName, args, Options(step.Policy, after));
        }

        private IDictionary<string, object?> Outputs()
        {
            // The keys are the same for every run; a Job's values follow its run id.
            var all = keptRun is { } kept ? Output.Create(StackOutputs.For(plan, plan.RunFor(kept)))
                : _runId is null ? Output.Create(StackOutputs.For(plan))
                : _runId.Hex.Apply(id => StackOutputs.For(plan, plan.RunFor(id)));
            var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var key in StackOutputs.For(plan).Keys)
                outputs[key] = all.Apply(values => ObjectInputs.Serializable(PlainValues.FromValue(values[key])));
            return outputs;
        }
    }
}
