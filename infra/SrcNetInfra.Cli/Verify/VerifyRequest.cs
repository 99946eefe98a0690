using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>What one <c>srcnet verify</c> was asked: the stack's target, the cluster to ask and how.</summary>
/// <param name="Run">The value of <c>--run</c>: an OBS_ID or FILE_PREFIX; null for the newest run.</param>
/// <param name="Timeout">The bound on every single call to the cluster.</param>
public sealed record VerifyRequest(
    VerifyTarget Target,
    string Kubeconfig,
    string? Context,
    string? Run,
    TimeSpan Timeout,
    bool Json);
