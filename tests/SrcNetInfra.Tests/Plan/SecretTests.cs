using System.Text.Json;
using k8s;
using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// The ingestor's OIDC client secret in its three modes: synced from Vault (the reference setup of
/// docs/ingestor.md#reference-setup-with-vault), an existing Secret, or a Secret from the stack's Pulumi secrets. In no mode does a
/// secret value reach a plan object or the Helm values.
/// </summary>
public class SecretTests
{
    // Distinctive so that a search of the rendered output cannot match anything else by accident.
    private const string IdCiphertext = "v1:AAABAMIdCipherTextQ9zZ";
    private const string SecretCiphertext = "v1:AAABAMSecretCipherTextK7wW";

    private static (string, string?)[] PulumiSecretMode(params (string, string?)[] more) =>
    [
        ("srcnet:secret.mode", "pulumiSecret"),
        ("srcnet:oidcClientId", $"{{secure: \"{IdCiphertext}\"}}"),
        ("srcnet:oidcClientSecret", $"{{secure: \"{SecretCiphertext}\"}}"),
        .. more,
    ];

    [Fact]
    public void External_secret_mode_plans_the_reference_vault_setup()
    {
        var plan = PlanStacks.Plan(("srcnet:namespace.name", "datalake-ingestion"), ("srcnet:secret.mode", "externalSecret"));

        Assert.Equal(["ServiceAccount", "ClusterRoleBinding", "SecretStore", "ExternalSecret"], plan.Objects.Where(o => o.Kind is not ("Namespace" or "ResourceQuota" or "LimitRange" or "PersistentVolumeClaim" or "Job" or "CronJob")).Select(o => o.Kind));
        Assert.Null(plan.ManagedSecret);

        var account = plan.Single<V1ServiceAccount>();
        Assert.Equal("datalake-ingestion", account.Metadata.Name);

        var store = plan.Single<SecretStore>();
        Assert.Equal("external-secrets.io/v1", store.ApiVersion);
        Assert.Equal("SecretStore", store.Kind);
        var vault = store.Spec.Provider.Vault;
        Assert.Equal("http://vault.vault.svc.cluster.local:8200", vault.Server);
        Assert.Equal("app", vault.Path);
        Assert.Equal("v2", vault.Version);
        Assert.Equal("kubernetes", vault.Auth.Kubernetes.MountPath);
        Assert.Equal("datalake-ingestion", vault.Auth.Kubernetes.Role);
        Assert.Equal("datalake-ingestion", vault.Auth.Kubernetes.ServiceAccountRef.Name);

        var external = plan.Single<ExternalSecret>();
        Assert.Equal("external-secrets.io/v1", external.ApiVersion);
        Assert.Equal("ExternalSecret", external.Kind);
        Assert.Equal("15s", external.Spec.RefreshInterval);
        Assert.Equal(store.Metadata.Name, external.Spec.SecretStoreRef.Name);
        Assert.Equal("SecretStore", external.Spec.SecretStoreRef.Kind);
        Assert.Equal("datalake-ingestion", external.Spec.Target.Name);
        Assert.Equal("Owner", external.Spec.Target.CreationPolicy);
        Assert.Equal(
            [("oidc-client-id", "app/data/datalake-ingestion", "oidc-client-id"), ("oidc-client-secret", "app/data/datalake-ingestion", "oidc-client-secret")],
            external.Spec.Data.Select(d => (d.SecretKey, d.RemoteRef.Key, d.RemoteRef.Property)));
    }

    [Fact]
    public void External_secret_objects_serialize_with_the_field_names_the_operator_reads()
    {
        var plan = PlanStacks.Plan();
        var yaml = KubernetesYaml.SerializeAll([plan.Single<SecretStore>(), plan.Single<ExternalSecret>()]);

        foreach (var field in new[]
                 {
                     "provider:", "vault:", "server: http://vault.vault.svc.cluster.local:8200", "version: v2", "mountPath: kubernetes",
                     "serviceAccountRef:", "refreshInterval: 15s", "secretStoreRef:", "creationPolicy: Owner", "remoteRef:",
                     "key: app/data/datalake-ingestion", "property: oidc-client-secret", "secretKey: oidc-client-id",
                 })
        {
            Assert.Contains(field, yaml);
        }
    }

    [Theory]
    [InlineData("external-secrets.io/v1beta1")]
    [InlineData("external-secrets.io/v1")]
    public void External_secrets_api_version_follows_the_config(string apiVersion)
    {
        var plan = PlanStacks.Plan(("srcnet:secret.vault.apiVersion", apiVersion));

        Assert.Equal(apiVersion, plan.Single<SecretStore>().ApiVersion);
        Assert.Equal(apiVersion, plan.Single<ExternalSecret>().ApiVersion);
    }

