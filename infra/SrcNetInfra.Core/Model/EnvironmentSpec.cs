namespace SrcNetInfra.Core.Model;

/// <summary>
/// One environment (one Pulumi stack), typed and validated: everything the plan is made from.
/// </summary>
/// <param name="Stack">The stack's name (dev, prod, ...), used in labels and outputs.</param>
/// <param name="Campaign">The campaign of a stack in workflow mode campaign; null otherwise.</param>
public sealed record EnvironmentSpec(
    string Stack,
    NamespaceSpec Namespace,
    QuotaSpec Quota,
    SecretSpec Secret,
    IngestorSpec Ingestor,
    WorkflowSpec Workflow,
    ScratchSpec Scratch,
    DeploySpec Deploy,
    RetentionSpec Retention,
    CampaignSpec? Campaign = null);
