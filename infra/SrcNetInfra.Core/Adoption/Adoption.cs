using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;

namespace SrcNetInfra.Core.Adoption;

/// <summary>Where the adoption's commands point: the stack, its file when Pulumi needs it named, the import file.</summary>
/// <param name="ConfigFile">The stack file as <c>--config-file</c> takes it, or null when it sits beside Pulumi.yaml.</param>
public sealed record AdoptionPaths(string Stack, string? ConfigFile, string ImportFile);

/// <summary>
/// Brings an environment that was set up by hand (namespace, Secret, the ingestor's Helm release and
/// the claim its chart made) under a stack without downtime or data loss. A pure decision from what
/// the cluster holds to findings and steps; the path it lays out (README, "Adopt an existing environment"):
/// <list type="number">
/// <item>a chart-made <c>ingest-area</c> is annotated <c>helm.sh/resource-policy: keep</c> first, else the
/// release's upgrade deletes it with its data (docs/platform.md#helm-release-upgrade-and-destroy);</item>
/// <item><c>pulumi up</c> with <c>srcnet:deploy.adoptExisting: true</c> and <c>srcnet:ingestor.manage: false</c>:
/// what is missing is created, what exists is taken over, the hand-installed release keeps running;</item>
/// <item><c>pulumi import --file</c> of the release (<see cref="PulumiImportFile"/>);</item>
/// <item><c>pulumi up</c> with <c>manage: true</c> and <c>adoptExisting: false</c>: the release is upgraded in
/// place to the stack's values (<c>persistence.existingClaim</c>), and the kept claim stays.</item>
/// </list>
/// </summary>
public static class Adoption
{
    public const string AdoptExistingKey = "srcnet:deploy.adoptExisting";
    public const string ManageKey = "srcnet:ingestor.manage";
    public const string NamespaceCreateKey = "srcnet:namespace.create";

    public static AdoptionReport Decide(EnvironmentPlan plan, AdoptionObservation seen, AdoptionPaths paths)
    {
        var findings = new List<AdoptionFinding>();
        var spec = plan.Spec;
        foreach (var step in plan.Steps)
        {
            switch (step)
            {
                case ObjectStep { Object: V1Namespace }:
                    break;
                case ObjectStep o when o.ResourceName == "ingest-area":
                    findings.AddRange(IngestArea(plan, seen.IngestArea));
                    break;
                case ObjectStep o:
                    findings.Add(PlannedObject(o.Object, seen.ExistingObjects.Contains(o.ResourceName)));
                    break;
            }
        }
        findings.Insert(0, Namespace(spec, seen.NamespaceExists));
        findings.Add(Secret(plan, seen.Secret));
        findings.Add(Release(plan, seen));

        var import = seen.Release is { } release && release.ChartName.Length > 0
            ? new PulumiImportFile(paths.Stack, spec.Namespace.Name, spec.Ingestor.ReleaseName)
            : null;
        var ordered = findings.Where(f => f.Kind == FindingKind.Blocker).Concat(findings.Where(f => f.Kind != FindingKind.Blocker)).ToList();
        return new AdoptionReport(ordered, Steps(spec, seen, paths, import is not null), import);
    }

    private static AdoptionFinding Namespace(EnvironmentSpec spec, bool exists)
    {
        var ns = spec.Namespace.Name;
        var subject = $"Namespace {ns}";
        if (!spec.Namespace.Create)
        {
            return exists
                ? new AdoptionFinding(FindingKind.Found, subject, $"exists; the stack deploys into it without owning it ({NamespaceCreateKey} is false)")
                : new AdoptionFinding(FindingKind.Blocker, subject,
                    $"does not exist and {NamespaceCreateKey} is false: create it, or let the stack create it",
                    $"kubectl create namespace {ShellWord.Quote(ns)}",
                    [new StackSetting(NamespaceCreateKey, "true", false)]);
        }
        if (!exists) return new AdoptionFinding(FindingKind.Found, subject, "does not exist: pulumi up creates it");
        var destroy = spec.Deploy.ProtectData
            ? "it is protected (srcnet:deploy.protectData): pulumi destroy stops at it"
            : "pulumi destroy would then delete it with everything in it";
        return new AdoptionFinding(FindingKind.Found, subject,
            $"exists: pulumi up takes it over and owns it (its labels and Pod Security level are set); {destroy}. " +
            $"To deploy into it without owning it, set {NamespaceCreateKey}: false");
    }

