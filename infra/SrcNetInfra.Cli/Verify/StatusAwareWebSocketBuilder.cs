using System.Net;
using System.Net.WebSockets;
using k8s;

namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// Opens exec WebSockets offering the v5 and v4 channel protocols, and keeps the HTTP status of a
/// refused handshake (a 403 from RBAC): the plain client only says that the upgrade failed.
/// </summary>
public sealed class StatusAwareWebSocketBuilder : WebSocketBuilder
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = WebSocketProtocol.V4BinaryWebsocketProtocol;

    public StatusAwareWebSocketBuilder()
    {
        Options.CollectHttpResponseDetails = true;
        // The server picks the first it speaks: v5 can signal a closed stream, v4 is understood everywhere.
        Options.AddSubProtocol(V5);
        Options.AddSubProtocol(V4);
    }

    public override async Task<WebSocket> BuildAndConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await base.BuildAndConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException e) when (WebSocket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
        {
            throw new ExecHandshakeRefused(WebSocket.HttpStatusCode, e);
        }
    }
}
