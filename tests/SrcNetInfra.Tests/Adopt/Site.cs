using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using SrcNetInfra.Core.Adoption;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Adopt;

/// <summary>
/// The seed's hand-made site as its cluster holds it: namespace datalake-ingestion, the OIDC Secret
/// datalake-ingestion, and the ingestor installed with <c>helm install ingestor</c>, whose chart made
/// the claim ingest-area. The objects are written as the API server and Helm 3 store them (Helm's
/// ownership annotations, its release record as a Secret); the stack is prod's, in the mode asked for.
/// </summary>
internal static class Site
{
    public const string Namespace = "datalake-ingestion";
    public const string Release = "ingestor";
    public const string Chart = "ska-src-dm-di-ingestor";

    /// <summary>prod's stack file, with the secret mode and the adoption settings of the first pulumi up.</summary>
    public static string StackYaml(string secretMode = "existingSecret", bool adoptExisting = true, bool manage = false)
    {
        var yaml = File.ReadAllText(Repo.StackFile("prod")).ReplaceLineEndings("\n");
        Assert.Contains("    mode: externalSecret\n", yaml);
        Assert.Contains("  srcnet:ingestor:\n", yaml);
        Assert.Contains("    protectData: true\n", yaml);
        if (secretMode != "externalSecret")
        {
            // vault only applies to externalSecret (a warning otherwise).
            var vault = yaml.IndexOf("    vault:\n", StringComparison.Ordinal);
            yaml = yaml[..vault] + yaml[yaml.IndexOf("  srcnet:ingestor:\n", StringComparison.Ordinal)..];
        }
        return yaml
            .Replace("    mode: externalSecret\n", $"    mode: {secretMode}\n", StringComparison.Ordinal)
            .Replace("  srcnet:ingestor:\n", $"  srcnet:ingestor:\n    manage: {(manage ? "true" : "false")}\n", StringComparison.Ordinal)
            .Replace("    protectData: true\n", $"    protectData: true\n    adoptExisting: {(adoptExisting ? "true" : "false")}\n", StringComparison.Ordinal);
    }

    public static CheckedEnvironment Environment(string yaml)
    {
        var values = StackValues.Parse(yaml, "Pulumi.prod.yaml");
        var check = EnvironmentCheck.Run("prod", values);
        Assert.True(check.Ok, string.Join("\n", check.Errors));
        return check.Environment!;
    }

    public static V1Secret OidcSecret(params string[] keys) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = "datalake-ingestion", NamespaceProperty = Namespace },
        Type = "Opaque",
        Data = keys.ToDictionary(k => k, k => Encoding.UTF8.GetBytes("not-a-real-" + k)),
    };

    /// <summary>The claim as the chart made it: Helm's ownership metadata (helm/helm v3.20.2 pkg/action/validate.go, setMetadataVisitor).</summary>
    public static V1PersistentVolumeClaim ChartClaim(string storageClass = "cephfs", string size = "20Gi", string accessMode = "ReadWriteMany", bool keep = false)
    {
        var annotations = new Dictionary<string, string>
        {
            [LiveClaim.HelmReleaseAnnotation] = Release,
            ["meta.helm.sh/release-namespace"] = Namespace,
        };
        if (keep) annotations[LiveClaim.ResourcePolicyAnnotation] = LiveClaim.KeepPolicy;
        return new V1PersistentVolumeClaim
        {
            ApiVersion = "v1",
            Kind = "PersistentVolumeClaim",
            Metadata = new V1ObjectMeta
            {
                Name = IngestAreaClaim.Name,
                NamespaceProperty = Namespace,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "Helm" },
                Annotations = annotations,
            },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = [accessMode],
                StorageClassName = storageClass,
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new(size) } },
                VolumeName = "pvc-4f1c2e",
            },
            Status = new V1PersistentVolumeClaimStatus { Phase = "Bound" },
        };
    }

    /// <summary>
    /// A revision of a release as Helm 3's Secret driver stores it (pkg/storage/driver/secrets.go,
    /// newSecretsObject; util.go, encodeRelease): type helm.sh/release.v1, labels owner, name, status
    /// and version, and under "release" the release as JSON, gzipped, base64-encoded.
    /// </summary>
    public static V1Secret ReleaseRecord(int revision = 1, string status = "deployed", string chart = Chart, string version = "0.1.1", string? manifest = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = $"sh.helm.release.v1.{Release}.v{revision}",
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string> { ["owner"] = "helm", ["name"] = Release, ["status"] = status, ["version"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        Type = HelmReleaseRecord.SecretType,
        Data = new Dictionary<string, byte[]> { [HelmReleaseRecord.PayloadKey] = Encoding.ASCII.GetBytes(Encode(ReleaseJson(revision, status, chart, version, manifest ?? ""))) },
    };

    public static string ReleaseJson(int revision, string status, string chart, string version, string manifest) => new JsonObject
    {
        ["name"] = Release,
        ["info"] = new JsonObject { ["status"] = status, ["description"] = "Install complete" },
        ["chart"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = chart, ["version"] = version, ["apiVersion"] = "v2" } },
        // The values a site installed with; an adopt must never print them.
        ["config"] = new JsonObject { ["config"] = new JsonObject { ["rucio_cfg_client_account"] = "service_chsrc_ingestion" } },
        ["manifest"] = manifest,
        ["version"] = revision,
        ["namespace"] = Namespace,
    }.ToJsonString();

    public static string Encode(string json, bool gzip = true)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (!gzip) return Convert.ToBase64String(bytes);
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) zip.Write(bytes);
        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>The hand-made site: namespace, Secret with both keys, the chart's claim and a deployed release.</summary>
    public static void HandMade(Verify.FakeApiServer server, bool keep = false, string storageClass = "cephfs", string size = "20Gi")
    {
        server.Namespaces.Add(Verify.Cluster.Namespace(Namespace));
        server.Add(OidcSecret("oidc-client-id", "oidc-client-secret"));
        server.Add(ChartClaim(storageClass, size, keep: keep));
        server.Add(ReleaseRecord());
    }
}