    private static AdoptionFinding PlannedObject(k8s.IKubernetesObject<V1ObjectMeta> obj, bool exists)
    {
        var subject = $"{obj.Kind} {obj.Metadata.Name}";
        return exists
            ? new AdoptionFinding(FindingKind.Found, subject, "exists: pulumi up takes it over (server-side apply) and sets it to the stack's version")
            : new AdoptionFinding(FindingKind.Found, subject, "does not exist: pulumi up creates it");
    }

    /// <summary>
    /// The claim that holds the data. Its class and access mode cannot change and its request cannot
    /// shrink (Kubernetes' claim validation), so the stack must state what the live claim has; and a
    /// claim the chart made must be kept before the release's upgrade drops it from its manifest.
    /// </summary>
    private static IEnumerable<AdoptionFinding> IngestArea(EnvironmentPlan plan, LiveClaim? live)
    {
        var subject = $"PersistentVolumeClaim {IngestAreaClaim.Name}";
        if (live is null)
        {
            yield return new AdoptionFinding(FindingKind.Found, subject, "does not exist: pulumi up creates it (empty)");
            yield break;
        }
        var ns = plan.Spec.Namespace.Name;
        var area = plan.Spec.Ingestor.Persistence;
        var persistence = "srcnet:ingestor.persistence";
        if ((live.StorageClass ?? "") != area.StorageClass)
        {
            yield return live.StorageClass is { Length: > 0 } liveClass
                ? new AdoptionFinding(FindingKind.Blocker, subject,
                    $"has storage class {liveClass}, the stack {area.StorageClass}: a claim's storage class cannot change, so pulumi up would fail; " +
                    "state the live one", Settings: [new StackSetting($"{persistence}.storageClass", liveClass, false)])
                : new AdoptionFinding(FindingKind.Blocker, subject,
                    $"has no storage class (bound to a volume by hand), the stack {area.StorageClass}: a claim's storage class cannot change; " +
                    "copy the data to a claim of a storage class first");
        }
        if (live.AccessModes.Count != 1 || live.AccessModes[0] != area.AccessMode)
        {
            var modes = live.AccessModes.Count == 0 ? "no access mode" : "access modes " + string.Join(", ", live.AccessModes);
            yield return live.AccessModes is [var one] && Config.IngestorConfig.AccessModes.Contains(one)
                ? new AdoptionFinding(FindingKind.Blocker, subject,
                    $"has access mode {one}, the stack {area.AccessMode}: a claim's access mode cannot change, so pulumi up would fail; state the live one",
                    Settings: [new StackSetting($"{persistence}.accessMode", one, false)])
                : new AdoptionFinding(FindingKind.Blocker, subject,
                    $"has {modes}, the stack {area.AccessMode}: a claim's access modes cannot change and srcnet states exactly one; copy the data to a new claim first");
        }
        var stackRequest = plan.Environment.Sizing.IngestRequest;
        if (Quantity.TryParse(live.Request, out var liveRequest))
        {
            if (stackRequest.Value < liveRequest.Value)
                yield return new AdoptionFinding(FindingKind.Blocker, subject,
                    $"requests {liveRequest.Text}, the stack {stackRequest.Text}: Kubernetes never shrinks a claim, so pulumi up would fail; state the live size",
                    Settings: [new StackSetting($"{persistence}.size", liveRequest.Text, false)]);
            else if (stackRequest.Value > liveRequest.Value)
                yield return new AdoptionFinding(FindingKind.Found, subject,
                    $"requests {liveRequest.Text}; pulumi up grows it to {stackRequest.Text}, which needs a storage class that allows volume expansion " +
                    $"(or set {persistence}.size: {liveRequest.Text})");
        }

        if (live.HelmRelease is { } owner && !live.Kept)
        {
            yield return new AdoptionFinding(FindingKind.Blocker, subject,
                $"was made by Helm release {owner} ({LiveClaim.HelmReleaseAnnotation}) and is not marked {LiveClaim.ResourcePolicyAnnotation}: {LiveClaim.KeepPolicy}. " +
                "The stack's upgrade of the release gives the chart persistence.existingClaim, the claim leaves the release's manifest, " +
                "and Helm deletes it with its data; mark it keep first",
                $"kubectl annotate persistentvolumeclaim {ShellWord.Quote(IngestAreaClaim.Name)} -n {ShellWord.Quote(ns)} " +
                ShellWord.Quote($"{LiveClaim.ResourcePolicyAnnotation}={LiveClaim.KeepPolicy}"));
        }
        else if (live.HelmRelease is { } keptOwner)
        {
            yield return new AdoptionFinding(FindingKind.Found, subject,
                $"was made by Helm release {keptOwner} and is marked {LiveClaim.ResourcePolicyAnnotation}: {LiveClaim.KeepPolicy}: " +
                "the release's upgrade leaves it in place, and pulumi up takes it over with its data");
        }
        else
        {
            yield return new AdoptionFinding(FindingKind.Found, subject, "exists: pulumi up takes it over with its data");
        }
    }