    [Fact]
    public void External_secret_objects_follow_a_customised_vault_and_secret()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:secret.name", "oidc-creds"),
            ("srcnet:secret.clientIdKey", "client-id"),
            ("srcnet:secret.clientSecretKey", "client-secret"),
            ("srcnet:secret.vault",
                "{server: \"https://vault.example.org\", path: kv, version: v1, authMountPath: k8s-site, role: ingest-role, " +
                "serviceAccount: ingest-sa, secretStoreName: my-store, remoteKey: kv/ingest, refreshInterval: 1m}"));

        Assert.Equal("ingest-sa", plan.Single<V1ServiceAccount>().Metadata.Name);
        var store = plan.Single<SecretStore>();
        Assert.Equal("my-store", store.Metadata.Name);
        var vault = store.Spec.Provider.Vault;
        Assert.Equal(("https://vault.example.org", "kv", "v1"), (vault.Server, vault.Path, vault.Version));
        Assert.Equal(("k8s-site", "ingest-role", "ingest-sa"), (vault.Auth.Kubernetes.MountPath, vault.Auth.Kubernetes.Role, vault.Auth.Kubernetes.ServiceAccountRef.Name));

        var external = plan.Single<ExternalSecret>();
        Assert.Equal("oidc-creds", external.Metadata.Name);
        Assert.Equal("oidc-creds", external.Spec.Target.Name);
        Assert.Equal("my-store", external.Spec.SecretStoreRef.Name);
        Assert.Equal("1m", external.Spec.RefreshInterval);
        Assert.Equal(
            [("client-id", "kv/ingest", "client-id"), ("client-secret", "kv/ingest", "client-secret")],
            external.Spec.Data.Select(d => (d.SecretKey, d.RemoteRef.Key, d.RemoteRef.Property)));
    }

    [Fact]
    public void Existing_secret_mode_creates_nothing_and_manages_no_secret()
    {
        var plan = PlanStacks.Plan(("srcnet:secret.mode", "existingSecret"), ("srcnet:secret.name", "site-oidc"));

        Assert.DoesNotContain(plan.Objects, o => o.Kind is "ServiceAccount" or "ClusterRoleBinding" or "SecretStore" or "ExternalSecret" or "Secret");
        Assert.Null(plan.ManagedSecret);
        Assert.Equal("site-oidc", ((IReadOnlyDictionary<string, object>)((IList<object>)plan.Value("secrets"))[0])["fromSecretName"]);
    }

    [Fact]
    public void Pulumi_secret_mode_creates_no_object_and_describes_the_secret_pulumi_makes()
    {
        var plan = Planner.Plan(PlanStacks.Env(PulumiSecretMode(("srcnet:namespace.name", "srcnet-dev"))));

        Assert.DoesNotContain(plan.Objects, o => o.Kind is "Secret" or "ExternalSecret" or "SecretStore");
        var secret = Assert.IsType<ManagedSecret>(plan.ManagedSecret);
        Assert.Equal("datalake-ingestion", secret.Name);
        Assert.Equal("srcnet-dev", secret.Namespace);
        Assert.Equal(
            new Dictionary<string, string> { ["oidc-client-id"] = "srcnet:oidcClientId", ["oidc-client-secret"] = "srcnet:oidcClientSecret" },
            secret.ConfigKeyBySecretKey);
    }

    [Fact]
    public void Pulumi_secret_mode_maps_customised_secret_keys()
    {
        var plan = Planner.Plan(PlanStacks.Env(PulumiSecretMode(
            ("srcnet:secret.name", "oidc-creds"),
            ("srcnet:secret.clientIdKey", "client-id"),
            ("srcnet:secret.clientSecretKey", "client-secret"))));

        var secret = plan.ManagedSecret!;
        Assert.Equal("oidc-creds", secret.Name);
        Assert.Equal(
            new Dictionary<string, string> { ["client-id"] = "srcnet:oidcClientId", ["client-secret"] = "srcnet:oidcClientSecret" },
            secret.ConfigKeyBySecretKey);
    }

    [Fact]
    public void Pulumi_secret_ciphertext_never_reaches_the_plan_or_the_helm_values()
    {
        var env = PlanStacks.Env(PulumiSecretMode());
        var plan = Planner.Plan(env);

        var everything = string.Join("\n",
            KubernetesYaml.SerializeAll(plan.Objects.Select(o => (object)o.Object)),
            JsonSerializer.Serialize(plan.Ingestor.Values),
            HelmValues.Render(plan.Ingestor),
            Manifests.Render(plan),
            plan.ManagedSecret!.ToString(),
            string.Join(",", plan.ManagedSecret.ConfigKeyBySecretKey),
            string.Join(",", plan.RunKeepers),
            plan.Run.ToString(),
            env.Spec.ToString());

        foreach (var leak in new[] { IdCiphertext, SecretCiphertext, "CipherText", "secure" })
            Assert.DoesNotContain(leak, everything, StringComparison.OrdinalIgnoreCase);
    }
}
