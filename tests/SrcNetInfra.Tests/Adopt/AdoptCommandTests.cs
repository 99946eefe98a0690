using System.Text.Json.Nodes;
using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Tests.Verify;

namespace SrcNetInfra.Tests.Adopt;

/// <summary>
/// <c>srcnet adopt</c> against the seed's hand-made site and its variants. Faked: the Kubernetes API
/// server (<see cref="FakeApiServer"/>), holding the objects as the API server and Helm 3 store them.
/// </summary>
public class AdoptCommandTests
{
    private const string Ns = Site.Namespace;

    /// <summary>The import file for prod's release through prod's provider, exactly (pulumi import --file format).</summary>
    private const string ExpectedImportFile = """
        {
          "nameTable": {
            "kubernetes": "urn:pulumi:prod::srcnet-infra::pulumi:providers:kubernetes::kubernetes"
          },
          "resources": [
            {
              "type": "kubernetes:helm.sh/v3:Release",
              "name": "ingestor",
              "id": "datalake-ingestion/ingestor",
              "provider": "kubernetes"
            }
          ]
        }

        """;

    [Fact]
    public async Task A_fresh_cluster_has_nothing_to_import_and_is_ready()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml(adoptExisting: false, manage: true));
        h.Server.Add(Site.OidcSecret("oidc-client-id", "oidc-client-secret"));

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"found      Namespace {Ns}: does not exist: pulumi up creates it", run.Out);
        Assert.Contains("found      PersistentVolumeClaim ingest-area: does not exist: pulumi up creates it", run.Out);
        Assert.Contains("found      Helm release ingestor: is not installed: pulumi up installs chart ska-src-dm-di-ingestor 0.1.1", run.Out);
        Assert.Contains("step 1     Nothing of the stack exists yet: pulumi up deploys it", run.Out);
        Assert.Contains("$ pulumi up --stack prod --config-file Pulumi.prod.yaml", run.Out);
        Assert.DoesNotContain("step 2", run.Out);
        Assert.Contains("import     nothing to import: no ingestor release is installed", run.Out);
        Assert.Contains("verdict    ready", run.Out);
        Assert.False(File.Exists(h.ImportFile));
        // It asked the cluster: the namespace, the claim and Helm's records of the release.
        Assert.Single(h.Server.RequestsTo($"/namespaces/{Ns}"));
        Assert.Single(h.Server.RequestsTo($"/namespaces/{Ns}/persistentvolumeclaims/ingest-area"));
        Assert.Contains(h.Server.RequestsTo($"/namespaces/{Ns}/secrets"), r => r.Query.Contains("owner%3Dhelm%2Cname%3Dingestor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hand_made_site_is_blocked_until_the_charts_claim_is_marked_keep_and_the_file_is_still_written()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: false);

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        var lines = run.Out.Split('\n');
        // Blockers come first, right after the stack line, with the exact command.
        Assert.StartsWith("blocker    PersistentVolumeClaim ingest-area: was made by Helm release ingestor (meta.helm.sh/release-name) and is not marked helm.sh/resource-policy: keep.", lines[1]);
        Assert.Equal("             $ kubectl annotate persistentvolumeclaim ingest-area -n datalake-ingestion helm.sh/resource-policy=keep", lines[2]);
        Assert.Contains("verdict    blocked: handle the blocker above before step 1", run.Out);
        Assert.Equal(ExpectedImportFile, File.ReadAllText(h.ImportFile));
    }

    [Fact]
    public async Task The_hand_made_site_with_a_kept_claim_is_ready_with_the_steps_in_order_and_the_exact_import_file()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true);

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("blocker", run.Out);
        Assert.Contains($"found      Namespace {Ns}: exists: pulumi up takes it over and owns it", run.Out);
        Assert.Contains("found      PersistentVolumeClaim ingest-area: was made by Helm release ingestor and is marked helm.sh/resource-policy: keep", run.Out);
        Assert.Contains("found      Secret datalake-ingestion: exists with oidc-client-id and oidc-client-secret: the stack uses it as it is", run.Out);
        Assert.Contains("found      Helm release ingestor: is revision 1, chart ska-src-dm-di-ingestor 0.1.1, status deployed: it keeps running", run.Out);
        var step1 = run.Out.IndexOf("step 1     First pulumi up", StringComparison.Ordinal);
        var step2 = run.Out.IndexOf("step 2     Import the release", StringComparison.Ordinal);
        var step3 = run.Out.IndexOf("step 3     Second pulumi up: the release is upgraded in place", StringComparison.Ordinal);
        Assert.True(step1 > 0 && step2 > step1 && step3 > step2, run.Out);
        Assert.Contains("set srcnet:deploy.adoptExisting: true (already set)", run.Out);
        Assert.Contains("set srcnet:ingestor.manage: false (already set)", run.Out);
        Assert.Contains("$ pulumi import --stack prod --config-file Pulumi.prod.yaml --file adopt-prod.json --generate-code=false", run.Out);
        Assert.Contains("set srcnet:ingestor.manage: true\n", run.Out);
        Assert.Contains("set srcnet:deploy.adoptExisting: false\n", run.Out);
        Assert.Contains("import     wrote adopt-prod.json: release datalake-ingestion/ingestor", run.Out);
        Assert.Equal(ExpectedImportFile, File.ReadAllText(h.ImportFile));
        // The Secret's values and the release's values were read over the wire, and are never printed.
        Assert.DoesNotContain("not-a-real", run.Out + run.Error);
        Assert.DoesNotContain("service_chsrc_ingestion", run.Out);
    }

    [Fact]
    public async Task A_claim_of_another_storage_class_is_a_blocker_naming_the_value_to_set()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true, storageClass: "ceph-corbo-cephfs");

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("blocker    PersistentVolumeClaim ingest-area: has storage class ceph-corbo-cephfs, the stack cephfs: a claim's storage class cannot change", run.Out);
        Assert.Contains("set srcnet:ingestor.persistence.storageClass: ceph-corbo-cephfs in the stack file", run.Out);
    }

    [Fact]
    public async Task A_live_claim_bigger_than_the_stack_asks_is_a_blocker_naming_its_size()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true, size: "100Gi");

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("requests 100Gi, the stack 20Gi: Kubernetes never shrinks a claim", run.Out);
        Assert.Contains("set srcnet:ingestor.persistence.size: 100Gi in the stack file", run.Out);
    }

    [Fact]
    public async Task A_release_of_another_chart_is_refused()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true);
        h.Server.Add(Site.ReleaseRecord(revision: 2, chart: "nginx", version: "15.0.0"));

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("blocker    Helm release ingestor: is revision 2, chart nginx 15.0.0, status deployed, not ska-src-dm-di-ingestor", run.Out);
    }

    [Fact]
    public async Task A_release_in_the_middle_of_an_upgrade_is_a_blocker()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true);
        h.Server.Add(Site.ReleaseRecord(revision: 2, status: "pending-upgrade"));

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("status pending-upgrade: Helm refuses to upgrade a release while another operation is in progress", run.Out);
        Assert.Contains("$ helm rollback ingestor -n datalake-ingestion", run.Out);
    }

    [Fact]
    public async Task ExistingSecret_mode_with_a_missing_key_is_a_blocker_the_ingestor_cannot_start()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true);
        h.Server.Add(Site.OidcSecret("oidc-client-id"));

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("blocker    Secret datalake-ingestion: has no value for oidc-client-secret", run.Out);
        Assert.Contains("the ingestor cannot start", run.Out);
    }

    [Fact]
    public async Task ExistingSecret_mode_without_the_Secret_is_a_blocker_with_a_command_that_reads_the_values_from_files()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true);
        h.Server.Objects.Remove(FakeApiServer.PathOf(Site.OidcSecret()));

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("$ kubectl create secret generic datalake-ingestion -n datalake-ingestion --from-file=oidc-client-id=./oidc-client-id --from-file=oidc-client-secret=./oidc-client-secret", run.Out);
    }

    [Fact]
    public async Task ExternalSecret_mode_notes_that_the_operator_takes_over_an_unowned_Secret_and_takes_over_existing_objects()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml(secretMode: "externalSecret"));
        Site.HandMade(h.Server, keep: true);
        var env = Site.Environment(Site.StackYaml(secretMode: "externalSecret"));
        var store = Planner.Plan(env).Objects.Single(o => o.Kind == "SecretStore").Object;
        h.Server.Add(store);

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("found      Secret datalake-ingestion: exists: the External Secrets Operator takes it over (creationPolicy Owner)", run.Out);
        Assert.Contains("found      SecretStore vault-datalake-ingestion: exists: pulumi up takes it over", run.Out);
        Assert.Contains("found      ExternalSecret datalake-ingestion: does not exist: pulumi up creates it", run.Out);
        Assert.Single(h.Server.RequestsTo($"/apis/{store.ApiVersion}/namespaces/{Ns}/secretstores/vault-datalake-ingestion"));
    }

    [Fact]
    public async Task ExternalSecret_mode_refuses_a_Secret_another_ExternalSecret_owns()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml(secretMode: "externalSecret"));
        Site.HandMade(h.Server, keep: true);
        var owned = Site.OidcSecret("oidc-client-id", "oidc-client-secret");
        owned.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "external-secrets.io/v1", Kind = "ExternalSecret", Name = "old-sync", Uid = "u1", Controller = true }];
        h.Server.Add(owned);

        var run = await h.Adopt();

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("blocker    Secret datalake-ingestion: is owned by ExternalSecret old-sync", run.Out);
    }

    [Fact]
    public async Task An_existing_import_file_is_kept_unless_forced_and_nothing_is_asked_before()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: true);
        File.WriteAllText(h.ImportFile, "mine\n");

        var refused = await h.Adopt();

        Assert.Equal(2, refused.ExitCode);
        // The stack's warning (manage: false) first, then the one line about the flag.
        Assert.Equal("srcnet: --out: adopt-prod.json exists; give --force to overwrite it, or another --out FILE", refused.ErrorLines[^1]);
        Assert.Empty(refused.Out);
        Assert.Equal("mine\n", File.ReadAllText(h.ImportFile));
        Assert.Empty(h.Server.Requests);

        var forced = await h.Adopt("--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(ExpectedImportFile, File.ReadAllText(h.ImportFile));

        var elsewhere = await h.Adopt("--out", "import/prod.json");
        Assert.Equal(2, elsewhere.ExitCode);
        Assert.Contains("--out: no such directory: import", elsewhere.Error);
    }

    [Fact]
    public async Task Json_output_lists_blockers_findings_steps_and_the_import()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        Site.HandMade(h.Server, keep: false);

        var run = await h.Adopt("--json", "--out", "out.json");

        Assert.Equal(4, run.ExitCode);
        var o = JsonNode.Parse(run.Out)!;
        Assert.Equal("prod", (string?)o["stack"]);
        Assert.Equal(Ns, (string?)o["namespace"]);
        Assert.Equal("fake", (string?)o["cluster"]!["context"]);
        Assert.False((bool)o["ready"]!);
        Assert.Equal(4, (int)o["exitCode"]!);
        var blocker = Assert.Single(o["blockers"]!.AsArray())!;
        Assert.Equal("PersistentVolumeClaim ingest-area", (string?)blocker["subject"]);
        Assert.Equal("kubectl annotate persistentvolumeclaim ingest-area -n datalake-ingestion helm.sh/resource-policy=keep", (string?)blocker["command"]);
        Assert.Equal(3, o["steps"]!.AsArray().Count);
        Assert.Equal("srcnet:deploy.adoptExisting", (string?)o["steps"]![0]!["settings"]![0]!["key"]);
        Assert.Equal("out.json", (string?)o["importFile"]);
        Assert.Equal("datalake-ingestion/ingestor", (string?)o["import"]!["resources"]![0]!["id"]);
        Assert.True(File.Exists(Path.Combine(h.Directory, "out.json")));
    }

    [Fact]
    public async Task An_unreachable_cluster_exits_1_naming_it_and_writes_nothing()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());
        var kubeconfig = h.Server.WriteKubeconfig(h.Directory, server: "http://127.0.0.1:9");

        var run = await Task.Run(() => Support.CliRun.In(h.Directory, "adopt", "--config-file", "Pulumi.prod.yaml", "--kubeconfig", kubeconfig, "--context", "fake", "--timeout", "2s"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("127.0.0.1:9", run.Error);
        Assert.Empty(run.Out);
        Assert.False(File.Exists(h.ImportFile));
    }

    [Fact]
    public async Task Without_context_it_reads_the_cluster_the_stack_deploys_to()
    {
        await using var h = await AdoptHarness.Start(Site.StackYaml());

        // prod deploys through context chsrc-prod, which this kubeconfig does not have: refused, not another cluster read.
        var run = await Task.Run(() => Support.CliRun.In(h.Directory, "adopt", "--config-file", "Pulumi.prod.yaml", "--kubeconfig", h.Kubeconfig));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("with context 'chsrc-prod'", run.ErrorLines[^1]);
        Assert.Empty(h.Server.Requests);
    }
}
