using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// What OSKAR runs on, for the memory estimate: <c>srcnet estimate</c>'s <c>--node-cpus</c> and
/// <c>--gpus</c>. A stack states neither as such: its CPU limit stands in for the node's CPUs, and
/// its <c>srcnet:workflow.resources.gpu</c> is the GPUs (<see cref="EstimateInput.For(Model.WorkflowSpec)"/>).
/// </summary>
public static class DeviceSettings
{
    /// <summary>The reference Job's CPU limit stands in for the node's CPUs when nothing better is known.</summary>
    public static readonly WholeNumberSetting NodeCpus = new("resources.limits.cpu", "--node-cpus", 32, 1, 100_000,
        "CPUs of the node: without a GPU, OSKAR starts a compute device per CPU (default: the stack's CPU limit, else 32)");

    public static readonly WholeNumberSetting Gpus = new("resources.gpu", "--gpus", 0, 0, 64,
        "GPUs the simulation gets (default: the stack's resources.gpu, else 0)");
}