    private static AdoptionFinding Secret(EnvironmentPlan plan, LiveSecret? live)
    {
        var spec = plan.Spec;
        var secret = spec.Secret;
        var ns = spec.Namespace.Name;
        var subject = $"Secret {secret.Name}";
        string[] keys = [secret.ClientIdKey, secret.ClientSecretKey];
        switch (secret.Mode)
        {
            case SecretMode.ExistingSecret when live is null:
                // From files, not --from-literal: a literal would stay in shell history and the process list.
                return new AdoptionFinding(FindingKind.Blocker, subject,
                    "does not exist, and in mode existingSecret nothing creates it: the ingestor cannot start; create it from files holding the values (then delete them)",
                    $"kubectl create secret generic {ShellWord.Quote(secret.Name)} -n {ShellWord.Quote(ns)} " +
                    string.Join(" ", keys.Select(k => ShellWord.Quote($"--from-file={k}=./{k}"))));
            case SecretMode.ExistingSecret when keys.Where(k => !live.KeysWithValues.Contains(k)).ToList() is { Count: > 0 } missing:
                return new AdoptionFinding(FindingKind.Blocker, subject,
                    $"has no value for {string.Join(" and ", missing)} (srcnet:secret.clientIdKey, clientSecretKey): the ingestor cannot start; " +
                    $"add {(missing.Count == 1 ? "it" : "them")} to the Secret, or name the keys it has");
            case SecretMode.ExistingSecret:
                return new AdoptionFinding(FindingKind.Found, subject, $"exists with {keys[0]} and {keys[1]}: the stack uses it as it is");
            case SecretMode.ExternalSecret when live?.Controller is { Kind: "ExternalSecret" } owner && owner.Name != secret.Name:
                return new AdoptionFinding(FindingKind.Blocker, subject,
                    $"is owned by ExternalSecret {owner.Name}: the operator refuses to sync a Secret another ExternalSecret owns; " +
                    $"drop that ownership, then delete ExternalSecret {owner.Name}",
                    $"kubectl -n {ShellWord.Quote(ns)} patch secret {ShellWord.Quote(secret.Name)} --type=json -p " +
                    ShellWord.Quote("[{\"op\":\"remove\",\"path\":\"/metadata/ownerReferences\"}]"));
            case SecretMode.ExternalSecret when live is null:
                return new AdoptionFinding(FindingKind.Found, subject, "does not exist: the External Secrets Operator creates it from Vault");
            case SecretMode.ExternalSecret:
                // With creationPolicy Owner an existing Secret is updated and the ExternalSecret becomes its
                // controller (docs/ingestor.md#a-secret-that-exists-before-its-externalsecret).
                return new AdoptionFinding(FindingKind.Found, subject,
                    "exists: the External Secrets Operator takes it over (creationPolicy Owner), overwrites its keys from Vault, " +
                    "and deletes it with the ExternalSecret; the running ingestor keeps the values it started with");
            case SecretMode.PulumiSecret when live is null:
                return new AdoptionFinding(FindingKind.Found, subject, "does not exist: pulumi up creates it from the stack's Pulumi secrets");
            default:
                return new AdoptionFinding(FindingKind.Found, subject,
                    "exists: pulumi up takes it over and overwrites its keys with the Pulumi secrets srcnet:oidcClientId and srcnet:oidcClientSecret");
        }
    }

