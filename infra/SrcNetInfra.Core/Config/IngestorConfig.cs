using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Reads <c>srcnet:ingestor</c>. Defaults are the chart 0.1.1 values of docs/ingestor.md#chart-values-and-defaults; the site's RSE,
/// Rucio account and storage class have no sensible default and must be stated.
/// </summary>
internal static partial class IngestorConfig
{
    public const string ChartVersion = "0.1.1";
    public static readonly string[] AccessModes = ["ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

    public static IngestorSpec Read(ConfigSection s, Problems problems)
    {
        var release = s.String("releaseName", "ingestor");
        // Helm release names are DNS-1123 labels of at most 53 characters.
        if (Names.CheckLabelName(release, 53) is { } badRelease) problems.Error(s.KeyOf("releaseName"), badRelease);
        var chart = s.String("chart", "ska-src-dm-di-ingestor");
        if (!ChartName().IsMatch(chart))
            problems.Error(s.KeyOf("chart"), $"must be a Helm chart name: lower-case letters and digits, words separated by '-' (got {UserText.Quote(chart)})");
        var version = s.String("version", ChartVersion);
        if (!SemVer().IsMatch(version))
            problems.Error(s.KeyOf("version"), $"must be an exact chart version (SemVer such as 0.1.1), not a range or a word (got {UserText.Quote(version)})");
        else if (version != ChartVersion)
            problems.Warning(s.KeyOf("version"),
                $"the values srcnet writes are those of chart {ChartVersion}; {version} may expect others (0.1.1 changed them incompatibly)");
        var repository = s.String("repository", "https://gitlab.com/api/v4/projects/51600992/packages/helm/stable");
        var allowHttp = s.Bool("allowInsecureRepository", false);
        CheckRepository(s, repository, allowHttp, problems);
        var digest = s.OptionalString("digest");
        CheckDigest(s, digest, repository, problems);
        var timeout = s.Int("timeoutSeconds", 600, min: 60, max: 3600);
        var maxHistory = s.Int("maxHistory", 10, min: 1, max: 100);
        var manage = s.Bool("manage", true);
        if (!manage)
            problems.Warning(s.KeyOf("manage"),
                "the stack leaves the ingestor release to whoever installed it (while adopting it); import it with `pulumi import kubernetes:helm.sh/v3:Release ingestor NAMESPACE/RELEASE` and set manage back to true");

        var image = s.Section("image");
        var imageRepository = image.String("repository", "registry.gitlab.com/ska-telescope/src/src-dm/ska-src-dm-di-ingestor");
        var imageTag = image.String("tag", "0.1.30");
        image.Done();
        ImageReference.Report(image, imageRepository, imageTag, problems);

        var c = s.Section("config");
        var settings = new IngestorSettings
        {
            Frequency = c.Int("frequency", 5, min: 1),
            BatchSize = c.Int("batchSize", 50, min: 1),
            MetadataSuffix = c.String("metadataSuffix", "meta"),
            NProcesses = c.Int("nProcesses", 4, min: 1),
            IngestionBackendName = c.String("ingestionBackendName", "rucio"),
            RucioIngestRseName = c.String("rucioIngestRseName", null, "the site's Rucio storage element, e.g. CHSRC_XRD_DEV"),
            Debug = c.Bool("debug", false),
            AutoStart = c.Bool("autoStart", true),
            RucioCfgClientHost = c.String("rucioCfgClientHost", "https://rucio.srcnet.skao.int"),
            RucioCfgClientAuthType = c.String("rucioCfgClientAuthType", "oidc"),
            RucioCfgClientOidcScope = c.String("rucioCfgClientOidcScope", "openid profile rucio wlcg.groups"),
            RucioCfgClientOidcAudience = c.String("rucioCfgClientOidcAudience", "rucio https://wlcg.cern.ch/jwt/v1/any"),
            RucioCfgClientAccount = c.String("rucioCfgClientAccount", null, "the site's Rucio service account, e.g. service_chsrc_ingestion"),
            OidcTokenEndpoint = c.String("oidcTokenEndpoint", "https://ska-iam.stfc.ac.uk/token"),
        };
        c.Done();
        if (settings.MetadataSuffix.Length == 0 || settings.MetadataSuffix.Contains('/'))
            problems.Error(c.KeyOf("metadataSuffix"), $"must be a file-name suffix such as meta (got {UserText.Quote(settings.MetadataSuffix)})");
        CheckHttpsUrl(c, "rucioCfgClientHost", settings.RucioCfgClientHost, problems);
        CheckHttpsUrl(c, "oidcTokenEndpoint", settings.OidcTokenEndpoint, problems);

        var p = s.Section("persistence");
        var persistence = new IngestAreaSpec
        {
            StorageClass = p.String("storageClass", null, "a ReadWriteMany storage class of the cluster, e.g. cephfs"),
            AccessMode = p.Choice("accessMode", "ReadWriteMany", AccessModes),
            Size = p.Size("size"),
            RunsToHold = p.Int("runsToHold", Defaults.RunsToHold, min: 1, max: 1_000_000),
            Headroom = p.Number("headroom", Defaults.IngestHeadroom, Headroom.Check),
            Group = p.OptionalInt("group", min: 0),
            RunsToHoldGiven = p.Has("runsToHold"),
        };
        p.Done();
        // A StorageClass is an object: its name is a DNS subdomain; the API server refuses others.
        if (persistence.StorageClass.Length > 0 && Names.CheckObjectName(persistence.StorageClass) is { } badClass)
            problems.Error(p.KeyOf("storageClass"), badClass);
        if (persistence.AccessMode != "ReadWriteMany")
            problems.Warning(p.KeyOf("accessMode"),
                $"the workflow's pod and the ingestor's pod both mount ingest-area; with {persistence.AccessMode} they must run on the same node");

        s.Done();
        return new IngestorSpec
        {
            ReleaseName = release,
            Chart = chart,
            Version = version,
            Repository = repository,
            Digest = digest,
            TimeoutSeconds = timeout,
            MaxHistory = maxHistory,
            ImageRepository = imageRepository,
            ImageTag = imageTag,
            Settings = settings,
            Persistence = persistence,
            Manage = manage,
        };
    }

    /// <summary>
    /// A chart repository: https:// (a Helm repository) or oci:// (a registry); plain http:// only
    /// when the stack says so, because the chart is code that runs in the cluster.
    /// </summary>
    private static void CheckRepository(ConfigSection s, string repository, bool allowHttp, Problems problems)
    {
        var wellFormed = Uri.TryCreate(repository, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            && repository.All(c => c > ' ' && c < 0x7f) && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;
        if (!wellFormed || uri!.Scheme is not ("https" or "oci" or "http"))
            problems.Error(s.KeyOf("repository"), $"must be a chart repository URL: https://host/path or oci://host/path, without credentials or a query (got {UserText.Quote(repository)})");
        else if (uri.Scheme == "http" && !allowHttp)
            problems.Error(s.KeyOf("repository"), $"is plain http: the chart could be altered on the way; use https://, or set srcnet:ingestor.allowInsecureRepository: true (got {UserText.Quote(repository)})");
    }

    /// <summary>
    /// A chart digest pins the chart's exact bytes, which a version alone does not (a repository can
    /// serve other bytes under it). Helm resolves <c>oci://.../chart@sha256:...</c> in a registry and,
    /// given a version too, checks that the version's tag has that digest (helm v3.20
    /// pkg/registry/client.go, ValidateReference; docs/platform.md#helm-charts-from-oci-registries);
    /// a Helm repository (https://) serves charts by version only.
    /// </summary>
    private static void CheckDigest(ConfigSection s, string? digest, string repository, Problems problems)
    {
        if (digest is null) return;
        if (!Digest().IsMatch(digest))
            problems.Error(s.KeyOf("digest"), $"must be a chart digest: sha256: and 64 lower-case hex digits, as `helm push` or `crane digest` print it (got {UserText.Quote(digest)})");
        else if (!repository.StartsWith("oci://", StringComparison.Ordinal))
            problems.Error(s.KeyOf("digest"), "pins a chart in an OCI registry; srcnet:ingestor.repository is a Helm repository, which serves charts by version only: use an oci:// repository, or leave digest out");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial System.Text.RegularExpressions.Regex Digest();

    // Helm's rule for chart names (helm.sh/docs, "Chart Names"): lower case letters and numbers, words separated by dashes.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex ChartName();

    // SemVer 2.0.0 (semver.org's regular expression): Helm pins a chart by an exact version.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial System.Text.RegularExpressions.Regex SemVer();

    private static void CheckHttpsUrl(ConfigSection c, string key, string value, Problems problems)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Error(c.KeyOf(key), $"must be an http(s) URL such as https://rucio.example.org (got {UserText.Quote(value)})");
    }
}
