using SrcNetInfra.Core.Plan;

namespace SrcNetInfra;

/// <summary>What the stack's previous deployment left in its outputs.</summary>
/// <param name="IdentityJson">Its <see cref="DeployedIdentity"/> record as JSON; null when it left none.</param>
/// <param name="HadOutputs">Whether it left outputs at all (false: the stack was never deployed).</param>
/// <param name="JobRunId">The run id of a Job stack's deployed run (its output runId); null for another workload, or none.</param>
public sealed record PreviousDeployment(string? IdentityJson, bool HadOutputs, string? JobRunId = null);
