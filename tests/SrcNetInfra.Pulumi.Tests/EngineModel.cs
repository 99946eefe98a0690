using System.Collections;
using Pulumi;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// One resource as the engine holds it: registered by a run (a goal), or recorded in the state a
/// previous run left. Inputs are the plain values the engine received (the mock's request).
/// </summary>
public sealed record EngineResource(
    string Urn,
    string Type,
    string Name,
    IReadOnlyDictionary<string, object> Inputs,
    string? Provider,
    bool Protect,
    bool RetainOnDelete,
    IReadOnlyList<string> IgnoreChanges,
    IReadOnlyList<string> AliasUrns,
    IReadOnlyList<string> Dependencies);

public enum Operation
{
    /// <summary>Nothing changed: no provider call.</summary>
    Same,
    Create,
    Update,
    /// <summary>The new object of a replacement.</summary>
    CreateReplacement,
    /// <summary>The old object of a replacement, removed from the state.</summary>
    DeleteReplaced,
    /// <summary>A resource the program no longer declares, removed from the state.</summary>
    Delete,
}

/// <summary>
/// One step of a deployment. <paramref name="ReachesProvider"/>: the provider is called (a Kubernetes
/// object is created, patched or deleted in the cluster); false for a Same, and for a delete of a
/// resource whose previous state says retainOnDelete (the object stays in the cluster).
/// </summary>
public sealed record EngineStep(Operation Operation, string Type, string Name, string Urn, bool ReachesProvider, IReadOnlyList<string> ChangedPaths, IReadOnlyList<string> ReplaceKeys)
{
    public override string ToString() =>
        $"{Operation} {Name}{(ReachesProvider ? "" : " (not in the provider)")}{(ReplaceKeys.Count > 0 ? " replace:" + string.Join(",", ReplaceKeys) : "")}";
}

/// <summary>
/// The steps of one <c>pulumi up</c> or <c>pulumi destroy</c>, in an order the engine may run them,
/// and the errors that stopped or failed part of it.
/// </summary>
public sealed record EnginePlan(IReadOnlyList<EngineStep> Steps, IReadOnlyList<string> Errors)
{
    public EngineStep Step(Operation operation, string name) => Steps.Single(s => s.Operation == operation && s.Name == name);

    public int IndexOf(Operation operation, string name) => Steps.ToList().FindIndex(s => s.Operation == operation && s.Name == name);

    /// <summary>"Operation name" for every step but Same, in order.</summary>
    public IReadOnlyList<string> Changes => [.. Steps.Where(s => s.Operation != Operation.Same).Select(s => $"{s.Operation} {s.Name}")];

    /// <summary>The names of the resources whose delete reaches the provider, in order.</summary>
    public IReadOnlyList<string> DeletedInTheCluster =>
        [.. Steps.Where(s => s.Operation is Operation.Delete or Operation.DeleteReplaced && s.ReachesProvider).Select(s => s.Name)];

    public override string ToString() => string.Join("\n", Errors.Select(e => "error: " + e).Concat(Steps.Select(s => s.ToString())));
}

/// <summary>
/// A small, explicit model of what the Pulumi engine (pulumi/pulumi v3.259.0, pkg/resource/deploy)
/// and the providers this program uses (pulumi-kubernetes v4.32.0, pulumi-random v4.21.1) do when a
/// stack's program runs against the state its previous run left. It is what the tests assume about
/// code that does not run here; each rule names where it comes from. Not modelled: refresh and
/// drift (the cluster is taken to hold what Pulumi last applied, as the Kubernetes provider's Diff
/// compares with the live state pruned to the old inputs: provider/pkg/provider/provider.go, Diff),
/// targets, imports, component resources, dependent replacements through property dependencies on a
/// delete-before-replace resource (here only the Job depends on another resource's value, the
/// RandomId, whose replacements are create-before-delete).
/// </summary>
public static class EngineModel
{
    private const string StackType = "pulumi:pulumi:Stack";
    private const string KubernetesProviderType = "pulumi:providers:kubernetes";
    private const string HelmReleaseType = "kubernetes:helm.sh/v3:Release";

