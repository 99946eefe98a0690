using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SrcNetInfra.Tests.Verify;

/// <summary>
/// What is faked: the Kubernetes API server, at the HTTP level. Kestrel listens on 127.0.0.1 with a
/// port of its choosing, and the real Kubernetes client talks real HTTP (and a real WebSocket for
/// exec) to it. There is no cluster, kubelet or ingestor: the objects are canned k8s.Models objects
/// serialized by KubernetesJson (a Status, which it cannot write, as plain JSON), pod logs are canned text, and an exec runs the command it is sent
/// with the local /bin/sh, against a temporary directory standing in for the ingestor pod's
/// /tmp/ingest (paths are mapped both ways), with <see cref="PodTools"/> first on its PATH. Every request is recorded.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    /// <summary>Where the ingestor's pod sees the ingest area; mapped to <see cref="IngestRoot"/>.</summary>
    public const string PodIngestRoot = "/tmp/ingest";

    private readonly WebApplication app;
    private readonly string ingestRoot;

    private FakeApiServer(WebApplication app, string url, string ingestRoot)
    {
        this.app = app;
        Url = url;
        this.ingestRoot = ingestRoot;
    }

    public string Url { get; }

    public List<V1Namespace> Namespaces { get; } = [];
    public List<V1Job> Jobs { get; } = [];
    public List<V1CronJob> CronJobs { get; } = [];
    public List<V1Pod> Pods { get; } = [];
    public List<Corev1Event> Events { get; } = [];

    /// <summary>Any other object, by the API path a GET reads it at (<see cref="Add"/>); Secrets here are also listed.</summary>
    public Dictionary<string, object> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>Stores an object where the API server serves it: /api/v1/... for the core group, else /apis/GROUP/VERSION/...</summary>
    public void Add(IKubernetesObject<V1ObjectMeta> obj) => Objects[PathOf(obj)] = obj;

    public static string PathOf(IKubernetesObject<V1ObjectMeta> obj)
    {
        var root = obj.ApiVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{obj.ApiVersion}" : $"/api/{obj.ApiVersion}";
        var scope = obj.Metadata.NamespaceProperty is { } ns ? $"/namespaces/{ns}" : "";
        return $"{root}{scope}/{obj.Kind.ToLowerInvariant()}s/{obj.Metadata.Name}";
    }

    /// <summary>The API groups the server's discovery (<c>GET /apis</c>) lists besides the built-in batch group (e.g. kueue.x-k8s.io).</summary>
    public List<string> ApiGroups { get; } = [];

    /// <summary>Each pod's whole log; a pod without one answers 400, as one whose container has not started.</summary>
    public Dictionary<string, string> Logs { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests whose path this matches are refused with 403 and a Status, as RBAC does.</summary>
    public Func<string, bool> Forbid { get; set; } = _ => false;

    /// <summary>Accept connections but never answer, as a server behind a broken VPN or proxy.</summary>
    public bool Hang { get; set; }

    /// <summary>
    /// Programs of the fake ingestor pod that stand in for the local ones, by name: a shell script
    /// each, put first on the PATH of every exec (e.g. a <c>df</c> that reports a claim's size, a
    /// <c>date</c> that reports the pod's clock).
    /// </summary>
    public Dictionary<string, string> PodTools { get; } = new(StringComparer.Ordinal);

    /// <summary>The exec subprotocols this server speaks; it picks the first the client offers, as the API server does.</summary>
    public string[] ExecProtocols { get; set; } = ["v5.channel.k8s.io", "v4.channel.k8s.io"];

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The argv of every exec, in order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> ExecCommands { get; } = new();

    /// <summary>The subprotocol each exec was answered with.</summary>
    public ConcurrentQueue<string?> ExecProtocolsChosen { get; } = new();

    public sealed record RecordedRequest(string Method, string Path, string Query);

    public static async Task<FakeApiServer> Start(string ingestRoot)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        FakeApiServer? server = null;
        app.Run(context => server!.HandleRecordingFaults(context));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new FakeApiServer(app, url, ingestRoot);
        return server;
    }

    /// <summary>A kubeconfig with one context, <c>fake</c>, for this server (plain HTTP, a dummy token).</summary>
    public string WriteKubeconfig(string directory, string? server = null)
    {
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            current-context: fake
            clusters:
            - name: fake
              cluster:
                server: {server ?? Url}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: tester
            users:
            - name: tester
              user:
                token: not-a-real-token
            """);
        return path;
    }

    public IEnumerable<RecordedRequest> RequestsTo(string pathSuffix) =>
        Requests.Where(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A hanging request is still open; the host is disposed regardless.
        }
        await app.DisposeAsync();
    }

    /// <summary>Exceptions the fake itself threw: a test fails on them rather than on a confusing answer.</summary>
    public ConcurrentQueue<string> Faults { get; } = new();

    // ----- the API -----------------------------------------------------------------------------

    private async Task HandleRecordingFaults(HttpContext context)
    {
        try
        {
            await Handle(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Faults.Enqueue(e.ToString());
            throw;
        }
    }

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        Requests.Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? ""));

        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        if (Forbid(path))
        {
            await Write(context, 403, Status(403, "Forbidden", $"{path} is forbidden: User \"tester\" cannot do this"));
            return;
        }

        if (Objects.TryGetValue(path, out var stored))
        {
            await Write(context, 200, stored);
            return;
        }
        var parts = path.Trim('/').Split('/');
        switch (parts)
        {
            case ["apis"]:
                await Write(context, 200, new V1APIGroupList
                {
                    ApiVersion = "v1",
                    Kind = "APIGroupList",
                    Groups = [.. ApiGroups.Prepend("batch").Select(g => new V1APIGroup
                    {
                        Name = g,
                        Versions = [new V1GroupVersionForDiscovery { GroupVersion = $"{g}/v1", Version = "v1" }],
                    })],
                });
                break;
            case ["api", "v1", "namespaces", var ns, "secrets"]:
                await Write(context, 200, new V1SecretList { ApiVersion = "v1", Kind = "SecretList", Metadata = new V1ListMeta(), Items = [.. Objects.Values.OfType<V1Secret>().Where(x => In(x.Metadata, ns, request.Query["labelSelector"]))] });
                break;
            case ["api", "v1", "namespaces", var ns]:
                await WriteFound(context, Namespaces.FirstOrDefault(n => n.Metadata.Name == ns), "namespaces", ns);
                break;
            case ["apis", "batch", "v1", "namespaces", var ns, "jobs"]:
                await Write(context, 200, new V1JobList { ApiVersion = "batch/v1", Kind = "JobList", Metadata = new V1ListMeta(), Items = [.. Jobs.Where(j => In(j.Metadata, ns, request.Query["labelSelector"]))] });
                break;
            case ["apis", "batch", "v1", "namespaces", var ns, "cronjobs", var name]:
                await WriteFound(context, CronJobs.FirstOrDefault(c => c.Metadata.Name == name && c.Metadata.NamespaceProperty == ns), "cronjobs.batch", name);
                break;
            case ["api", "v1", "namespaces", var ns, "pods"]:
                await Write(context, 200, new V1PodList { ApiVersion = "v1", Kind = "PodList", Metadata = new V1ListMeta(), Items = [.. Pods.Where(p => In(p.Metadata, ns, request.Query["labelSelector"]))] });
                break;
            case ["api", "v1", "namespaces", var ns, "events"]:
                await Write(context, 200, new Corev1EventList { ApiVersion = "v1", Kind = "EventList", Metadata = new V1ListMeta(), Items = [.. Events.Where(e => e.Metadata.NamespaceProperty == ns && FieldsMatch(e, request.Query["fieldSelector"]))] });
                break;
            case ["api", "v1", "namespaces", var ns, "pods", var name, "log"]:
                await Log(context, ns, name);
                break;
            case ["api", "v1", "namespaces", var ns, "pods", var name, "exec"]:
                await Exec(context, ns, name);
                break;
            default:
                await Write(context, 404, Status(404, "NotFound", $"the server could not find the requested resource ({path})"));
                break;
        }
    }

    private async Task Log(HttpContext context, string ns, string name)
    {
        if (!Pods.Any(p => p.Metadata.Name == name && p.Metadata.NamespaceProperty == ns))
        {
            await Write(context, 404, Status(404, "NotFound", $"pods \"{name}\" not found"));
            return;
        }
        if (!Logs.TryGetValue(name, out var log))
        {
            await Write(context, 400, Status(400, "BadRequest", $"container \"karabo\" in pod \"{name}\" is waiting to start: ContainerCreating"));
            return;
        }
        if (int.TryParse(context.Request.Query["tailLines"], out var tail))
            log = string.Join("\n", log.TrimEnd('\n').Split('\n').TakeLast(tail)) + "\n";
        var bytes = Encoding.UTF8.GetBytes(log);
        if (int.TryParse(context.Request.Query["limitBytes"], out var limit) && limit < bytes.Length) bytes = bytes[..limit];
        context.Response.ContentType = "text/plain";
        await context.Response.Body.WriteAsync(bytes);
    }

    /// <summary>The exec WebSocket: the channel protocol with stdout on 1, stderr on 2 and the Status on 3.</summary>
    private async Task Exec(HttpContext context, string ns, string name)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Write(context, 400, Status(400, "BadRequest", "Upgrade request required"));
            return;
        }
        if (!Pods.Any(p => p.Metadata.Name == name && p.Metadata.NamespaceProperty == ns))
        {
            await Write(context, 404, Status(404, "NotFound", $"pods \"{name}\" not found"));
            return;
        }
        var protocol = context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault(p => ExecProtocols.Contains(p));
        ExecProtocolsChosen.Enqueue(protocol);
        var command = context.Request.Query["command"].Select(c => c ?? "").ToList();
        ExecCommands.Enqueue(command);

        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
        var (exitCode, stdout, stderr) = await RunInPod(command);
        // v4 servers announce each stream with a message holding only its channel byte.
        await Send(socket, 1, []);
        await Send(socket, 1, Encoding.UTF8.GetBytes(stdout));
        if (stderr.Length > 0) await Send(socket, 2, Encoding.UTF8.GetBytes(stderr));
        var status = exitCode == 0
            ? new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" }
            : new JsonObject
            {
                ["metadata"] = new JsonObject(),
                ["status"] = "Failure",
                ["message"] = $"command terminated with non-zero exit code: exit status {exitCode}",
                ["reason"] = "NonZeroExitCode",
                ["details"] = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }) },
            };
        await Send(socket, 3, Encoding.UTF8.GetBytes(status.ToJsonString()));
        if (protocol == "v5.channel.k8s.io")
        {
            await Send(socket, 255, [1]);
            await Send(socket, 255, [2]);
        }
        using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away without its half of the close: nothing left to say to it.
        }
    }

    /// <summary>Runs the command locally with /tmp/ingest mapped to the test's directory, and maps it back in the output.</summary>
    private async Task<(int ExitCode, string StdOut, string StdErr)> RunInPod(IReadOnlyList<string> command)
    {
        if (command.Count == 0 || command[0] != "/bin/sh") return (127, "", $"{(command.Count > 0 ? command[0] : "")}: not found in this fake pod\n");
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1)) start.ArgumentList.Add(arg.StartsWith(PodIngestRoot, StringComparison.Ordinal) ? ingestRoot + arg[PodIngestRoot.Length..] : arg);
        if (PodTools.Count > 0) start.Environment["PATH"] = WritePodTools() + ":" + start.Environment["PATH"];
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A bound for a command that hangs; generous, as a listing of thousands of files on a loaded
        // machine (parallel test runs) takes well over 10 s, and verify's own --timeout decides first.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, (await stdout).Replace(ingestRoot, PodIngestRoot, StringComparison.Ordinal), await stderr);
    }

    /// <summary>Writes <see cref="PodTools"/> as executables into a directory beside the ingest area; returns it.</summary>
    private string WritePodTools()
    {
        var bin = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(ingestRoot)!, "pod-bin")).FullName;
        foreach (var (name, script) in PodTools)
        {
            var path = Path.Combine(bin, name);
            File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return bin;
    }

    private static Task Send(WebSocket socket, byte channel, byte[] data) =>
        socket.SendAsync((byte[])[channel, .. data], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    // ----- plumbing ----------------------------------------------------------------------------

    private static bool In(V1ObjectMeta meta, string ns, string? labelSelector) =>
        meta.NamespaceProperty == ns && LabelsMatch(meta.Labels, labelSelector);

    /// <summary>Equality-based label selectors (<c>a=b,c=d</c>), the only kind verify sends.</summary>
    private static bool LabelsMatch(IDictionary<string, string>? labels, string? selector)
    {
        if (string.IsNullOrEmpty(selector)) return true;
        return selector.Split(',').All(term =>
        {
            var kv = term.Split('=', 2);
            return labels is not null && labels.TryGetValue(kv[0], out var v) && v == kv[1];
        });
    }

    private static bool FieldsMatch(Corev1Event e, string? selector)
    {
        if (string.IsNullOrEmpty(selector)) return true;
        return selector.Split(',').All(term =>
        {
            var kv = term.Split('=', 2);
            return kv[0] switch
            {
                "involvedObject.kind" => e.InvolvedObject?.Kind == kv[1],
                "involvedObject.name" => e.InvolvedObject?.Name == kv[1],
                _ => false,
            };
        });
    }

    private static Task WriteFound(HttpContext context, object? found, string resource, string name) =>
        found is null
            ? Write(context, 404, Status(404, "NotFound", $"{resource} \"{name}\" not found"))
            : Write(context, 200, found);

    /// <summary>
    /// A Status as the API server sends it with an error. Written by hand: KubernetesJson reads
    /// V1Status but cannot write it (its converter only reads).
    /// </summary>
    private static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    private static async Task Write(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body is JsonNode node ? node.ToJsonString() : KubernetesJson.Serialize(body));
    }
}
