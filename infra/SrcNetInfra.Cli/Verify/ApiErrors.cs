using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// Turns what the Kubernetes client throws into one line a user can act on: which cluster, which
/// call, and what to check. Never a stack trace, never a credential.
/// </summary>
public static class ApiErrors
{
    /// <summary>What verify needs RBAC for, in the words of a Role's rules.</summary>
    public static string RbacNeeds(string ns) =>
        $"your account needs get/list on jobs and cronjobs (batch) and on pods, get on pods/log and create on pods/exec in namespace {ns}";

    /// <summary>The HTTP status of a failed call, or null when it never got an answer.</summary>
    public static HttpStatusCode? StatusOf(Exception e) => e switch
    {
        HttpOperationException h => h.Response?.StatusCode,
        ExecHandshakeRefused r => r.Status,
        _ => null,
    };

    /// <summary>The failure for an exception, or null for one that is not about the cluster (a bug).</summary>
    public static ClusterFailure? Map(Exception e, ApiCall call, ClusterRef cluster, TimeSpan timeout)
    {
        if (e is OperationCanceledException)
            return new ClusterFailure(ClusterFailureKind.Timeout,
                $"no answer from {cluster.Server} within {TimeoutText.Format(timeout)} (context {cluster.Context}) to {call}: " +
                "check the network or VPN, or allow more time with --timeout");

        if (StatusOf(e) is { } status)
        {
            var said = ServerMessage(e);
            return status switch
            {
                HttpStatusCode.Forbidden => new ClusterFailure(ClusterFailureKind.Forbidden,
                    $"cannot {call}: forbidden on {cluster}; {RbacNeeds(call.Namespace ?? "the stack's namespace")}" +
                    (said is null ? "" : $" (the server said: {said})")),
                HttpStatusCode.Unauthorized => new ClusterFailure(ClusterFailureKind.Unauthorized,
                    $"{cluster} rejected the credentials (401 Unauthorized) to {call}: log in again or refresh the kubeconfig's token"),
                _ => new ClusterFailure(ClusterFailureKind.Other,
                    $"{cluster} answered {(int)status} {status} to {call}" + (said is null ? "" : $": {said}")),
            };
        }

        return e switch
        {
            HttpRequestException h when Find<AuthenticationException>(h) is { } tls => new ClusterFailure(ClusterFailureKind.Unreachable,
                $"TLS with {cluster} failed: {tls.Message}: check the kubeconfig's certificate-authority for this cluster"),
            HttpRequestException or SocketException or WebSocketException when Find<SocketException>(e) is { } socket => new ClusterFailure(ClusterFailureKind.Unreachable,
                $"cannot reach {cluster}: {socket.Message}: check the network or VPN, and that the kubeconfig's server is right (--kubeconfig, --context)"),
            HttpRequestException h => new ClusterFailure(ClusterFailureKind.Unreachable,
                $"cannot reach {cluster}: {h.Message}: check the network or VPN, and that the kubeconfig's server is right (--kubeconfig, --context)"),
            WebSocketException w => new ClusterFailure(ClusterFailureKind.Unreachable,
                $"cannot {call} on {cluster}: {w.Message}"),
            KubeConfigException k => new ClusterFailure(ClusterFailureKind.Unauthorized,
                $"cannot get credentials for context {cluster.Context}: {k.Message}"),
            System.Text.Json.JsonException => new ClusterFailure(ClusterFailureKind.Other,
                $"{cluster} answered {call} with something that is not Kubernetes JSON: is the kubeconfig's server a Kubernetes API server (and not a proxy's login page)?"),
            KubernetesException k => new ClusterFailure(ClusterFailureKind.Other,
                $"{cluster} refused to {call}: {k.Status?.Message ?? k.Message}"),
            _ => null,
        };
    }

    /// <summary>The message of the Status object the API server sends with an error, if it sent one.</summary>
    private static string? ServerMessage(Exception e)
    {
        if (e is not HttpOperationException h) return null;
        if (h.Body is V1Status status) return status.Message;
        var content = h.Response?.Content;
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            return KubernetesJson.Deserialize<V1Status>(content)?.Message;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status (a proxy's HTML page, say): its first line is still worth showing.
            var line = content.ReplaceLineEndings(" ").Trim();
            return line.Length <= 200 ? line : line[..197] + "...";
        }
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T found) return found;
        return null;
    }
}