    /// <summary>
    /// The resources a run registered, as goals, with the inputs the engine received (the mock's
    /// requests), in the order the program declared them. The engine takes registrations as they
    /// arrive, and a resource arrives only after what it depends on (the SDK waits for their URNs),
    /// so the declaration order is one the engine may see; resources that depend on nothing (the
    /// RandomId) may arrive earlier. Reads (the StackReference) and the stack itself are left out: a
    /// read is never created, updated or deleted by a deployment (step_generator.go GenerateReadSteps,
    /// and DeleteStep.Apply: "Deleting an External resource is a no-op"), and the stack is a component,
    /// never sent to a provider.
    /// </summary>
    public static async Task<IReadOnlyList<EngineResource>> Goals(ProgramRun run)
    {
        run.Succeeded();
        var stack = run.Stack.Name;
        string UrnOf(string type, string name) => Urn(stack, "", type, name);
        var goals = new List<EngineResource>();
        foreach (var d in run.Declared.Where(d => d.Type is not (StackType or Mocks.StackReferenceType)))
        {
            var type = d.Type;
            var name = d.Name;
            var request = run.Request(type, name);
            var dependencies = d.DependsOn
                .Select(n => UrnOf(run.Resource(n).Type, n))
                .Concat((await d.Registration.Wire).Dependencies.Select(r => UrnOf(r.GetResourceType(), r.GetResourceName())))
                .ToList();
            string? provider = null;
            if (d.Provider is { } providerName)
            {
                // A resource's state names its provider; the engine orders deletes after its dependents.
                provider = UrnOf(run.Resource(providerName).Type, providerName);
                dependencies.Add(provider);
            }
            goals.Add(new EngineResource(
                UrnOf(type, name),
                type,
                name,
                request.Inputs,
                provider,
                d.Protect ?? false,
                d.RetainOnDelete ?? false,
                d.IgnoreChanges,
                [.. d.Aliases.Select(a => AliasUrn(stack, type, name, a))],
                [.. dependencies.Distinct()]));
        }
        return goals;
    }

    /// <summary>
    /// The URN of a resource. A child of the root stack has no parent type in it
    /// (pkg/resource/deploy/deployment.go, generateURN: "don't use the root stack type");
    /// sdk/go/common/resource/alias.go, CreateURN, builds the string.
    /// </summary>
    public static string Urn(string stack, string parentUrn, string type, string name) =>
        parentUrn.Length == 0
            ? $"urn:pulumi:{stack}::{ProgramRun.ProjectName}::{type}::{name}"
            : $"{parentUrn[..parentUrn.LastIndexOf("::", StringComparison.Ordinal)]}${type}::{name}";

    /// <summary>
    /// An alias as a URN (step_generator.go, collapseAliasToUrn): a missing name or type is the
    /// resource's own; a missing parent is its current parent; a parent that is the root stack, or
    /// NoParent, means none. Stack and project default to the current ones.
    /// </summary>
    private static string AliasUrn(string stack, string type, string name, DeclaredAlias alias)
    {
        if (alias.Urn is { } urn) return urn;
        if (alias.Parent is not null) throw new NotSupportedException("an alias naming a parent resource is not modelled");
        var parent = alias.NoParent ? "" : alias.ParentUrn ?? "";
        if (parent.Length > 0 && parent.Split("::")[2] == StackType) parent = "";
        if (alias.Stack is not null || alias.Project is not null) throw new NotSupportedException("an alias to another stack or project is not modelled");
        return Urn(stack, parent, alias.Type ?? type, alias.Name ?? name);
    }

