using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>The config words of the model's enums, each table the only place its words are written.</summary>
public static class ConfigWords
{
    /// <summary><c>srcnet:workflow.mode</c>.</summary>
    public static readonly Words<WorkflowMode> WorkflowMode = new(
        (Model.WorkflowMode.Job, "job"),
        (Model.WorkflowMode.CronJob, "cronjob"),
        (Model.WorkflowMode.Campaign, "campaign"));

    /// <summary><c>srcnet:scratch.mode</c>.</summary>
    public static readonly Words<ScratchMode> ScratchMode = new(
        (Model.ScratchMode.Ephemeral, "ephemeral"),
        (Model.ScratchMode.SharedClaim, "sharedClaim"),
        (Model.ScratchMode.EmptyDir, "emptyDir"));

    /// <summary><c>srcnet:secret.mode</c>.</summary>
    public static readonly Words<SecretMode> SecretMode = new(
        (Model.SecretMode.ExternalSecret, "externalSecret"),
        (Model.SecretMode.ExistingSecret, "existingSecret"),
        (Model.SecretMode.PulumiSecret, "pulumiSecret"));
}
