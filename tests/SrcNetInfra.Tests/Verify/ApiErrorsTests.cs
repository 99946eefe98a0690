using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using k8s.Autorest;
using SrcNetInfra.Cli.Verify;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>What the client throws, as the one line a user reads (offline: exceptions built by hand).</summary>
public class ApiErrorsTests
{
    private static readonly ClusterRef Cluster = new("https://k8s.example:6443", "chsrc");
    private static readonly ApiCall ListJobs = new("list", "jobs", "datalake-ingestion");

    private static ClusterFailure Map(Exception e) => ApiErrors.Map(e, ListJobs, Cluster, TimeSpan.FromSeconds(30))!;

    private static HttpOperationException Http(HttpStatusCode status, string body) => new("failed")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(status), body),
    };

    [Fact]
    public void Forbidden_names_the_call_the_cluster_and_the_RBAC_needed()
    {
        var f = Map(Http(HttpStatusCode.Forbidden, """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"jobs.batch is forbidden: User \"alice\" cannot list resource \"jobs\"","reason":"Forbidden","code":403}"""));

        Assert.Equal(ClusterFailureKind.Forbidden, f.Kind);
        Assert.Equal(
            "cannot list jobs in namespace datalake-ingestion: forbidden on https://k8s.example:6443 (context chsrc); " +
            "your account needs get/list on jobs and cronjobs (batch) and on pods, get on pods/log and create on pods/exec in namespace datalake-ingestion " +
            "(the server said: jobs.batch is forbidden: User \"alice\" cannot list resource \"jobs\")",
            f.Message);
    }

    [Fact]
    public void Unauthorized_says_to_log_in_again()
    {
        var f = Map(Http(HttpStatusCode.Unauthorized, ""));

        Assert.Equal(ClusterFailureKind.Unauthorized, f.Kind);
        Assert.Contains("rejected the credentials (401 Unauthorized)", f.Message);
    }

    [Fact]
    public void Another_status_is_shown_with_a_body_that_is_not_a_Status()
    {
        var f = Map(Http(HttpStatusCode.BadGateway, "<html>\n<h1>502 Bad Gateway</h1></html>"));

        Assert.Equal("https://k8s.example:6443 (context chsrc) answered 502 BadGateway to list jobs in namespace datalake-ingestion: <html> <h1>502 Bad Gateway</h1></html>", f.Message);
    }

    [Fact]
    public void A_refused_connection_is_unreachable_and_says_what_to_check()
    {
        var f = Map(new HttpRequestException("Connection refused (k8s.example:6443)", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(ClusterFailureKind.Unreachable, f.Kind);
        Assert.StartsWith("cannot reach https://k8s.example:6443 (context chsrc): ", f.Message);
        Assert.EndsWith("check the network or VPN, and that the kubeconfig's server is right (--kubeconfig, --context)", f.Message);
    }

    [Fact]
    public void A_cancelled_call_is_a_timeout()
    {
        var f = Map(new TaskCanceledException());

        Assert.Equal(ClusterFailureKind.Timeout, f.Kind);
        Assert.StartsWith("no answer from https://k8s.example:6443 within 30s (context chsrc) to list jobs in namespace datalake-ingestion", f.Message);
    }

    [Fact]
    public void A_refused_exec_handshake_keeps_its_status()
    {
        var f = ApiErrors.Map(new ExecHandshakeRefused(HttpStatusCode.Forbidden, new Exception()), new ApiCall("create", "pods/exec", "ns", "core-1"), Cluster, TimeSpan.FromSeconds(1))!;

        Assert.Equal(ClusterFailureKind.Forbidden, f.Kind);
        Assert.StartsWith("cannot create pods/exec core-1 in namespace ns: forbidden", f.Message);
    }

    [Fact]
    public void A_page_that_is_not_Kubernetes_JSON_is_named_as_such() =>
        Assert.Contains("not Kubernetes JSON", Map(new System.Text.Json.JsonException("'<' is an invalid start of a value")).Message);

    [Fact]
    public void Anything_else_is_not_mapped_so_it_surfaces_as_a_bug() =>
        Assert.Null(ApiErrors.Map(new InvalidOperationException("x"), ListJobs, Cluster, TimeSpan.FromSeconds(1)));
}