    /// <summary>What one <c>pulumi up</c> of <paramref name="goals"/> does against <paramref name="state"/>.</summary>
    public static EnginePlan Up(IReadOnlyList<EngineResource> state, IReadOnlyList<EngineResource> goals)
    {
        var olds = state.ToDictionary(r => r.Urn);
        var steps = new List<EngineStep>();
        var operatedOn = new HashSet<string>();
        var pendingDeletes = new List<EngineResource>();
        var replacedProviders = new HashSet<string>();

        foreach (var goal in goals)
        {
            // step_generator.go getOldResource: "We look up first by URN and then by any provided aliases."
            var old = new[] { goal.Urn }.Concat(goal.AliasUrns).Select(u => olds.GetValueOrDefault(u)).FirstOrDefault(o => o is not null);
            if (old is null)
            {
                steps.Add(new EngineStep(Operation.Create, goal.Type, goal.Name, goal.Urn, true, [], []));
                continue;
            }
            operatedOn.Add(old.Urn);
            var diff = Diff(old, goal, replacedProviders);
            if (diff.Changed.Count == 0 && diff.ReplaceKeys.Count == 0)
            {
                steps.Add(new EngineStep(Operation.Same, goal.Type, goal.Name, goal.Urn, false, [], []));
                continue;
            }
            if (diff.ReplaceKeys.Count == 0)
            {
                steps.Add(new EngineStep(Operation.Update, goal.Type, goal.Name, goal.Urn, true, diff.Changed, []));
                continue;
            }
            // step_generator.go continueStepsFromDiff: "If this resource is protected we can't replace it"
            // (new.Protect && old.Protect); in an update it bails before any replacement step.
            if (goal.Protect && old.Protect)
                return new EnginePlan(steps, [$"unable to replace resource \"{goal.Urn}\" as it is currently marked for protection"]);
            if (goal.Type == KubernetesProviderType) replacedProviders.Add(goal.Urn);
            // The provider's DeleteBeforeReplace is used unless the program sets the option
            // (step_generator.go: deleteBeforeReplace := diff.DeleteBeforeReplace; the program never sets it).
            if (diff.DeleteBeforeReplace)
            {
                steps.Add(DeleteOf(old, Operation.DeleteReplaced));
                steps.Add(new EngineStep(Operation.CreateReplacement, goal.Type, goal.Name, goal.Urn, true, diff.Changed, diff.ReplaceKeys));
            }
            else
            {
                // Create-before-delete: "the delete step is generated "later" on, after all creates/updates finish".
                steps.Add(new EngineStep(Operation.CreateReplacement, goal.Type, goal.Name, goal.Urn, true, diff.Changed, diff.ReplaceKeys));
                pendingDeletes.Add(old);
            }
        }

        // step_generator.go GenerateDeletes: the replaced olds pending delete, and every old resource
        // no goal claimed (by URN or alias).
        var deletes = pendingDeletes.Select(o => (Old: o, Operation: Operation.DeleteReplaced))
            .Concat(state.Where(o => !operatedOn.Contains(o.Urn)).Select(o => (Old: o, Operation: Operation.Delete)))
            .ToList();
        var errors = new List<string>();
        steps.AddRange(Deletes(state, deletes, errors));
        return new EnginePlan(steps, errors);
    }

    /// <summary>
    /// What <c>pulumi destroy</c> does: every resource of the state is deleted, in reverse dependency
    /// order (step_generator.go, destroy mode: "Others are just sames that need to be deleted later",
    /// then GenerateDeletes over <c>toDelete</c>).
    /// </summary>
    public static EnginePlan Destroy(IReadOnlyList<EngineResource> state)
    {
        var errors = new List<string>();
        var steps = Deletes(state, [.. state.Select(o => (Old: o, Operation: Operation.Delete))], errors);
        return new EnginePlan(steps, errors);
    }

    /// <summary>
    /// Deletes in reverse dependency order, one antichain after the other (step_generator.go
    /// ScheduleDeletes; deployment_executor.go runs each list after the one before). A plain delete of a
    /// protected resource fails (step.go DeleteStep.Apply: "Refuse to delete protected resources
    /// (unless we're replacing them"); the engine goes on past it (step_executor.go cancelDueToError:
    /// deleteProtectedError continues) but deletes nothing the failed one depends on
    /// (deployment_executor.go: <c>erroredDeps = erroredDeps.Union(dg.TransitiveDependenciesOf(r))</c>).
    /// </summary>
    private static List<EngineStep> Deletes(IReadOnlyList<EngineResource> state, List<(EngineResource Old, Operation Operation)> deletes, List<string> errors)
    {
        var byUrn = state.ToDictionary(r => r.Urn);
        var steps = new List<EngineStep>();
        var skipped = new HashSet<string>();
        foreach (var round in ScheduleDeletes(deletes))
        {
            var failed = new List<EngineResource>();
            foreach (var (old, operation) in round)
            {
                if (skipped.Contains(old.Urn)) continue;
                if (operation == Operation.Delete && old.Protect)
                {
                    errors.Add($"resource \"{old.Urn}\" cannot be deleted because it is protected");
                    failed.Add(old);
                    continue;
                }
                steps.Add(DeleteOf(old, operation));
            }
            foreach (var old in failed) skipped.UnionWith(TransitiveDependencies(old, byUrn));
        }
        return steps;
    }

