using System.Net;

namespace SrcNetInfra.Cli.Verify;

/// <summary>The API server answered an exec request with an HTTP status instead of switching to a WebSocket.</summary>
public sealed class ExecHandshakeRefused(HttpStatusCode status, Exception inner)
    : Exception($"the server answered {(int)status} {status} instead of opening the exec stream", inner)
{
    public HttpStatusCode Status { get; } = status;
}