    private static AdoptionFinding Release(EnvironmentPlan plan, AdoptionObservation seen)
    {
        var spec = plan.Spec;
        var wanted = plan.Ingestor;
        var ns = spec.Namespace.Name;
        var subject = $"Helm release {wanted.Name}";
        if (seen.UnreadableRelease)
            return new AdoptionFinding(FindingKind.Blocker, subject,
                "has a record that is not a Helm 3 release srcnet can read, so its chart cannot be checked; look at it",
                $"helm status {ShellWord.Quote(wanted.Name)} -n {ShellWord.Quote(ns)}");
        if (seen.Release is not { } live)
            return new AdoptionFinding(FindingKind.Found, subject, $"is not installed: pulumi up installs chart {wanted.Chart} {wanted.Version}");
        var what = $"revision {live.Revision}, chart {live.ChartName} {live.ChartVersion}, status {live.Status}";
        if (live.ChartName != wanted.Chart)
            return new AdoptionFinding(FindingKind.Blocker, subject,
                $"is {what}, not {wanted.Chart}: importing it would turn another application into the ingestor; " +
                "uninstall it, or give the stack another srcnet:ingestor.releaseName");
        if (live.Pending)
            return new AdoptionFinding(FindingKind.Blocker, subject,
                $"is {what}: Helm refuses to upgrade a release while another operation is in progress; let it finish, or roll it back",
                $"helm rollback {ShellWord.Quote(wanted.Name)} -n {ShellWord.Quote(ns)}");
        if (live.Status is not ("deployed" or "failed" or "superseded"))
            return new AdoptionFinding(FindingKind.Blocker, subject,
                $"is {what}, not a running release; uninstall it, then let pulumi up install it",
                $"helm uninstall {ShellWord.Quote(wanted.Name)} -n {ShellWord.Quote(ns)}");
        var upgrade = live.ChartVersion == wanted.Version ? $"its chart stays {wanted.Version}" : $"its chart goes from {live.ChartVersion} to {wanted.Version}";
        return new AdoptionFinding(FindingKind.Found, subject,
            $"is {what}: it keeps running; it is imported into the stack's state and then upgraded in place to the stack's values ({upgrade})");
    }

    private static IReadOnlyList<AdoptionStep> Steps(EnvironmentSpec spec, AdoptionObservation seen, AdoptionPaths paths, bool import)
    {
        var target = $"--stack {ShellWord.Quote(paths.Stack)}" + (paths.ConfigFile is { } file ? $" --config-file {ShellWord.Quote(file)}" : "");
        var up = $"pulumi up {target}";
        var takeOver = (seen.NamespaceExists && spec.Namespace.Create)
                       || seen.ExistingObjects.Count > 0
                       || seen.IngestArea is not null
                       || (spec.Secret.Mode == SecretMode.PulumiSecret && seen.Secret is not null);
        var adopt = spec.Deploy.AdoptExisting;
        var manage = spec.Ingestor.Manage;
        var hasRelease = seen.Release is not null || seen.UnreadableRelease;

        if (!takeOver && !hasRelease)
        {
            return
            [
                new AdoptionStep("Nothing of the stack exists yet: pulumi up deploys it", [.. Setting(ManageKey, true, manage)], [up]),
            ];
        }
        var steps = new List<AdoptionStep>
        {
            new(hasRelease
                    ? "First pulumi up: creates what is missing and takes over what exists; the hand-installed release is left alone and keeps running"
                    : "First pulumi up: creates what is missing and takes over what exists",
                [.. Setting(AdoptExistingKey, true, adopt, when: takeOver), .. Setting(ManageKey, false, manage, when: hasRelease)],
                [up]),
        };
        if (import)
        {
            steps.Add(new AdoptionStep(
                $"Import the release into the stack's state as resource {Planner.IngestorResource}, through the stack's provider {Planner.ProviderResource}",
                [],
                [$"pulumi import {target} --file {ShellWord.Quote(paths.ImportFile)} --generate-code=false"]));
        }
        steps.Add(new AdoptionStep(
            hasRelease
                ? $"Second pulumi up: the release is upgraded in place (atomic) to the stack's values, with persistence.existingClaim {IngestAreaClaim.Name}; " +
                  $"the claim, marked keep, stays with its data"
                : "Second pulumi up: the stack now owns what it took over",
            [.. Setting(ManageKey, true, manage), .. Setting(AdoptExistingKey, false, adopt, when: takeOver)],
            [up]));
        return steps;
    }

    private static IEnumerable<StackSetting> Setting(string key, bool value, bool current, bool when = true)
    {
        if (when) yield return new StackSetting(key, value ? "true" : "false", current == value);
    }
}