    private static IEnumerable<string> TransitiveDependencies(EngineResource resource, IReadOnlyDictionary<string, EngineResource> byUrn)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>(resource.Dependencies);
        while (pending.TryPop(out var urn))
        {
            if (!seen.Add(urn)) continue;
            if (byUrn.TryGetValue(urn, out var dependency))
                foreach (var next in dependency.Dependencies) pending.Push(next);
        }
        return seen;
    }

    /// <summary>
    /// A delete, which reaches the provider unless the OLD state says retainOnDelete
    /// (step.go DeleteStep.Apply: <c>} else if s.old.RetainOnDelete {</c> "Deleting a "drop on delete"
    /// is a no-op"; the same step deletes the old object of a replacement, NewDeleteReplacementStep).
    /// </summary>
    private static EngineStep DeleteOf(EngineResource old, Operation operation) =>
        new(operation, old.Type, old.Name, old.Urn, !old.RetainOnDelete, [], []);

    /// <summary>
    /// The antichains of ScheduleDeletes: a resource is deleted only after everything that depends on
    /// it ("antichains" built from the dependency graph, then reversed).
    /// </summary>
    private static List<List<(EngineResource Old, Operation Operation)>> ScheduleDeletes(List<(EngineResource Old, Operation Operation)> deletes)
    {
        var condemned = deletes.ToList();
        var rounds = new List<List<(EngineResource Old, Operation Operation)>>();
        while (condemned.Count > 0)
        {
            var urns = condemned.Select(c => c.Old.Urn).ToHashSet();
            var round = condemned.Where(c => !c.Old.Dependencies.Any(urns.Contains)).ToList();
            if (round.Count == 0) throw new InvalidOperationException("dependency cycle among deletes");
            rounds.Add(round);
            condemned = [.. condemned.Except(round)];
        }
        rounds.Reverse();
        return rounds;
    }

    private sealed record DiffResult(IReadOnlyList<string> Changed, IReadOnlyList<string> ReplaceKeys, bool DeleteBeforeReplace);

    private static DiffResult Diff(EngineResource old, EngineResource goal, HashSet<string> replacedProviders)
    {
        // step_generator.go providerChanged: a resource whose provider is replaced is replaced
        // ("If there is a replacement diff, we must also replace this resource"); an updated provider
        // keeps its ID and with it the reference (step.go UpdateStep.Apply: s.new.ID = s.old.ID).
        if (goal.Provider is { } provider && replacedProviders.Contains(provider))
            return new DiffResult(["provider"], ["provider"], false);

        // step_generator.go processIgnoreChanges: each ignored path takes its old value before the diff;
        // the Kubernetes provider also drops ignored paths from its diff (provider.go Diff, "Remove any ignored changes").
        var inputs = IgnoreChanges(goal.Inputs, old.Inputs, goal.IgnoreChanges);
        var changed = new List<string>();
        Compare(old.Inputs, inputs, "", changed);
        if (changed.Count == 0) return new DiffResult([], [], false);

        if (goal.Type == KubernetesProviderType) return ProviderConfigDiff(old, inputs, changed);
        if (goal.Type == Mocks.RandomIdType)
        {
            // terraform-provider-random internal/provider/resource_id.go (upstream of pulumi-random 4.21.1):
            // keepers RequiresReplaceIfValuesNotNull, byte_length and prefix RequiresReplace; no delete-before-replace.
            return new DiffResult(changed, [.. changed.Where(p => Under(p, "keepers") || Under(p, "byteLength") || Under(p, "prefix"))], false);
        }
        if (goal.Type == HelmReleaseType)
        {
            // pulumi-kubernetes provider/pkg/provider/helm_release.go Diff: forceNewFields := [".name", ".namespace"],
            // DeleteBeforeReplace: false; anything else is an in-place helm upgrade.
            return new DiffResult(changed, [.. changed.Where(p => Under(p, "name") || Under(p, "namespace"))], false);
        }
        if (goal.Type.StartsWith("kubernetes:", StringComparison.Ordinal))
        {
            var forceNew = ForceNew(goal.Type);
            var replace = changed.Where(p => forceNew.Any(f => Under(p, f))).ToList();
            // provider.go Diff: delete before replace when the object must be replaced and keeps its name
            // and namespace ("The new, user-specified name is the same as the old name").
            var dbr = replace.Count > 0
                      && Equals(At(inputs, "metadata", "name"), At(old.Inputs, "metadata", "name"))
                      && Equals(At(inputs, "metadata", "namespace"), At(old.Inputs, "metadata", "namespace"));
            return new DiffResult(changed, replace, dbr);
        }
        throw new NotSupportedException($"no diff rule for {goal.Type}");
    }

    /// <summary>
    /// Paths whose change replaces a Kubernetes object: metadata.name and metadata.namespace always,
    /// and per kind the table in pulumi-kubernetes v4.32.0 provider/pkg/provider/diff.go (forceNew),
    /// for the kinds this program declares. Secrets: only .type, as the stack's provider sets
    /// enableSecretMutable (diff.go: stringData and data are replacements only without it).
    /// ConfigMaps (a campaign's point table): data and binaryData, as the provider does not set
    /// enableConfigMapMutable (diff.go forceNewProperties: <c>clients.IsConfigMap(obj) &amp;&amp;
    /// (!k.enableConfigMapMutable || clients.IsImmutable(obj))</c>).
    /// </summary>
    private static IReadOnlyList<string> ForceNew(string type)
    {
        string[] metadata = ["metadata.name", "metadata.namespace"];
        string[] kind = type switch
        {
            "kubernetes:batch/v1:Job" => ["spec.completions", "spec.parallelism", "spec.selector", "spec.template"],
            "kubernetes:core/v1:ConfigMap" => ["binaryData", "data"],
            "kubernetes:core/v1:PersistentVolumeClaim" => ["spec.accessModes", "spec.selector", "spec.storageClassName", "spec.volumeName"],
            "kubernetes:core/v1:ResourceQuota" => ["spec.scopes"],
            "kubernetes:core/v1:Secret" => ["type"],
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding" => ["roleRef"],
            "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding" => ["roleRef"],
            // Not in the table: Namespace, LimitRange, ServiceAccount, CronJob, the External Secrets kinds.
            _ => [],
        };
        return [.. metadata, .. kind];
    }

    /// <summary>
    /// The Kubernetes provider's own diff (provider.go DiffConfig): renderYamlToDirectory changes
    /// replace it ("all the manifests will be replaced"); a changed clusterIdentifier replaces it; an
    /// unchanged one that is set cancels any replacement; otherwise a change of context (the active
    /// cluster) replaces it. Anything else (namespace, enableSecretMutable) is an update.
    /// </summary>
    private static DiffResult ProviderConfigDiff(EngineResource old, IReadOnlyDictionary<string, object> inputs, List<string> changed)
    {
        var replace = new List<string>();
        if (changed.Contains("renderYamlToDirectory")) replace.Add("renderYamlToDirectory");
        var oldId = old.Inputs.GetValueOrDefault("clusterIdentifier");
        var newId = inputs.GetValueOrDefault("clusterIdentifier");
        if (oldId is not null && newId is not null && !Equals(oldId, newId)) replace.Add("clusterIdentifier");
        if (changed.Contains("context")) replace.Add("context");
        if (newId is not null && Equals(oldId, newId)) replace.Clear();
        return new DiffResult(changed, replace, false);
    }

    private static IReadOnlyDictionary<string, object> IgnoreChanges(IReadOnlyDictionary<string, object> inputs, IReadOnlyDictionary<string, object> oldInputs, IReadOnlyList<string> paths)
    {
        var copy = (Dictionary<string, object>)Copy(inputs)!;
        foreach (var path in paths)
        {
            var keys = path.Split('.');
            var old = At(oldInputs, keys);
            var parent = (IDictionary<string, object>?)At(copy, keys[..^1]);
            if (parent is null) continue;
            // PropertyPath.Reset: the old value, or none when the old inputs had none.
            if (old is null) parent.Remove(keys[^1]);
            else parent[keys[^1]] = Copy(old)!;
        }
        return copy;
    }

    private static object? Copy(object? value) => value switch
    {
        IEnumerable<KeyValuePair<string, object>> map => map.ToDictionary(kv => kv.Key, kv => Copy(kv.Value)!, StringComparer.Ordinal),
        string s => s,
        IEnumerable list => list.Cast<object>().Select(Copy).ToList(),
        _ => value,
    };

    private static object? At(object? tree, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (tree is not IEnumerable<KeyValuePair<string, object>> map) return null;
            tree = map.FirstOrDefault(kv => kv.Key == key).Value;
        }
        return tree;
    }

    /// <summary>The leaf paths (keys and list indexes joined by dots) where two input trees differ.</summary>
    private static void Compare(object? a, object? b, string path, List<string> changed)
    {
        switch (a, b)
        {
            case (IEnumerable<KeyValuePair<string, object>> x, IEnumerable<KeyValuePair<string, object>> y):
                var xs = x.ToDictionary(kv => kv.Key, kv => kv.Value);
                var ys = y.ToDictionary(kv => kv.Key, kv => kv.Value);
                foreach (var key in xs.Keys.Union(ys.Keys).Order(StringComparer.Ordinal))
                    Compare(xs.GetValueOrDefault(key), ys.GetValueOrDefault(key), path.Length == 0 ? key : $"{path}.{key}", changed);
                break;
            case (IList x, IList y) when a is not string && b is not string:
                if (x.Count != y.Count)
                {
                    changed.Add(path);
                    break;
                }
                for (var i = 0; i < x.Count; i++) Compare(x[i], y[i], $"{path}.{i}", changed);
                break;
            default:
                if (!Equals(Scalar(a), Scalar(b))) changed.Add(path);
                break;
        }
    }

    // The engine carries every number as a double.
    private static object? Scalar(object? value) => value switch
    {
        int i => (double)i,
        long l => (double)l,
        _ => value,
    };

    private static bool Under(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal);
}
