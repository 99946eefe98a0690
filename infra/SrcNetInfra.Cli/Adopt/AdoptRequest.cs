using SrcNetInfra.Core.Adoption;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Cli.Adopt;

/// <summary>What one <c>srcnet adopt</c> was asked: the stack's plan, the cluster to read and where the import file goes.</summary>
/// <param name="ImportFile">The full path of the import file (<c>--out</c>), checked to be writable before the cluster is asked.</param>
/// <param name="Paths">The stack, its file and the import file as the printed commands name them.</param>
public sealed record AdoptRequest(
    EnvironmentPlan Plan,
    string Kubeconfig,
    string? Context,
    TimeSpan Timeout,
    string ImportFile,
    AdoptionPaths Paths,
    bool Json);
