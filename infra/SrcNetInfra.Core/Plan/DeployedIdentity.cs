using System.Globalization;
using System.Text.Json;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// What of a deployed environment must not change under it without steps a person takes: where it
/// is (cluster, namespace), what holds its data (the ingest area's class, access mode and size) and
/// who owns its OIDC Secret. The program records it as a stack output and, before it declares
/// anything, compares the previous deployment's record with the new config, so a change that would
/// fail half-way, delete data or move the stack is refused at <c>pulumi preview</c> with the steps.
/// </summary>
public sealed record DeployedIdentity
{
    public const string OutputName = "deployedIdentity";

    public required string KubeContext { get; init; }
    public required string RenderYamlToDirectory { get; init; }
    public required string Namespace { get; init; }
    public required string SecretMode { get; init; }
    public required string SecretName { get; init; }
    public required string IngestStorageClass { get; init; }
    public required string IngestAccessMode { get; init; }
    public required string IngestSize { get; init; }

    /// <summary>
    /// Whether the stack created (and so owns) its namespace; null in a record from before this was
    /// recorded, which then checks nothing about it.
    /// </summary>
    public bool? NamespaceCreated { get; init; }

    public static DeployedIdentity Of(CheckedEnvironment env)
    {
        var spec = env.Spec;
        return new DeployedIdentity
        {
            KubeContext = spec.Deploy.KubeContext ?? "",
            RenderYamlToDirectory = spec.Deploy.RenderYamlToDirectory ?? "",
            Namespace = spec.Namespace.Name,
            SecretMode = ConfigWords.SecretMode.Of(spec.Secret.Mode),
            SecretName = spec.Secret.Name,
            IngestStorageClass = spec.Ingestor.Persistence.StorageClass,
            IngestAccessMode = spec.Ingestor.Persistence.AccessMode,
            IngestSize = env.Sizing.IngestRequest.Text,
            NamespaceCreated = spec.Namespace.Create,
        };
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The record a previous deployment left, or null when there is none or it cannot be read.</summary>
    public static DeployedIdentity? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<DeployedIdentity>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why deploying <paramref name="next"/> over <paramref name="previous"/> must not go ahead as it is,
    /// each with what to do instead; empty when it may (or when nothing was deployed before).
    /// </summary>
    public static IReadOnlyList<Problem> Changes(DeployedIdentity? previous, DeployedIdentity next, bool protectData)
    {
        var problems = new Problems();
        if (previous is null) return problems.All;

        if (previous.KubeContext != next.KubeContext)
            problems.Error("srcnet:deploy.kubeContext",
                $"the stack is deployed through context {UserText.Quote(previous.KubeContext)}, now {UserText.Quote(next.KubeContext)}: changing it replaces every object " +
                "(created on the new cluster, deleted from the old); to move a stack, destroy it on the old cluster first, or put the old context back");
        if (previous.RenderYamlToDirectory != next.RenderYamlToDirectory)
            problems.Error("srcnet:deploy.renderYamlToDirectory",
                "changing it on a deployed stack replaces the provider and with it every object (deleted from the cluster); render with `srcnet render --out DIR` instead, or use a separate stack");
        if (previous.Namespace != next.Namespace && protectData)
            problems.Error("srcnet:namespace.name",
                $"the stack's data lives in namespace {UserText.Quote(previous.Namespace)}; moving it to {UserText.Quote(next.Namespace)} would make a new, empty ingest area; keep the name, or copy the data and unprotect the old namespace first");

        // A namespace the stack no longer declares is deleted by Pulumi, and with it, by the cluster,
        // everything in it: the runs, the ingestor, the ingest area. Protected, `pulumi up` fails instead.
        if (previous.NamespaceCreated == true && next.NamespaceCreated == false && previous.Namespace == next.Namespace)
            problems.Error("srcnet:namespace.create",
                $"the stack created namespace {UserText.Quote(next.Namespace)}; with create: false Pulumi would delete it and everything in it" +
                (protectData ? " (it is protected, so pulumi up would fail)" : "") +
                "; to keep it and stop managing it, first remove it from the stack's state: `pulumi stack --show-urns` names its URN (type kubernetes:core/v1:Namespace, name namespace), " +
                (protectData ? "then `pulumi state unprotect URN` and " : "then ") + "`pulumi state delete URN` (the namespace stays), then deploy");

        if (previous.IngestStorageClass != next.IngestStorageClass || previous.IngestAccessMode != next.IngestAccessMode)
        {
            var what = previous.IngestStorageClass != next.IngestStorageClass
                ? ("storageClass", previous.IngestStorageClass, next.IngestStorageClass)
                : ("accessMode", previous.IngestAccessMode, next.IngestAccessMode);
            var message = $"the deployed ingest-area has {what.Item1} {what.Item2}, now {what.Item3}: a claim's {what.Item1} cannot change, " +
                          "so the claim and its data would be replaced; put the old value back, or copy the data to a claim of the new kind yourself";
            if (protectData) problems.Error($"srcnet:ingestor.persistence.{what.Item1}", message);
            else problems.Warning($"srcnet:ingestor.persistence.{what.Item1}", message);
        }
        if (Storage(next.IngestSize) < Storage(previous.IngestSize))
            problems.Error("srcnet:ingestor.persistence.size",
                $"the deployed ingest-area requests {previous.IngestSize}, the config now {next.IngestSize}: Kubernetes never shrinks a claim; " +
                $"set srcnet:ingestor.persistence.size: {previous.IngestSize}");

        if (previous.SecretMode != next.SecretMode && previous.SecretName == next.SecretName && SecretHandOver(previous.SecretMode, next.SecretMode) is { } steps)
            problems.Error("srcnet:secret.mode", $"changes from {previous.SecretMode} to {next.SecretMode} for Secret {UserText.Quote(next.SecretName)}: {steps}");
        return problems.All;
    }

    /// <summary>
    /// The run a Job stack keeps for one deployment when the first srcnet program (one ConfigGroup
    /// per group; it left outputs but no identity record) deployed it: that program's Job is not
    /// retained on delete in Pulumi's state, and the engine takes that flag from the old state, not
    /// from this program (docs/platform.md#retained-resources-and-replacement), so replacing it now
    /// would kill a run still going. Kept, with its spec left as it is, the Job is recorded as
    /// retained; the next deployment then starts a new run if one is due, beside it. Null: nothing to keep.
    /// </summary>
    public static string? EarlierProgramRun(bool previousHadOutputs, DeployedIdentity? previous, string? previousJobRunId, EnvironmentSpec spec) =>
        previousHadOutputs && previous is null && spec.Workflow.Mode == WorkflowMode.Job && previousJobRunId is { Length: > 0 } id ? id : null;

    /// <summary>What the user is told when <see cref="EarlierProgramRun"/> keeps a run.</summary>
    public static Problem KeptRunWarning(EnvironmentSpec spec, string runId)
    {
        var problems = new Problems();
        problems.Warning("srcnet:workflow",
            $"stack {spec.Stack} was deployed by an earlier srcnet, whose Job Pulumi would delete when replaced: this update keeps run {runId} " +
            "as it is and records its Job as retained, so a run still going is never killed; if the run changed, the next pulumi up starts the new one beside it");
        return problems.All[0];
    }

    /// <summary>
    /// The steps when the owner of the Secret changes: External Secrets deletes the Secret it owns with
    /// its ExternalSecret, and a Secret Pulumi did not create makes its create fail with AlreadyExists.
    /// </summary>
    private static string? SecretHandOver(string from, string to) => (from, to) switch
    {
        ("externalSecret", "pulumiSecret") =>
            "the operator would delete the Secret with its ExternalSecret while Pulumi creates one of the same name; first drop the operator's " +
            "ownership (kubectl -n NAMESPACE patch secret NAME --type=json -p '[{\"op\":\"remove\",\"path\":\"/metadata/ownerReferences\"}]'), " +
            "deploy once with mode existingSecret, then `pulumi import kubernetes:core/v1:Secret oidc-client NAMESPACE/NAME` and set pulumiSecret",
        ("externalSecret", "existingSecret") =>
            "the operator would delete the Secret with its ExternalSecret; first drop its ownership (kubectl -n NAMESPACE patch secret NAME --type=json " +
            "-p '[{\"op\":\"remove\",\"path\":\"/metadata/ownerReferences\"}]'), then deploy",
        ("pulumiSecret", "externalSecret") or ("pulumiSecret", "existingSecret") =>
            "Pulumi would delete the Secret it created; first `pulumi state delete` its resource oidc-client (the Secret stays), then deploy",
        ("existingSecret", "pulumiSecret") =>
            "creating it would fail because the Secret exists; first `pulumi import kubernetes:core/v1:Secret oidc-client NAMESPACE/NAME`, then deploy",
        _ => null,
    };

    private static decimal Storage(string text) => Quantity.TryParse(text, out var q) ? q.Value : 0m;
}
