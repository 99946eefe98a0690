using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// The verdict and its exit code for every case, from plain observations (offline). 0 done,
/// 3 waiting helps, 4 waiting does not help.
/// </summary>
public class VerdictTests
{
    private static readonly VerifyTarget Dev = VerifyTarget.For(Cluster.Dev);
    private static readonly VerifyTarget Prod = VerifyTarget.For(Cluster.Prod);
    private static readonly ClusterRef Server = new("https://k8s.example:6443", "chsrc");
    private static readonly RunIds Ids = new("o", "p-");

    private static readonly RunState Succeeded = new(RunPhase.Succeeded, "pod", "Succeeded", "Completed", 0, null, null);
    private static readonly RunState Running = new(RunPhase.Running, "pod", "Running", null, null, null, null);
    private static readonly IngestorObservation IngestorUp = new("core-1", Running);

    private static VerifyObservation Run(RunState run, VerifyTarget? target = null, IngestorObservation? ingestor = null, params ProductState[] products)
    {
        var t = target ?? Dev;
        return new VerifyObservation(t, Server, NamespaceFound: true, JobName: "job-1", Run: run, Ids: Ids,
            Ingestor: ingestor ?? IngestorUp,
            Products: [.. products.Select((s, i) => new ProductStatus(t.Products[i], $"p-{t.Products[i]}.fits", s, null, "d"))]);
    }

    private static void Is(VerdictKind kind, int exitCode, Verdict verdict, string? contains = null)
    {
        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(exitCode, verdict.ExitCode);
        if (contains is not null) Assert.Contains(contains, verdict.Message);
    }

    [Fact]
    public void Everything_ingested_is_0()
    {
        var v = Verdict.Decide(Run(Succeeded, Prod, null, ProductState.Ingested, ProductState.Ingested));

        Is(VerdictKind.Succeeded, 0, v, "run job-1 succeeded and every selected product is ingested (dirty, cleaned)");
        Assert.Equal("succeeded", v.Name);
    }

    [Fact]
    public void Missing_namespace_is_4_and_names_the_cluster() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(new VerifyObservation(Dev, Server, NamespaceFound: false)),
            "namespace srcnet-dev not found on cluster https://k8s.example:6443 (context chsrc): is the stack deployed? (pulumi up)");

    [Fact]
    public void Missing_CronJob_is_4() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(new VerifyObservation(Prod, Server, true, WorkloadFound: false)), "CronJob karabo-aastar not found");

    [Fact]
    public void No_Job_of_a_Job_stack_is_4() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(new VerifyObservation(Dev, Server, true)), "no Job of stack dev");

    [Fact]
    public void No_run_of_a_CronJob_yet_is_3_with_the_next_time()
    {
        var v = Verdict.Decide(new VerifyObservation(Prod, Server, true, NextRunAt: new DateTimeOffset(2026, 5, 1, 13, 0, 0, TimeSpan.Zero)));

        Is(VerdictKind.InProgress, 3, v, "no run has started yet; next at 2026-05-01 13:00 UTC (0 * * * *)");
        Assert.Equal("in-progress", v.Name);
    }

    [Fact]
    public void No_run_of_a_suspended_CronJob_is_4() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(new VerifyObservation(Prod, Server, true, CronJobSuspended: true)), "suspended");

    [Fact]
    public void No_run_matching_run_is_4() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(new VerifyObservation(Prod, Server, true, RunFilter: "x")), "no run with OBS_ID or FILE_PREFIX 'x'");

    [Fact]
    public void Pending_is_3() =>
        Is(VerdictKind.InProgress, 3, Verdict.Decide(Run(new RunState(RunPhase.Pending, "pod", "Pending", "ContainerCreating", null, null, null))),
            "run job-1 has not started yet (ContainerCreating)");

    [Fact]
    public void Unschedulable_is_4_with_the_schedulers_message() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(new RunState(RunPhase.Unschedulable, "pod", "Pending", "Unschedulable", null, "0/3 nodes are available", null))),
            "run job-1 cannot be scheduled: 0/3 nodes are available");

    [Fact]
    public void Running_is_3_even_with_products_still_missing() =>
        Is(VerdictKind.InProgress, 3, Verdict.Decide(Run(Running, null, null, ProductState.Missing)), "still running");

    [Fact]
    public void A_failed_run_is_4_with_its_reasons() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(new RunState(RunPhase.Failed, "pod", "Failed", "OOMKilled", 137, null, "BackoffLimitExceeded"))),
            "run job-1 failed (OOMKilled, exit code 137, Job BackoffLimitExceeded)");

    [Fact]
    public void A_failed_product_is_4_even_while_the_run_still_runs() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(Running, Prod, null, ProductState.Failed, ProductState.Missing)),
            "ingestion of dirty (p-dirty.fits) failed");

    [Fact]
    public void A_missing_product_after_success_is_4_naming_it() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(Succeeded, Prod, null, ProductState.Ingested, ProductState.Missing)),
            "run job-1 succeeded, but cleaned is missing: p-cleaned.fits: d");

    [Fact]
    public void A_product_in_staging_after_success_is_3() =>
        Is(VerdictKind.InProgress, 3, Verdict.Decide(Run(Succeeded, Prod, null, ProductState.Ingested, ProductState.Waiting)),
            "waiting for the ingestor: cleaned still in staging");

    [Fact]
    public void Missing_outranks_waiting() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(Succeeded, Prod, null, ProductState.Waiting, ProductState.Missing)), "cleaned is missing");

    [Fact]
    public void An_unknown_prefix_after_success_is_4() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(Succeeded) with { Ids = null, Products = null }), "FILE_PREFIX is unknown");

    [Fact]
    public void No_ingestor_pod_after_success_is_4() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(Succeeded) with { Ingestor = null, Products = null }), "no ingestor pod (core-...) in namespace srcnet-dev");

    [Fact]
    public void A_crashing_ingestor_is_4_and_a_starting_one_is_3()
    {
        var crashing = new IngestorObservation("core-1", new RunState(RunPhase.Failed, "core-1", "Running", "CrashLoopBackOff", null, null, null));
        var starting = new IngestorObservation("core-1", new RunState(RunPhase.Pending, "core-1", "Pending", "ContainerCreating", null, null, null));

        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(Succeeded) with { Ingestor = crashing, Products = null }), "ingestor pod core-1 is not running (CrashLoopBackOff)");
        Is(VerdictKind.InProgress, 3, Verdict.Decide(Run(Succeeded) with { Ingestor = starting, Products = null }), "not running yet (ContainerCreating)");
    }

    [Fact]
    public void A_failed_run_outranks_a_failed_product() =>
        Is(VerdictKind.Failed, 4, Verdict.Decide(Run(new RunState(RunPhase.Failed, "pod", "Failed", "Error", 1, null, null), null, null, ProductState.Failed)),
            "run job-1 failed (Error, exit code 1)");
}
