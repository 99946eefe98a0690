using System.Net;
using k8s;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// The Kubernetes client for one verify, built from a kubeconfig, with every call bounded by
/// <c>--timeout</c>: a CancellationTokenSource per call, and the client's own HttpClientTimeout as
/// a second bound. Every failure comes out as a <see cref="ClusterFailure"/> that names the cluster.
/// </summary>
public sealed class ClusterSession : IDisposable
{
    private readonly Kubernetes client;
    private readonly CancellationToken cancellation;

    private ClusterSession(Kubernetes client, ClusterRef cluster, TimeSpan timeout, CancellationToken cancellation)
    {
        this.client = client;
        this.cancellation = cancellation;
        Cluster = cluster;
        Timeout = timeout;
    }

    public ClusterRef Cluster { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Reads the kubeconfig; a missing file, bad YAML or an unknown context is a usage error (exit 2).</summary>
    /// <param name="cancellation">Ctrl+C: stops the call under way, and comes out as an <see cref="OperationCanceledException"/>, not a cluster failure.</param>
    public static ClusterSession Open(string kubeconfig, string? context, TimeSpan timeout, Func<string, string> display, CancellationToken cancellation)
    {
        if (!File.Exists(kubeconfig))
            throw new UsageException($"--kubeconfig: no such file: {display(kubeconfig)} (give --kubeconfig PATH, or set KUBECONFIG)");
        KubernetesClientConfiguration config;
        try
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, currentContext: context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var flag = context is not null && e.Message.Contains(context, StringComparison.Ordinal) ? "--context" : "--kubeconfig";
            throw new UsageException($"{flag}: cannot use {display(kubeconfig)}{(context is null ? "" : $" with context {UserText.Quote(context)}")}: {UserText.Line(e.Message)}");
        }
        config.HttpClientTimeout = timeout;
        var client = new Kubernetes(config) { CreateWebSocketBuilder = () => new StatusAwareWebSocketBuilder() };
        return new ClusterSession(client, new ClusterRef(config.Host, config.CurrentContext ?? context ?? "(none)"), timeout, cancellation);
    }

    /// <summary>One call, bounded by the timeout; any failure becomes a <see cref="ClusterFailure"/>.</summary>
    public async Task<T> Call<T>(ApiCall call, Func<Kubernetes, CancellationToken, Task<T>> send)
    {
        using var deadline = Deadline();
        try
        {
            return await send(client, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested && ApiErrors.Map(e, call, Cluster, Timeout) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Like <see cref="Call{T}"/>, but an answer with one of <paramref name="absent"/> (404 by default) is null.</summary>
    public async Task<T?> Find<T>(ApiCall call, Func<Kubernetes, CancellationToken, Task<T>> send, params HttpStatusCode[] absent)
        where T : class
    {
        var statuses = absent.Length == 0 ? [HttpStatusCode.NotFound] : absent;
        using var deadline = Deadline();
        try
        {
            return await send(client, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (ApiErrors.StatusOf(e) is { } status && statuses.Contains(status))
        {
            return null;
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested && ApiErrors.Map(e, call, Cluster, Timeout) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// Whether the namespace exists: false only on a 404; null when the account may not read
    /// namespaces (a namespaced Role cannot grant it), and only the calls inside it can tell.
    /// </summary>
    public async Task<bool?> NamespaceExists(string ns)
    {
        try
        {
            return await Find(new ApiCall("get", "namespaces", null, ns),
                (k, t) => k.CoreV1.ReadNamespaceAsync(ns, cancellationToken: t)).ConfigureAwait(false) is not null;
        }
        catch (ClusterFailure f) when (f.Kind == ClusterFailureKind.Forbidden)
        {
            return null;
        }
    }

    /// <summary>A token for one call: cancelled after the timeout, or at once on Ctrl+C.</summary>
    private CancellationTokenSource Deadline()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(Timeout);
        return deadline;
    }

    public void Dispose() => client.Dispose();
}
