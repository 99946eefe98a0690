using System.Net.WebSockets;
using System.Text;
using k8s;
using k8s.Models;

namespace SrcNetInfra.Cli.Verify;

/// <summary>What a command run in a pod wrote, and the Status the API server closed with.</summary>
/// <param name="Cut">Stdout went beyond <see cref="PodExec.MaxOutputBytes"/>: what was read is only its beginning.</param>
public sealed record ExecResult(string StdOut, string StdErr, V1Status? Status, bool Cut = false)
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

    /// <summary>
    /// Output beyond this is dropped, and the result says so. A run's listing is a few lines; a
    /// campaign's has a line per product and metadata file of every point: 10,000 points with three
    /// products are some 60,000 lines of about 120 bytes, 7 MB.
    /// </summary>
    public const int MaxOutputBytes = 16 << 20;

    public static async Task<ExecResult> Run(Kubernetes client, string pod, string ns, string? container, IReadOnlyList<string> command, CancellationToken token)
    {
        // The subprotocols are offered by StatusAwareWebSocketBuilder, hence null here.
        using var socket = await client.WebSocketNamespacedPodExecAsync(
            pod, ns, command, container, stderr: true, stdin: false, stdout: true, tty: false,
            webSocketSubProtocol: null, cancellationToken: token).ConfigureAwait(false);

        var channels = new Dictionary<byte, MemoryStream> { [StdOut] = new(), [StdErr] = new(), [Status] = new() };
        var message = new MemoryStream();
        // Once a channel is cut, nothing more of it is kept: a later, smaller message would leave a gap.
        var cut = new HashSet<byte>();
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
            if (!cut.Contains(bytes[0]) && target.Length + bytes.Length - 1 <= MaxOutputBytes) target.Write(bytes, 1, bytes.Length - 1);
            else cut.Add(bytes[0]);
        }
        await CloseQuietly(socket, token).ConfigureAwait(false);

        var statusText = Text(channels[Status]);
        return new ExecResult(Text(channels[StdOut]), Text(channels[StdErr]), ParseStatus(statusText), cut.Contains(StdOut));
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
