namespace SrcNetInfra.Cli.Verify;

/// <summary>Why the cluster could not be asked.</summary>
public enum ClusterFailureKind
{
    /// <summary>No connection: network, VPN, the kubeconfig's server, TLS.</summary>
    Unreachable,
    /// <summary>A call was not answered within --timeout.</summary>
    Timeout,
    /// <summary>401: the credentials were rejected.</summary>
    Unauthorized,
    /// <summary>403: RBAC refused the call.</summary>
    Forbidden,
    /// <summary>Anything else the server or the pod answered that verify cannot work with.</summary>
    Other,
}

/// <summary>The cluster could not be asked; the message says which cluster and what to check. Exits 1.</summary>
public sealed class ClusterFailure(ClusterFailureKind kind, string message) : Exception(message)
{
    public ClusterFailureKind Kind { get; } = kind;
}
