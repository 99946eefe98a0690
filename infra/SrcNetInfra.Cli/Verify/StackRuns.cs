using k8s;
using k8s.Models;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// A stack's runs on the cluster, as verify and calibrate both find them: its Jobs, newest first
/// (<see cref="RunSelection.Runs"/>), and the namespace's pods to find each run's pod among.
/// </summary>
public static class StackRuns
{
    /// <param name="cronJob">A CronJob stack's CronJob, whose runs are also the Jobs it owns; null otherwise or when it is gone.</param>
    public static async Task<(IReadOnlyList<V1Job> Runs, IList<V1Pod> Pods)> List(ClusterSession session, VerifyTarget target, V1CronJob? cronJob = null)
    {
        var ns = target.Namespace;
        // A Job or campaign stack's runs are found by their labels; a CronJob's also by ownership, so all are listed.
        var selector = target.Mode == WorkflowMode.CronJob ? null : target.RunSelector;
        var jobs = await session.Call(new ApiCall("list", "jobs", ns),
            (k, t) => k.BatchV1.ListNamespacedJobAsync(ns, labelSelector: selector, cancellationToken: t));
        var pods = (await session.Call(new ApiCall("list", "pods", ns),
            (k, t) => k.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: t))).Items;
        return (RunSelection.Runs(target, jobs.Items, cronJob), pods);
    }
}
