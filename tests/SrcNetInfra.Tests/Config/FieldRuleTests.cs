namespace SrcNetInfra.Tests.Config;

/// <summary>
/// Every rule on a single key: the minimal valid stack with that one key broken fails with an error at
/// exactly that key, saying what is allowed; and a value just inside the rule passes.
/// </summary>
public class FieldRuleTests
{
    // ----- srcnet:namespace ---------------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:namespace.name", "Datalake", "lower-case letters, digits and '-'")]
    [InlineData("srcnet:namespace.name", "datalake_ingestion", "lower-case letters, digits and '-'")]
    [InlineData("srcnet:namespace.name", "-datalake", "starting and ending with a letter or digit")]
    [InlineData("srcnet:namespace.name", "datalake.ingestion", "lower-case letters, digits and '-'")]
    [InlineData("srcnet:namespace.name", "\"\"", "must not be empty")]
    [InlineData("srcnet:namespace.name", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "at most 63 characters")]
    [InlineData("srcnet:namespace.podSecurity", "strict", "must be one of privileged, baseline, restricted")]
    public void Namespace_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Theory]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")] // 63 characters
    [InlineData("srcnet-dev")]
    public void A_dns_label_namespace_name_is_accepted(string name) =>
        Expect.Clean(Stacks.Check("srcnet:namespace.name", name));

    [Theory]
    [InlineData("{app.kubernetes.io/name: x}", "srcnet:namespace.labels.app.kubernetes.io/name", "set by srcnet itself")]
    [InlineData("{app.kubernetes.io/part-of: x}", "srcnet:namespace.labels.app.kubernetes.io/part-of", "outside app.kubernetes.io/")]
    [InlineData("{pod-security.kubernetes.io/enforce: privileged}", "srcnet:namespace.labels.pod-security.kubernetes.io/enforce", "pod-security.kubernetes.io/")]
    [InlineData("{-team: x}", "srcnet:namespace.labels.-team", "starting and ending with a letter or digit")]
    [InlineData("{Bad_Prefix/team: x}", "srcnet:namespace.labels.Bad_Prefix/team", "prefix is a DNS subdomain")]
    [InlineData("{team: has space}", "srcnet:namespace.labels.team", "label value 'has space'")]
    [InlineData("{team: 1234567890123456789012345678901234567890123456789012345678901234}", "srcnet:namespace.labels.team", "at most 63")]
    public void Label_rules(string labels, string key, string fragment) =>
        Expect.Error(Stacks.Check("srcnet:namespace.labels", labels), key, fragment);

    [Fact]
    public void Own_labels_are_accepted()
    {
        var result = Stacks.Check("srcnet:namespace.labels", "{srcnet.skao.int/environment: dev, team: \"\", cost-centre: \"42\"}");
        Expect.Clean(result);
        Assert.Equal("dev", result.Environment!.Spec.Namespace.Labels["srcnet.skao.int/environment"]);
        Assert.Equal("", result.Environment.Spec.Namespace.Labels["team"]);
    }

    // ----- srcnet:quota ---------------------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:quota.requestsCpu", "lots", "Kubernetes quantity such as 500m, 16, 64Gi")]
    [InlineData("srcnet:quota.requestsCpu", "\"-1\"", "Kubernetes quantity")]
    [InlineData("srcnet:quota.requestsMemory", "80 Gi", "Kubernetes quantity")]
    [InlineData("srcnet:quota.limitsCpu", "40cores", "Kubernetes quantity")]
    [InlineData("srcnet:quota.limitsMemory", "160GB", "Kubernetes quantity")]
    [InlineData("srcnet:quota.requestsStorage", "2TB", "Kubernetes quantity")]
    [InlineData("srcnet:quota.requestsGpu", "-1", "must be at least 0")]
    [InlineData("srcnet:quota.requestsGpu", "one", "expected a whole number")]
    [InlineData("srcnet:quota.pods", "0", "must be at least 1")]
    [InlineData("srcnet:quota.persistentVolumeClaims", "0", "must be at least 1")]
    [InlineData("srcnet:quota.containerDefaults.requestCpu", "half", "Kubernetes quantity")]
    [InlineData("srcnet:quota.containerDefaults.requestMemory", "1 Gi", "Kubernetes quantity")]
    [InlineData("srcnet:quota.containerDefaults.limitCpu", "2 cores", "Kubernetes quantity")]
    [InlineData("srcnet:quota.containerDefaults.limitMemory", "4gb", "Kubernetes quantity")]
    public void Quota_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Fact]
    public void A_whole_number_too_large_for_an_int_says_so()
    {
        var error = Expect.Error(Stacks.Check("srcnet:quota.pods", "99999999999"), "srcnet:quota.pods", "99999999999");
        Assert.DoesNotContain("must be at least 1", error.Message, StringComparison.Ordinal);
    }

    // ----- srcnet:secret --------------------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:secret.mode", "vault", "must be one of externalSecret, existingSecret, pulumiSecret")]
    [InlineData("srcnet:secret.name", "Datalake", "lower-case letters, digits, '-' and '.'")]
    [InlineData("srcnet:secret.name", "\"\"", "must not be empty")]
    [InlineData("srcnet:secret.clientIdKey", "oidc client id", "letters, digits, '-', '_' or '.'")]
    [InlineData("srcnet:secret.clientSecretKey", "oidc/secret", "letters, digits, '-', '_' or '.'")]
    [InlineData("srcnet:secret.clientSecretKey", "oidc-client-id", "must differ from clientIdKey")]
    [InlineData("srcnet:secret.vault.apiVersion", "external-secrets.io/v1alpha1", "must be one of external-secrets.io/v1, external-secrets.io/v1beta1")]
    [InlineData("srcnet:secret.vault.server", "vault.vault.svc:8200", "must be an http(s) URL")]
    [InlineData("srcnet:secret.vault.server", "ftp://vault:8200", "must be an http(s) URL")]
    [InlineData("srcnet:secret.vault.server", "not a url", "must be an http(s) URL")]
    [InlineData("srcnet:secret.vault.version", "v3", "must be one of v1, v2")]
    [InlineData("srcnet:secret.vault.serviceAccount", "Datalake_SA", "lower-case letters, digits, '-' and '.'")]
    [InlineData("srcnet:secret.vault.secretStoreName", "vault store", "lower-case letters, digits, '-' and '.'")]
    [InlineData("srcnet:secret.vault.refreshInterval", "15", "must be a duration such as 15s, 1m or 1h")]
    [InlineData("srcnet:secret.vault.refreshInterval", "15 s", "must be a duration")]
    [InlineData("srcnet:secret.vault.refreshInterval", "1d", "must be a duration")]
    [InlineData("srcnet:secret.vault.refreshInterval", "soon", "must be a duration")]
    public void Secret_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Theory]
    [InlineData("srcnet:secret.vault.server", "https://vault.example.org")]
    [InlineData("srcnet:secret.vault.refreshInterval", "1h30m")]
    [InlineData("srcnet:secret.vault.refreshInterval", "500ms")]
    [InlineData("srcnet:secret.vault.apiVersion", "external-secrets.io/v1")]
    [InlineData("srcnet:secret.name", "datalake.ingestion")]
    public void Secret_values_inside_the_rules_are_accepted(string key, string yaml) =>
        Expect.Clean(Stacks.Check(key, yaml));

    [Theory]
    [InlineData("existingSecret")]
    [InlineData("pulumiSecret")]
    public void Vault_settings_outside_mode_externalSecret_are_a_warning(string mode)
    {
        var overrides = new List<(string, string?)> { ("srcnet:secret.mode", mode), ("srcnet:secret.vault.role", "other") };
        if (mode == "pulumiSecret")
        {
            overrides.Add(("srcnet:oidcClientId", "{secure: v1:a}"));
            overrides.Add(("srcnet:oidcClientSecret", "{secure: v1:b}"));
        }
        Expect.Warning(Stacks.Check([.. overrides]), "srcnet:secret.vault", "only used with mode externalSecret");
    }

    // ----- srcnet:ingestor ------------------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:ingestor.releaseName", "Ingestor", "lower-case letters, digits and '-'")]
    [InlineData("srcnet:ingestor.releaseName", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "at most 53 characters")]
    [InlineData("srcnet:ingestor.repository", "gitlab.com/charts", "chart repository URL")]
    [InlineData("srcnet:ingestor.repository", "ftp://gitlab.com/charts", "https://host/path or oci://host/path")]
    [InlineData("srcnet:ingestor.repository", "http://charts.example.org", "allowInsecureRepository")]
    [InlineData("srcnet:ingestor.digest", "sha256:0123", "sha256: and 64 lower-case hex digits")]
    [InlineData("srcnet:ingestor.digest", "0.1.1", "sha256: and 64 lower-case hex digits")]
    [InlineData("srcnet:ingestor.digest", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "a Helm repository, which serves charts by version only")]
    [InlineData("srcnet:ingestor.repository", "https://user:pw@charts.example.org", "without credentials")]
    [InlineData("srcnet:ingestor.repository", "https://charts.example.org/$(touch x)", "https://host/path")]
    [InlineData("srcnet:ingestor.repository", "https://charts.example.org/a b", "https://host/path")]
    [InlineData("srcnet:ingestor.chart", "ska;rm", "Helm chart name")]
    [InlineData("srcnet:ingestor.chart", "Ska-Chart", "Helm chart name")]
    [InlineData("srcnet:ingestor.version", "latest", "SemVer")]
    [InlineData("srcnet:ingestor.version", "~0.1", "SemVer")]
    [InlineData("srcnet:ingestor.version", "0.1", "SemVer")]
    [InlineData("srcnet:ingestor.version", "0.1.1; id", "SemVer")]
    [InlineData("srcnet:ingestor.timeoutSeconds", "10", "between 60 and 3600")]
    [InlineData("srcnet:ingestor.maxHistory", "0", "between 1 and 100")]
    [InlineData("srcnet:ingestor.config.frequency", "0", "must be at least 1")]
    [InlineData("srcnet:ingestor.config.batchSize", "0", "must be at least 1")]
    [InlineData("srcnet:ingestor.config.nProcesses", "0", "must be at least 1")]
    [InlineData("srcnet:ingestor.config.nProcesses", "2.5", "expected a whole number")]
    [InlineData("srcnet:ingestor.config.metadataSuffix", "\"\"", "file-name suffix such as meta")]
    [InlineData("srcnet:ingestor.config.metadataSuffix", "meta/json", "file-name suffix such as meta")]
    [InlineData("srcnet:ingestor.config.autoStart", "yes", "must be true or false")]
    [InlineData("srcnet:ingestor.config.rucioCfgClientHost", "rucio.srcdev.skao.int", "must be an http(s) URL")]
    [InlineData("srcnet:ingestor.config.rucioCfgClientHost", "ftp://rucio.srcdev.skao.int", "must be an http(s) URL")]
    [InlineData("srcnet:ingestor.config.oidcTokenEndpoint", "ska-iam.stfc.ac.uk/token", "must be an http(s) URL")]
    [InlineData("srcnet:ingestor.persistence.accessMode", "RWX", "must be one of ReadWriteMany, ReadWriteOnce, ReadWriteOncePod")]
    [InlineData("srcnet:ingestor.persistence.size", "lots", "must be auto or a storage size such as 100Gi")]
    [InlineData("srcnet:ingestor.persistence.size", "0", "must be auto or a storage size")]
    [InlineData("srcnet:ingestor.persistence.size", "100 Gi", "must be auto or a storage size")]
    [InlineData("srcnet:ingestor.persistence.runsToHold", "0", "must be between 1 and 1000000")]
    [InlineData("srcnet:ingestor.persistence.headroom", "0.9", "must be between 1.0 and 10.0")]
    [InlineData("srcnet:ingestor.persistence.headroom", "11", "must be between 1.0 and 10.0")]
    public void Ingestor_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Fact]
    public void A_chart_version_other_than_0_1_1_is_a_warning() =>
        Expect.Warning(Stacks.Check("srcnet:ingestor.version", "0.2.0"), "srcnet:ingestor.version", "chart 0.1.1");

    [Theory]
    [InlineData("ReadWriteOnce")]
    [InlineData("ReadWriteOncePod")]
    public void An_ingest_area_that_is_not_ReadWriteMany_is_a_warning(string mode) =>
        Expect.Warning(Stacks.Check("srcnet:ingestor.persistence.accessMode", mode), "srcnet:ingestor.persistence.accessMode", "same node");

    [Theory]
    [InlineData("srcnet:ingestor.repository", "oci://registry.example.org/charts")]
    [InlineData("srcnet:ingestor.persistence.headroom", "1")]
    [InlineData("srcnet:ingestor.persistence.headroom", "10")]
    [InlineData("srcnet:ingestor.persistence.size", "auto")]
    [InlineData("srcnet:ingestor.config.metadataSuffix", "meta.json")]
    public void Ingestor_values_inside_the_rules_are_accepted(string key, string yaml) =>
        Expect.Clean(Stacks.Check(key, yaml));

    // ----- srcnet:workflow ------------------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:workflow.mode", "Job", "must be one of job, cronjob, campaign")]
    [InlineData("srcnet:workflow.name", "Karabo", "lower-case letters, digits and '-'")]
    [InlineData("srcnet:workflow.name", "karabo_aastar", "lower-case letters, digits and '-'")]
    [InlineData("srcnet:workflow.name", "a2345678901234567890123456789012345678901234567890123", "at most 52 characters")]
    [InlineData("srcnet:workflow.image.repository", "\"\"", "image repository of 1 to 255 characters")]
    [InlineData("srcnet:workflow.image.repository", "ghcr.io/i4ds/karabo pipeline", "lower-case letters and digits")]
    [InlineData("srcnet:workflow.image.repository", "karabo-pipeline:0.34.0", "must not carry a tag or digest")]
    [InlineData("srcnet:workflow.image.tag", "0.34 beta", "up to 128 letters, digits")]
    [InlineData("srcnet:workflow.image.tag", "0.34.0@sha256", "up to 128 letters, digits")]
    [InlineData("srcnet:workflow.image.pullPolicy", "IfNotExists", "must be one of IfNotPresent, Always, Never")]
    [InlineData("srcnet:workflow.outDir", "/tmp/staging", "inside the ingest area mounted at /ingest")]
    [InlineData("srcnet:workflow.outDir", "ingest/staging", "inside the ingest area")]
    [InlineData("srcnet:workflow.outDir", "/ingestion", "inside the ingest area")]
    [InlineData("srcnet:workflow.outDir", "/ingest/../etc", "inside the ingest area")]
    [InlineData("srcnet:workflow.outDir", "/ingest/staging area", "inside the ingest area")]
    [InlineData("srcnet:workflow.runNumber", "-1", "must be at least 0")]
    [InlineData("srcnet:workflow.ttlSecondsAfterFinished", "-1", "must be at least 0")]
    [InlineData("srcnet:workflow.activeDeadlineSeconds", "0", "must be at least 1")]
    [InlineData("srcnet:workflow.resources.requests.cpu", "sixteen", "Kubernetes quantity")]
    [InlineData("srcnet:workflow.resources.requests.memory", "64 GiB", "Kubernetes quantity")]
    [InlineData("srcnet:workflow.resources.limits.cpu", "-32", "Kubernetes quantity")]
    [InlineData("srcnet:workflow.resources.limits.memory", "lots", "Kubernetes quantity")]
    [InlineData("srcnet:workflow.resources.gpu", "-1", "must be between 0 and 64")]
    [InlineData("srcnet:workflow.resources.gpu", "65", "must be between 0 and 64")]
    public void Workflow_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Theory]
    [InlineData("srcnet:workflow.name", "a234567890123456789012345678901234567890123456789012")] // 52 characters
    [InlineData("srcnet:workflow.image.repository", "registry.example.org:5000/karabo-pipeline")]
    [InlineData("srcnet:workflow.image.tag", "0.34.0-cuda_12")]
    [InlineData("srcnet:workflow.outDir", "/ingest/staging/")]
    [InlineData("srcnet:workflow.runNumber", "7")]
    [InlineData("srcnet:workflow.ttlSecondsAfterFinished", "0")]
    [InlineData("srcnet:workflow.activeDeadlineSeconds", "1")]
    public void Workflow_values_inside_the_rules_are_accepted(string key, string yaml) =>
        Expect.Clean(Stacks.Check(key, yaml));

    [Fact]
    public void A_repository_with_a_path_and_a_tag_is_an_error() =>
        Expect.Error(Stacks.Check("srcnet:workflow.image.repository", "ghcr.io/i4ds/karabo-pipeline:0.34.0"),
            "srcnet:workflow.image.repository", "must not carry a tag or digest");

    [Fact]
    public void The_image_tag_latest_is_a_warning() =>
        Expect.Warning(Stacks.Check("srcnet:workflow.image.tag", "latest"), "srcnet:workflow.image.tag", "pin a version");

    [Theory]
    [InlineData("/ingest")]
    [InlineData("/ingest/other")]
    public void An_out_dir_outside_staging_is_a_warning(string outDir) =>
        Expect.Warning(Stacks.Check("srcnet:workflow.outDir", outDir), "srcnet:workflow.outDir", "staging/");

    [Theory]
    [InlineData("[visibility]")]
    [InlineData("[vis, dirty]")]
    [InlineData("[visibility, dirty, cleaned]")]
    public void Ingesting_visibilities_is_a_warning(string products)
    {
        var result = Stacks.Check("srcnet:workflow.products", products);
        Expect.Warning(result, "srcnet:workflow.products", "directory");
        Assert.True(result.Environment!.Spec.Workflow.Products.Visibility);
    }

    [Fact]
    public void An_empty_product_list_is_an_error() =>
        Expect.Error(Stacks.Check("srcnet:workflow.products", "[]"), "srcnet:workflow.products", "at least one of visibility, dirty, cleaned");

    [Theory]
    [InlineData("[dirty, psf]", "psf")]
    [InlineData("[image]", "image")]
    [InlineData("[\"--dirty\"]", "--dirty")]
    public void An_unknown_product_is_an_error(string products, string bad)
    {
        var error = Expect.Error(Stacks.Check("srcnet:workflow.products", products), "srcnet:workflow.products", "allowed: visibility, dirty, cleaned");
        Assert.Contains($"'{bad}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[clean]", false, false, true)]
    [InlineData("[Dirty]", false, true, false)]
    [InlineData("[cleaned, dirty, cleaned]", false, true, true)]
    public void Product_names_and_aliases(string products, bool vis, bool dirty, bool cleaned)
    {
        var result = Stacks.Check("srcnet:workflow.products", products);
        Expect.Clean(result);
        Assert.Equal(new Core.Model.ProductSelection(vis, dirty, cleaned), result.Environment!.Spec.Workflow.Products);
    }

    // ----- srcnet:workflow.simulation ---------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:workflow.simulation.skyModel", "GLEAM", "must be one of MIGHTEE_L1")]
    [InlineData("srcnet:workflow.simulation.phaseCenterRaDeg", "360", "0 <= RA < 360")]
    [InlineData("srcnet:workflow.simulation.phaseCenterRaDeg", "-0.1", "0 <= RA < 360")]
    [InlineData("srcnet:workflow.simulation.phaseCenterDecDeg", "90.5", "-90 <= Dec <= 90")]
    [InlineData("srcnet:workflow.simulation.phaseCenterDecDeg", "-91", "-90 <= Dec <= 90")]
    [InlineData("srcnet:workflow.simulation.startFreqHz", "0", "must be greater than 0")]
    [InlineData("srcnet:workflow.simulation.endFreqHz", "-1.375e9", "must be greater than 0")]
    [InlineData("srcnet:workflow.simulation.freqIncHz", "0", "must be greater than 0")]
    [InlineData("srcnet:workflow.simulation.freqIncHz", "-17750000", "must be greater than 0")]
    [InlineData("srcnet:workflow.simulation.obsLengthHours", "0", "must be greater than 0 hours")]
    [InlineData("srcnet:workflow.simulation.numTimeStamps", "0", "must be between 1 and 10000000")]
    [InlineData("srcnet:workflow.simulation.imagingNpixel", "0", "must be between 1 and 100000")]
    [InlineData("srcnet:workflow.simulation.imagingNpixel", "100001", "must be between 1 and 100000")]
    [InlineData("srcnet:workflow.simulation.stations", "1", "must be between 2 and 100000")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "2020-26-04T16:36", "YYYY-MM-DDTHH:MM")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "2020-02-30T16:36", "YYYY-MM-DDTHH:MM")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "26.04.2020T16:36", "MM.DD.YYYYTHH:MM")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "04.26.2020 16:36", "MM.DD.YYYYTHH:MM")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "04.26.2020T16:36:00", "MM.DD.YYYYTHH:MM")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "02.30.2020T16:36", "MM.DD.YYYYTHH:MM")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "2020-04-26T16:36Z", "YYYY-MM-DDTHH:MM")]
    [InlineData("srcnet:workflow.simulation.imagingCellsize", "auto", "radians per pixel (> 0) or None")]
    [InlineData("srcnet:workflow.simulation.imagingCellsize", "none", "or None")]
    [InlineData("srcnet:workflow.simulation.imagingCellsize", "0", "radians per pixel (> 0)")]
    [InlineData("srcnet:workflow.simulation.imagingCellsize", "-1e-5", "radians per pixel (> 0)")]
    [InlineData("srcnet:workflow.simulation.imagingCellsize", "4", "radians per pixel")]
    public void Simulation_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Theory]
    [InlineData("srcnet:workflow.simulation.phaseCenterRaDeg", "0")]
    [InlineData("srcnet:workflow.simulation.phaseCenterRaDeg", "359.999")]
    [InlineData("srcnet:workflow.simulation.phaseCenterDecDeg", "-90")]
    [InlineData("srcnet:workflow.simulation.phaseCenterDecDeg", "90")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "12.31.2021T23:59")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "2020-04-26T16:36")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "2020-04-26T16:36:30")]
    [InlineData("srcnet:workflow.simulation.startDateAndTime", "2020-04-26 16:36")]
    [InlineData("srcnet:workflow.simulation.startFreqHz", "\"1.304e9\"")]
    public void Simulation_values_inside_the_rules_are_accepted(string key, string yaml) =>
        Expect.Clean(Stacks.Check(key, yaml));

    [Theory]
    [InlineData("None", null)]
    [InlineData("0.0001", 0.0001)]
    [InlineData("\"2.5e-5\"", 2.5e-5)]
    [InlineData("1e-6", 1e-6)]
    public void The_cell_size_is_None_or_radians(string yaml, double? expected)
    {
        var result = Stacks.Check("srcnet:workflow.simulation.imagingCellsize", yaml);
        Expect.Clean(result);
        Assert.Equal(expected, result.Environment!.Spec.Workflow.Simulation.ImagingCellsize);
    }

    [Theory]
    [InlineData("1.375e9", "1.375e9")] // equal: no band at all
    [InlineData("1.4e9", "1.375e9")]
    public void The_end_frequency_must_be_above_the_start(string start, string end)
    {
        var result = Stacks.Check(("srcnet:workflow.simulation.startFreqHz", start), ("srcnet:workflow.simulation.endFreqHz", end));
        Expect.Error(result, "srcnet:workflow.simulation.endFreqHz", "must be greater than startFreqHz");
    }

    [Fact]
    public void The_channel_width_must_fit_in_the_band()
    {
        // The default band is 1.304e9..1.375e9 Hz: 71 MHz wide.
        var error = Expect.Error(Stacks.Check("srcnet:workflow.simulation.freqIncHz", "71000001"),
            "srcnet:workflow.simulation.freqIncHz", "must be at most endFreqHz - startFreqHz");
        Assert.Contains("71000000", error.Message, StringComparison.Ordinal);
        Expect.Clean(Stacks.Check("srcnet:workflow.simulation.freqIncHz", "71000000")); // exactly one channel
    }

    [Fact]
    public void More_than_ten_million_channels_is_an_error() =>
        // 71 MHz in 1 Hz channels: 71 million.
        Expect.Error(Stacks.Check("srcnet:workflow.simulation.freqIncHz", "1"), "srcnet:workflow.simulation.freqIncHz", "10,000,000 channels");

    [Theory]
    [InlineData(64)]
    [InlineData(197)]
    public void A_station_count_other_than_aa_star_is_a_warning(int stations) =>
        Expect.Warning(Stacks.Check("srcnet:workflow.simulation.stations", stations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "srcnet:workflow.simulation.stations", "144 stations");

    // ----- srcnet:workflow.metadata ----------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:workflow.metadata.rucioNamespace", "\"\"", "1 to 25 letters, digits, '_', '.' or '-'")]
    [InlineData("srcnet:workflow.metadata.rucioNamespace", "my scope", "Rucio scope")]
    [InlineData("srcnet:workflow.metadata.rucioNamespace", "user/jdoe", "Rucio scope")]
    [InlineData("srcnet:workflow.metadata.rucioNamespace", "a2345678901234567890123456", "1 to 25")]
    [InlineData("srcnet:workflow.metadata.rucioLifetime", "0", "whole number of seconds, at least 1")]
    [InlineData("srcnet:workflow.metadata.rucioLifetime", "1.5", "whole number of seconds")]
    [InlineData("srcnet:workflow.metadata.ivoidAuthority", "\"\"", "must not be empty")]
    [InlineData("srcnet:workflow.metadata.obsCollection", "\"\"", "must not be empty")]
    [InlineData("srcnet:workflow.metadata.obsIdPattern", "001_SKAMID_Karabo", "must contain {run} exactly once")]
    [InlineData("srcnet:workflow.metadata.obsIdPattern", "\"{run}_{run}\"", "exactly once")]
    [InlineData("srcnet:workflow.metadata.obsIdPattern", "\"{run} SKAMID\"", "letters, digits, '.', '_', '-' around {run}")]
    [InlineData("srcnet:workflow.metadata.obsIdPattern", "\"{run};rm -rf /\"", "around {run}")]
    [InlineData("srcnet:workflow.metadata.obsIdPattern", "\"$(date)_{run}\"", "around {run}")]
    [InlineData("srcnet:workflow.metadata.filePrefixPattern", "SKAMID-Karabo", "must contain {run} exactly once")]
    [InlineData("srcnet:workflow.metadata.filePrefixPattern", "\"{run}/x\"", "around {run}")]
    [InlineData("srcnet:workflow.metadata.filePrefixPattern", "\"`id`{run}\"", "around {run}")]
    public void Metadata_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Theory]
    [InlineData("srcnet:workflow.metadata.rucioNamespace", "user.jdoe")]
    [InlineData("srcnet:workflow.metadata.rucioNamespace", "a234567890123456789012345")]
    [InlineData("srcnet:workflow.metadata.obsIdPattern", "\"SKAMID.{run}\"")]
    [InlineData("srcnet:workflow.metadata.filePrefixPattern", "\"{run}\"")]
    public void Metadata_values_inside_the_rules_are_accepted(string key, string yaml) =>
        Expect.Clean(Stacks.Check(key, yaml));

    // ----- srcnet:scratch and srcnet:deploy --------------------------------------------------------

    [Theory]
    [InlineData("srcnet:scratch.mode", "shared", "must be one of ephemeral, sharedClaim")]
    [InlineData("srcnet:scratch.claimName", "Temporal_Scratch", "lower-case letters, digits, '-' and '.'")]
    [InlineData("srcnet:scratch.accessMode", "ReadWrite", "must be one of ReadWriteMany, ReadWriteOnce, ReadWriteOncePod")]
    [InlineData("srcnet:scratch.size", "big", "must be auto or a storage size such as 100Gi")]
    [InlineData("srcnet:scratch.size", "0Gi", "must be auto or a storage size")]
    [InlineData("srcnet:scratch.headroom", "0.5", "must be between 1.0 and 10.0")]
    [InlineData("srcnet:scratch.headroom", "10.5", "must be between 1.0 and 10.0")]
    [InlineData("srcnet:deploy.protectData", "maybe", "must be true or false")]
    public void Scratch_and_deploy_rules(string key, string yaml, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), key, fragment);

    [Fact]
    public void Deploy_settings_are_read()
    {
        var result = Stacks.Check(("srcnet:deploy.protectData", "true"), ("srcnet:deploy.kubeContext", "kind-srcnet"));
        Expect.Clean(result);
        var deploy = result.Environment!.Spec.Deploy;
        Assert.True(deploy.ProtectData);
        Assert.Equal("kind-srcnet", deploy.KubeContext);
        var rendering = Stacks.Check("srcnet:deploy.renderYamlToDirectory", "out/yaml");
        Assert.Equal("out/yaml", rendering.Environment!.Spec.Deploy.RenderYamlToDirectory);
    }
}
