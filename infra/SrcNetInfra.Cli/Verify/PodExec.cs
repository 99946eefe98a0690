using System.Net.WebSockets;
using System.Text;
using k8s;
using k8s.Models;

namespace SrcNetInfra.Cli.Verify;

/// <summary>What a command run in a pod wrote, and the Status the API server closed with.</summary>
public sealed record ExecResult(string StdOut, string StdErr, V1Status? Status)
{
    public bool Succeeded => Status is null || Status.Status == "Success";
}

/// <summary>
/// Runs one command in a pod through the exec WebSocket and reads the channel protocol (v4 or v5,
/// as negotiated): every message starts with its channel, 1 stdout, 2 stderr, 3 the final Status;
/// v5 adds 255 to signal a closed stream. No stdin, no TTY. Every receive is bounded by the token.
/// </summary>
public static class PodExec
{
    public const byte StdOut = 1;
    public const byte StdErr = 2;
    public const byte Status = 3;
    public const byte Close = 255;

    /// <summary>Output beyond this is dropped: a listing of one run's files is a few lines.</summary>
    public const int MaxOutputBytes = 1 << 20;

    public static async Task<ExecResult> Run(Kubernetes client, string pod, string ns, string? container, IReadOnlyList<string> command, CancellationToken token)
    {
        // The subprotocols are offered by StatusAwareWebSocketBuilder, hence null here.
        using var socket = await client.WebSocketNamespacedPodExecAsync(
            pod, ns, command, container, stderr: true, stdin: false, stdout: true, tty: false,
            webSocketSubProtocol: null, cancellationToken: token).ConfigureAwait(false);

        var channels = new Dictionary<byte, MemoryStream> { [StdOut] = new(), [StdErr] = new(), [Status] = new() };
        var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, token).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage) continue;
            var bytes = message.ToArray();
            message.SetLength(0);
            // An empty message or one with only the channel byte: v4 servers announce each stream so.
            if (bytes.Length < 2 || !channels.TryGetValue(bytes[0], out var target)) continue;
            if (target.Length + bytes.Length - 1 <= MaxOutputBytes) target.Write(bytes, 1, bytes.Length - 1);
        }
        await CloseQuietly(socket, token).ConfigureAwait(false);

        var statusText = Text(channels[Status]);
        return new ExecResult(Text(channels[StdOut]), Text(channels[StdErr]), ParseStatus(statusText));
    }

    /// <summary>Our half of the close handshake. The output is complete by now, so a server that already hung up is fine.</summary>
    private static async Task CloseQuietly(WebSocket socket, CancellationToken token)
    {
        if (socket.State != WebSocketState.CloseReceived) return;
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, token).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
        }
    }

    private static V1Status? ParseStatus(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return KubernetesJson.Deserialize<V1Status>(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return new V1Status { Status = "Failure", Message = text.Trim() };
        }
    }

    private static string Text(MemoryStream stream) => Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
}
