using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// The SRCNet ingestor Helm release: chart 0.1.1 with exactly its values layout (docs/ingestor.md#chart-values-and-defaults). A wrong
/// key or type is silently ignored by Helm, so the layout is checked in full.
/// </summary>
public class IngestorReleaseTests
{
    private static IReadOnlyDictionary<string, object> Map(object node) =>
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(node);

    [Fact]
    public void Release_is_the_chart_0_1_1_from_its_repository_in_the_workflows_namespace()
    {
        var release = PlanStacks.Plan(("srcnet:namespace.name", "srcnet-dev")).Ingestor;

        Assert.Equal("ingestor", release.Name);
        Assert.Equal("srcnet-dev", release.Namespace);
        Assert.Equal("ska-src-dm-di-ingestor", release.Chart);
        Assert.Equal("0.1.1", release.Version);
        Assert.Equal("https://gitlab.com/api/v4/projects/51600992/packages/helm/stable", release.Repository);
    }

    [Fact]
    public void Release_name_chart_version_and_repository_follow_the_config()
    {
        var release = PlanStacks.Plan(
            ("srcnet:ingestor.releaseName", "ingestor-b"),
            ("srcnet:ingestor.chart", "ingestor-fork"),
            ("srcnet:ingestor.version", "0.1.2"),
            ("srcnet:ingestor.repository", "https://charts.example.org/stable")).Ingestor;

        Assert.Equal(("ingestor-b", "ingestor-fork", "0.1.2", "https://charts.example.org/stable"),
            (release.Name, release.Chart, release.Version, release.Repository));
    }

    [Fact]
    public void Values_are_the_chart_0_1_1_layout_with_the_reference_defaults()
    {
        var plan = PlanStacks.Plan();
        var values = plan.Ingestor.Values;

        Assert.Equal(["image", "config", "persistence", "secrets"], values.Keys);

        var image = Map(values["image"]);
        Assert.Equal(["repository", "tag"], image.Keys);
        Assert.Equal("registry.gitlab.com/ska-telescope/src/src-dm/ska-src-dm-di-ingestor", image["repository"]);
        Assert.Equal("0.1.30", image["tag"]);

        var config = Map(values["config"]);
        var expected = new (string Key, object Value)[]
        {
            ("frequency", 5),
            ("batch_size", 50),
            ("metadata_suffix", "meta"),
            ("n_processes", 4),
            ("ingestion_backend_name", "rucio"),
            ("rucio_ingest_rse_name", "TEST_RSE"),
            ("debug", "false"),
            ("auto_start", "true"),
            ("rucio_cfg_client_host", "https://rucio.srcnet.skao.int"),
            ("rucio_cfg_client_auth_type", "oidc"),
            ("rucio_cfg_client_oidc_scope", "openid profile rucio wlcg.groups"),
            ("rucio_cfg_client_oidc_audience", "rucio https://wlcg.cern.ch/jwt/v1/any"),
            ("rucio_cfg_client_account", "service_test_ingestion"),
            ("oidc_token_endpoint", "https://ska-iam.stfc.ac.uk/token"),
        };
        Assert.Equal(expected.Select(e => e.Key), config.Keys);
        foreach (var (key, value) in expected)
        {
            Assert.True(value.Equals(config[key]), $"config.{key} is {config[key]} ({config[key].GetType().Name}), expected {value} ({value.GetType().Name})");
        }

        var persistence = Map(values["persistence"]);
        Assert.Equal(["enabled", "storageClass", "existingClaim", "accessMode", "size"], persistence.Keys);
        Assert.Equal(true, persistence["enabled"]);
        Assert.Equal("cephfs", persistence["storageClass"]);
        // The stack's own claim: a chart upgrade or uninstall can never delete the ingested data.
        Assert.Equal("ingest-area", persistence["existingClaim"]);
        Assert.Equal("ReadWriteMany", persistence["accessMode"]);
        Assert.Equal(plan.Environment.Sizing.IngestRequest.Text, persistence["size"]);

        AssertSecrets(values, "datalake-ingestion", "oidc-client-id", "oidc-client-secret");
    }

    [Fact]
    public void Debug_and_auto_start_stay_strings_when_configured()
    {
        var config = Map(PlanStacks.Plan(("srcnet:ingestor.config.debug", "true"), ("srcnet:ingestor.config.autoStart", "false")).Value("config"));

        Assert.Equal("true", config["debug"]);
        Assert.Equal("false", config["auto_start"]);
    }

