using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The SRCNet ingestor as a Helm release: chart, version, repository and values. The values are
/// plain nested maps and lists (string keys, string/number/bool leaves), fully known before
/// deploying, so a Pulumi preview shows them and <c>srcnet render</c> writes them as values.yaml.
/// </summary>
/// <param name="TimeoutSeconds">How long an install or upgrade may take before it counts as failed.</param>
/// <param name="MaxHistory">Release revisions Helm keeps (each is a Secret in the namespace).</param>
public sealed record HelmReleaseSpec(
    string Name,
    string Namespace,
    string Chart,
    string Version,
    string Repository,
    int TimeoutSeconds,
    int MaxHistory,
    IReadOnlyDictionary<string, object> Values)
{
    /// <summary>The chart's OCI digest (<c>sha256:...</c>); null: the version alone pins it.</summary>
    public string? Digest { get; init; }

    /// <summary>Whether the chart comes from an OCI registry rather than a Helm repository.</summary>
    public bool FromRegistry => Repository.StartsWith("oci://", StringComparison.Ordinal);

    /// <summary>
    /// The chart as Helm is given it. From a Helm repository, its name (with the repository apart);
    /// from a registry, its full reference <c>oci://host/path/chart[@digest]</c>: a registry has no
    /// index.yaml for Helm's --repo lookup (helm v3.20 pkg/repo/chartrepo.go, DownloadIndexFile), and
    /// pulumi-kubernetes passes an oci:// chart to Helm as it is (provider/pkg/provider/helm_release.go,
    /// resolveChartName; docs/platform.md#helm-charts-from-oci-registries).
    /// </summary>
    public string ChartReference =>
        FromRegistry ? $"{Repository.TrimEnd('/')}/{Chart}{(Digest is { } d ? "@" + d : "")}" : Chart;

    /// <summary>The repository Helm looks the chart up in; null for a registry's chart, whose reference says where it is.</summary>
    public string? RepositoryUrl => FromRegistry ? null : Repository;

    /// <summary>
    /// The equivalent Helm command, for sites that install the ingestor by hand: atomic (a failed
    /// install or upgrade rolls back and cleans up what it made), bounded history, an explicit
    /// timeout, as <c>pulumi up</c> does it. Every value is quoted for the shell: it is meant to be pasted.
    /// </summary>
    public string HelmCommand(string valuesFile) =>
        string.Join(" ", new[]
        {
            "helm upgrade --install", Rendering.ShellWord.Quote(Name), Rendering.ShellWord.Quote(ChartReference),
            RepositoryUrl is { } repo ? "--repo " + Rendering.ShellWord.Quote(repo) : null,
            // With a digest too: Helm checks that the version's tag has that digest.
            "--version", Rendering.ShellWord.Quote(Version),
            "--namespace", Rendering.ShellWord.Quote(Namespace),
            "--values", Rendering.ShellWord.Quote(valuesFile),
            "--atomic --cleanup-on-fail",
            $"--timeout {TimeoutSeconds}s --history-max {MaxHistory}",
        }.OfType<string>());
}

public static class IngestorRelease
{
    /// <summary>Where the ingestor's pod sees the ingest area (docs/ingestor.md#the-ingest-area-layout; inferred from the seed).</summary>
    public const string PodMountPath = "/tmp/ingest";
    public const string ProcessedDir = PodMountPath + "/processed";
    public const string FailedDir = PodMountPath + "/failed_processing";

    public static HelmReleaseSpec For(CheckedEnvironment env)
    {
        var spec = env.Spec;
        var i = spec.Ingestor;
        return new HelmReleaseSpec(i.ReleaseName, spec.Namespace.Name, i.Chart, i.Version, i.Repository, i.TimeoutSeconds, i.MaxHistory, Values(env))
        {
            Digest = i.Digest,
        };
    }

    /// <summary>
    /// The chart 0.1.1 values (docs/ingestor.md#chart-values-and-defaults), in the chart's own key order and spelling; ordered maps so
    /// values.yaml is written the same way every time.
    /// </summary>
    public static IReadOnlyDictionary<string, object> Values(CheckedEnvironment env)
    {
        var spec = env.Spec;
        var i = spec.Ingestor;
        var c = i.Settings;
        var secret = spec.Secret;
        return new OrderedDictionary<string, object>
        {
            ["image"] = new OrderedDictionary<string, object>
            {
                ["repository"] = i.ImageRepository,
                ["tag"] = i.ImageTag,
            },
            ["config"] = new OrderedDictionary<string, object>
            {
                ["frequency"] = c.Frequency,
                ["batch_size"] = c.BatchSize,
                ["metadata_suffix"] = c.MetadataSuffix,
                ["n_processes"] = c.NProcesses,
                ["ingestion_backend_name"] = c.IngestionBackendName,
                ["rucio_ingest_rse_name"] = c.RucioIngestRseName,
                // The chart passes these to the container's environment: they must stay strings.
                ["debug"] = c.Debug ? "true" : "false",
                ["auto_start"] = c.AutoStart ? "true" : "false",
                ["rucio_cfg_client_host"] = c.RucioCfgClientHost,
                ["rucio_cfg_client_auth_type"] = c.RucioCfgClientAuthType,
                ["rucio_cfg_client_oidc_scope"] = c.RucioCfgClientOidcScope,
                ["rucio_cfg_client_oidc_audience"] = c.RucioCfgClientOidcAudience,
                ["rucio_cfg_client_account"] = c.RucioCfgClientAccount,
                ["oidc_token_endpoint"] = c.OidcTokenEndpoint,
            },
            ["persistence"] = new OrderedDictionary<string, object>
            {
                ["enabled"] = true,
                ["storageClass"] = i.Persistence.StorageClass,
                // The stack's own claim: the chart must not create (and so own) the ingested data.
                ["existingClaim"] = IngestAreaClaim.Name,
                ["accessMode"] = i.Persistence.AccessMode,
                ["size"] = env.Sizing.IngestRequest.Text,
            },
            ["secrets"] = new List<object>
            {
                new OrderedDictionary<string, object>
                {
                    ["name"] = "OIDC_CLIENT_ID",
                    ["fromSecretName"] = secret.Name,
                    ["fromSecretKey"] = secret.ClientIdKey,
                },
                new OrderedDictionary<string, object>
                {
                    ["name"] = "OIDC_CLIENT_SECRET",
                    ["fromSecretName"] = secret.Name,
                    ["fromSecretKey"] = secret.ClientSecretKey,
                },
            },
        };
    }
}
