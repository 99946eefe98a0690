using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// How <c>pulumi up</c> and <c>pulumi destroy</c> treat one group of the plan, decided here (and
/// tested offline) so that the Pulumi program only translates it into resource options.
/// </summary>
/// <param name="Protect">Refuse to delete it: <c>pulumi destroy</c> stops until it is unprotected.</param>
public sealed record DeploymentPolicy(bool Protect)
{
    /// <summary>
    /// In a stack with <c>srcnet:deploy.protectData</c>, what holds ingested data is protected: the
    /// ingestor release (it owns the claim ingest-area) and the namespace (deleting it would delete
    /// the claim with it). Everything else, and everything in a test stack, tears down.
    /// </summary>
    public static DeploymentPolicy For(Lifecycle lifecycle, DeploySpec deploy) =>
        new(deploy.ProtectData && lifecycle == Lifecycle.Namespace);

    /// <summary>The ingestor release, which creates the claim ingest-area.</summary>
    public static DeploymentPolicy ForIngestor(DeploySpec deploy) => new(deploy.ProtectData);
}