    [Fact]
    public void Values_follow_a_customised_config()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:ingestor.image", "{repository: registry.example.org/ingestor, tag: 0.2.0}"),
            ("srcnet:ingestor.config",
                "{frequency: 10, batchSize: 20, metadataSuffix: json, nProcesses: 2, ingestionBackendName: rucio, rucioIngestRseName: SITE_RSE, " +
                "rucioCfgClientHost: \"https://rucio.example.org\", rucioCfgClientAuthType: oidc, rucioCfgClientOidcScope: openid, " +
                "rucioCfgClientOidcAudience: rucio, rucioCfgClientAccount: service_site, oidcTokenEndpoint: \"https://iam.example.org/token\"}"),
            ("srcnet:ingestor.persistence", "{storageClass: nfs-rwx, accessMode: ReadWriteOnce, size: 3Ti}"));

        Assert.Equal("registry.example.org/ingestor", plan.Value("image.repository"));
        Assert.Equal("0.2.0", plan.Value("image.tag"));
        Assert.Equal(10, plan.Value("config.frequency"));
        Assert.Equal(20, plan.Value("config.batch_size"));
        Assert.Equal("json", plan.Value("config.metadata_suffix"));
        Assert.Equal(2, plan.Value("config.n_processes"));
        Assert.Equal("SITE_RSE", plan.Value("config.rucio_ingest_rse_name"));
        Assert.Equal("https://rucio.example.org", plan.Value("config.rucio_cfg_client_host"));
        Assert.Equal("openid", plan.Value("config.rucio_cfg_client_oidc_scope"));
        Assert.Equal("rucio", plan.Value("config.rucio_cfg_client_oidc_audience"));
        Assert.Equal("service_site", plan.Value("config.rucio_cfg_client_account"));
        Assert.Equal("https://iam.example.org/token", plan.Value("config.oidc_token_endpoint"));
        Assert.Equal("nfs-rwx", plan.Value("persistence.storageClass"));
        Assert.Equal("ReadWriteOnce", plan.Value("persistence.accessMode"));
        Assert.Equal("3Ti", plan.Value("persistence.size"));
        Assert.Equal("ingest-area", plan.Value("persistence.existingClaim"));
    }

    [Fact]
    public void An_explicit_ingest_size_replaces_the_estimate()
    {
        var plan = PlanStacks.Plan(("srcnet:ingestor.persistence.size", "2Ti"));

        Assert.Equal("2Ti", plan.Value("persistence.size"));
        Assert.Equal("2Ti", plan.Environment.Sizing.IngestRequest.Text);
    }

    [Theory]
    [InlineData("externalSecret")]
    [InlineData("existingSecret")]
    public void Secrets_come_from_the_configured_secret_name_and_keys(string mode)
    {
        var plan = PlanStacks.Plan(
            ("srcnet:secret.mode", mode),
            ("srcnet:secret.name", "oidc-creds"),
            ("srcnet:secret.clientIdKey", "client-id"),
            ("srcnet:secret.clientSecretKey", "client-secret"));

        AssertSecrets(plan.Ingestor.Values, "oidc-creds", "client-id", "client-secret");
    }

    [Fact]
    public void Secrets_of_pulumi_secret_mode_name_the_secret_pulumi_makes()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:secret.mode", "pulumiSecret"),
            ("srcnet:secret.name", "oidc-creds"),
            ("srcnet:oidcClientId", "{secure: v1:x}"),
            ("srcnet:oidcClientSecret", "{secure: v1:y}"));

        AssertSecrets(plan.Ingestor.Values, plan.ManagedSecret!.Name, "oidc-client-id", "oidc-client-secret");
        Assert.Equal("oidc-creds", plan.ManagedSecret.Name);
    }

    [Fact]
    public void The_helm_command_installs_the_same_release()
    {
        var release = PlanStacks.Plan(("srcnet:namespace.name", "srcnet-dev")).Ingestor;

        Assert.Equal(
            "helm upgrade --install ingestor ska-src-dm-di-ingestor --repo https://gitlab.com/api/v4/projects/51600992/packages/helm/stable " +
            "--version 0.1.1 --namespace srcnet-dev --values values.yaml --atomic --cleanup-on-fail --timeout 600s --history-max 10",
            release.HelmCommand("values.yaml"));
    }

    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_chart_from_an_oci_registry_is_named_by_its_full_reference_without_repo()
    {
        // A registry has no index.yaml for `--repo` (helm v3.20 pkg/repo/chartrepo.go DownloadIndexFile),
        // so Helm is given oci://host/path/chart, as pulumi-kubernetes passes an oci:// chart through
        // unchanged (provider/pkg/provider/helm_release.go resolveChartName, v4.32.0).
        var release = PlanStacks.Plan(("srcnet:namespace.name", "srcnet-dev"), ("srcnet:ingestor.repository", "oci://registry.example.org/charts/")).Ingestor;

        Assert.Equal("oci://registry.example.org/charts/ska-src-dm-di-ingestor", release.ChartReference);
        Assert.Null(release.RepositoryUrl);
        Assert.Equal(
            "helm upgrade --install ingestor oci://registry.example.org/charts/ska-src-dm-di-ingestor " +
            "--version 0.1.1 --namespace srcnet-dev --values values.yaml --atomic --cleanup-on-fail --timeout 600s --history-max 10",
            release.HelmCommand("values.yaml"));
    }

    [Fact]
    public void A_digest_pins_the_registrys_chart_beside_its_version()
    {
        // With both, Helm resolves the digest and checks that the version's tag has it (helm v3.20
        // pkg/registry/client.go ValidateReference: "chart reference digest mismatch").
        var plan = PlanStacks.Plan(("srcnet:ingestor.repository", "oci://registry.example.org/charts"), ("srcnet:ingestor.digest", Digest));
        var release = plan.Ingestor;

        Assert.Equal($"oci://registry.example.org/charts/ska-src-dm-di-ingestor@{Digest}", release.ChartReference);
        Assert.Contains($"--install ingestor oci://registry.example.org/charts/ska-src-dm-di-ingestor@{Digest} --version 0.1.1 ", release.HelmCommand("v.yaml"), StringComparison.Ordinal);
        var described = Core.Rendering.HelmValues.ReleaseDescription(release);
        Assert.Equal(Digest, described["digest"]);
        Assert.Equal(["release", "namespace", "chart", "version", "digest", "repository", "values", "command"], described.Keys);
    }

    [Fact]
    public void A_helm_repositorys_chart_has_no_digest_line()
    {
        var described = Core.Rendering.HelmValues.ReleaseDescription(PlanStacks.Plan().Ingestor);
        Assert.False(described.ContainsKey("digest"));
    }

    [Fact]
    public void The_helm_command_quotes_what_the_shell_would_read_as_code()
    {
        // Validation refuses such values in the stack; the command is safe to paste whatever reaches it.
        var release = PlanStacks.Plan().Ingestor with { Repository = "https://x.org/$(touch pwned)", Name = "a;b", Namespace = "it's" };

        var command = release.HelmCommand("my values.yaml");

        Assert.Contains("--repo 'https://x.org/$(touch pwned)'", command, StringComparison.Ordinal);
        Assert.Contains("--install 'a;b' ", command, StringComparison.Ordinal);
        Assert.Contains("--namespace 'it'\\''s'", command, StringComparison.Ordinal);
        Assert.Contains("--values 'my values.yaml'", command, StringComparison.Ordinal);
    }

    [Fact]
    public void The_helm_command_is_read_by_a_real_shell_as_the_values_themselves()
    {
        var release = PlanStacks.Plan().Ingestor with { Repository = "https://x.org/$(touch pwned)`id`\"'", Name = "a;b|c&d" };
        using var dir = new SrcNetInfra.Tests.Support.TempDir();
        // A stand-in `helm` that prints its arguments one per line; the real shell does the parsing.
        var helm = dir.Write("bin/helm", "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        if (OperatingSystem.IsWindows()) return; // a POSIX shell test
        File.SetUnixFileMode(helm, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", release.HelmCommand("v.yaml")])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = dir.Path,
            Environment = { ["PATH"] = Path.Combine(dir.Path, "bin") + ":/usr/bin:/bin" },
        };
        using var shell = System.Diagnostics.Process.Start(start)!;
        var args = shell.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        shell.WaitForExit();

        Assert.Equal(["upgrade", "--install", "a;b|c&d"], args[..3]);
        Assert.Equal("https://x.org/$(touch pwned)`id`\"'", args[Array.IndexOf(args, "--repo") + 1]);
        Assert.False(File.Exists(Path.Combine(dir.Path, "pwned")));
    }

    [Fact]
    public void Runs_are_found_in_the_ingestors_processed_and_failed_folders()
    {
        var run = PlanStacks.Plan(("srcnet:workflow.metadata.rucioNamespace", "sims")).Run;

        Assert.Equal("/ingest/staging/sims", run.StagingDir);
        Assert.Equal("/tmp/ingest/processed", run.ProcessedDir);
        Assert.Equal("/tmp/ingest/failed_processing", run.FailedDir);
    }

    private static void AssertSecrets(IReadOnlyDictionary<string, object> values, string secretName, string idKey, string secretKey)
    {
        var secrets = Assert.IsAssignableFrom<IList<object>>(values["secrets"]);
        Assert.Equal(2, secrets.Count);
        var entries = secrets.Select(Map).ToList();
        Assert.All(entries, e => Assert.Equal(["name", "fromSecretName", "fromSecretKey"], e.Keys));
        Assert.Equal(
            [("OIDC_CLIENT_ID", secretName, idKey), ("OIDC_CLIENT_SECRET", secretName, secretKey)],
            entries.Select(e => ((string)e["name"], (string)e["fromSecretName"], (string)e["fromSecretKey"])));
    }
}
