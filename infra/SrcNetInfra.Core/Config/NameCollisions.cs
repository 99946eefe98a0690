using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Names from different keys that would make two objects one: an object the plan creates with the
/// name of another that is already there, or that the ingestor chart or Kubernetes makes. Each
/// error names both keys (or the other object), because either may be the one to change.
/// </summary>
internal static class NameCollisions
{
    /// <summary>The ingestor chart's claim (docs/ingestor.md#what-the-chart-creates: template core-deployment.yaml creates it).</summary>
    private const string IngestClaim = "ingest-area";

    /// <summary>The chart's Deployment is <c>core</c>, its pods <c>core-...</c>: that prefix is how verify finds the ingestor.</summary>
    private const string IngestorDeployment = "core";

    public static void Check(EnvironmentSpec spec, Problems problems)
    {
        if (spec.Scratch.Mode == ScratchMode.SharedClaim && spec.Scratch.ClaimName == IngestClaim)
            problems.Error("srcnet:scratch.claimName",
                $"{IngestClaim} is the ingestor's claim (the chart of srcnet:ingestor creates it): scratch and the ingest area " +
                "would be one volume, and WSClean's files would be ingested; choose another name, such as temporal-scratch");

        var workflow = spec.Workflow.Name;
        if (workflow == IngestorDeployment || workflow.StartsWith(IngestorDeployment + "-", StringComparison.Ordinal))
            problems.Error("srcnet:workflow.name",
                $"{UserText.Quote(workflow)} names the simulation's pods {IngestorDeployment}-..., like the pods of the ingestor's " +
                $"Deployment {IngestorDeployment} (srcnet:ingestor): srcnet verify finds the ingestor by that prefix; choose another name");

        if (workflow == Plan.Janitor.Name)
            problems.Error("srcnet:workflow.name",
                $"{Plan.Janitor.Name} is the name of the retention janitor's CronJob (srcnet:retention), and its Jobs are named like it; choose another name");

        if (spec.Secret.Mode == SecretMode.ExternalSecret && spec.Secret.Vault.ServiceAccount == "default")
            problems.Error("srcnet:secret.vault.serviceAccount",
                "default is the service account of every pod in the namespace that names none: it exists already, and binding it " +
                "to system:auth-delegator would let all those pods review tokens; choose another name, such as datalake-ingestion");

        // The auth-delegator binding is cluster-wide, named <namespace>-<serviceAccount>-auth-delegator
        // to keep environments apart; the API server takes object names of at most 253 characters.
        if (spec.Secret.Mode == SecretMode.ExternalSecret && Names.CheckObjectName(spec.Secret.Vault.ServiceAccount) is null
            && Plan.SecretObjects.AuthDelegatorBindingName(spec) is { Length: > 253 } binding)
            problems.Error("srcnet:secret.vault.serviceAccount",
                $"makes the ClusterRoleBinding name {UserText.Quote(binding)} {binding.Length} characters long with srcnet:namespace.name; " +
                $"the API server allows 253: use at most {253 - binding.Length + spec.Secret.Vault.ServiceAccount.Length} characters");

        // Helm keeps each release's state in a Secret sh.helm.release.v1.<release>.v<revision>.
        var helmState = $"sh.helm.release.v1.{spec.Ingestor.ReleaseName}.v";
        if (spec.Secret.Mode != SecretMode.ExistingSecret && spec.Secret.Name.StartsWith(helmState, StringComparison.Ordinal))
            problems.Error("srcnet:secret.name",
                $"{UserText.Quote(spec.Secret.Name)} is the name of a Secret in which Helm keeps the state of the release " +
                "srcnet:ingestor.releaseName; choose another name");
    }
}
