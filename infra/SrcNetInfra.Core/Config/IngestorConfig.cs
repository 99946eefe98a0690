using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Reads <c>srcnet:ingestor</c>. Defaults are the chart 0.1.1 values of FACTS.md; the site's RSE,
/// Rucio account and storage class have no sensible default and must be stated.
/// </summary>
internal static class IngestorConfig
{
    public const string ChartVersion = "0.1.1";
    public static readonly string[] AccessModes = ["ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

    public static IngestorSpec Read(ConfigSection s, Problems problems)
    {
        var release = s.String("releaseName", "ingestor");
        // Helm release names are DNS-1123 labels of at most 53 characters.
        if (Names.CheckLabelName(release, 53) is { } badRelease) problems.Error(s.KeyOf("releaseName"), badRelease);
        var chart = s.String("chart", "ska-src-dm-di-ingestor");
        var version = s.String("version", ChartVersion);
        if (version != ChartVersion)
            problems.Warning(s.KeyOf("version"),
                $"the values srcnet writes are those of chart {ChartVersion}; {version} may expect others (0.1.1 changed them incompatibly)");
        var repository = s.String("repository", "https://gitlab.com/api/v4/projects/51600992/packages/helm/stable");
        if (!Uri.TryCreate(repository, UriKind.Absolute, out var repo) || repo.Scheme is not ("https" or "http" or "oci"))
            problems.Error(s.KeyOf("repository"), $"must be a chart repository URL (https:// or oci://), got {UserText.Quote(repository)}");

        var image = s.Section("image");
        var imageRepository = image.String("repository", "registry.gitlab.com/ska-telescope/src/src-dm/ska-src-dm-di-ingestor");
        var imageTag = image.String("tag", "0.1.30");
        image.Done();

        var c = s.Section("config");
        var settings = new IngestorSettings(
            Frequency: c.Int("frequency", 5, min: 1),
            BatchSize: c.Int("batchSize", 50, min: 1),
            MetadataSuffix: c.String("metadataSuffix", "meta"),
            NProcesses: c.Int("nProcesses", 4, min: 1),
            IngestionBackendName: c.String("ingestionBackendName", "rucio"),
            RucioIngestRseName: c.String("rucioIngestRseName", null, "the site's Rucio storage element, e.g. CHSRC_XRD_DEV"),
            Debug: c.Bool("debug", false),
            AutoStart: c.Bool("autoStart", true),
            RucioCfgClientHost: c.String("rucioCfgClientHost", "https://rucio.srcdev.skao.int"),
            RucioCfgClientAuthType: c.String("rucioCfgClientAuthType", "oidc"),
            RucioCfgClientOidcScope: c.String("rucioCfgClientOidcScope", "openid profile rucio wlcg.groups"),
            RucioCfgClientOidcAudience: c.String("rucioCfgClientOidcAudience", "rucio https://wlcg.cern.ch/jwt/v1/any"),
            RucioCfgClientAccount: c.String("rucioCfgClientAccount", null, "the site's Rucio service account, e.g. service_chsrc_ingestion"),
            OidcTokenEndpoint: c.String("oidcTokenEndpoint", "https://ska-iam.stfc.ac.uk/token"));
        c.Done();
        if (settings.MetadataSuffix.Length == 0 || settings.MetadataSuffix.Contains('/'))
            problems.Error(c.KeyOf("metadataSuffix"), $"must be a file-name suffix such as meta (got {UserText.Quote(settings.MetadataSuffix)})");
        CheckHttpsUrl(c, "rucioCfgClientHost", settings.RucioCfgClientHost, problems);
        CheckHttpsUrl(c, "oidcTokenEndpoint", settings.OidcTokenEndpoint, problems);

        var p = s.Section("persistence");
        var persistence = new IngestAreaSpec(
            StorageClass: p.String("storageClass", null, "a ReadWriteMany storage class of the cluster, e.g. cephfs"),
            AccessMode: p.Choice("accessMode", "ReadWriteMany", AccessModes),
            Size: p.Size("size"),
            RunsToHold: p.Int("runsToHold", Defaults.RunsToHold, min: 1, max: 1_000_000),
            Headroom: p.Number("headroom", Defaults.IngestHeadroom, Headroom.Check));
        p.Done();
        if (persistence.AccessMode != "ReadWriteMany")
            problems.Warning(p.KeyOf("accessMode"),
                $"the workflow's pod and the ingestor's pod both mount ingest-area; with {persistence.AccessMode} they must run on the same node");

        s.Done();
        return new IngestorSpec(release, chart, version, repository, imageRepository, imageTag, settings, persistence);
    }

    private static void CheckHttpsUrl(ConfigSection c, string key, string value, Problems problems)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Error(c.KeyOf(key), $"must be an http(s) URL such as https://rucio.example.org (got {UserText.Quote(value)})");
    }
}
