using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// A stack that states only the site's required keys gets the seed's example job and the reference
/// setup (docs/workflow.md#environment-variables, docs/ingestor.md#chart-values-and-defaults,
/// docs/ingestor.md#reference-setup-with-vault): every default below is a fact from there, not output copied from the code.
/// </summary>
public class DefaultsTests
{
    private static EnvironmentSpec Spec()
    {
        var result = Stacks.Check();
        Expect.Clean(result);
        return result.Environment!.Spec;
    }

    [Fact]
    public void The_minimal_stack_has_no_problems() => Expect.Clean(Stacks.Check());

    [Fact]
    public void The_minimal_stack_file_has_no_problems() => Expect.Clean(Stacks.CheckText(Stacks.Valid));

    [Theory]
    [InlineData("srcnet:ingestor.config.rucioIngestRseName", "storage element")]
    [InlineData("srcnet:ingestor.config.rucioCfgClientAccount", "service account")]
    [InlineData("srcnet:ingestor.persistence.storageClass", "storage class")]
    [InlineData("srcnet:workflow.image.tag", "karabo >= 0.34.0")]
    public void Each_site_key_is_required(string key, string hint)
    {
        var error = Expect.Error(Stacks.Check(key, null), key, "is required");
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_sections_report_every_required_key()
    {
        var result = Stacks.CheckText("config:\n  srcnet:workflow: {}\n");
        Assert.False(result.Ok);
        Assert.Equal(
            ["srcnet:ingestor.config.rucioCfgClientAccount", "srcnet:ingestor.config.rucioIngestRseName",
             "srcnet:ingestor.persistence.storageClass", "srcnet:workflow.image.tag"],
            result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_simulation_is_the_seed_example()
    {
        var w = Spec().Workflow;
        Assert.Equal(WorkflowMode.Job, w.Mode);
        Assert.Equal("ghcr.io/i4ds/karabo-pipeline", w.Image.Repository);
        Assert.Equal("0.34.0", w.Image.Tag);
        Assert.Equal(new ProductSelection(Visibility: false, Dirty: true, Cleaned: true), w.Products);
        Assert.Equal(["--dirty", "--cleaned"], w.Products.Flags);

        var s = w.Simulation;
        Assert.Equal("MIGHTEE_L1", s.SkyModel);
        Assert.Equal(150.12, s.PhaseCenterRaDeg);
        Assert.Equal(2.21, s.PhaseCenterDecDeg);
        Assert.Equal(1.304e9, s.StartFreqHz);
        Assert.Equal(1.375e9, s.EndFreqHz);
        Assert.Equal(17_750_000, s.FreqIncHz);
        Assert.Equal(4.0, s.ObsLengthHours);
        Assert.Equal(24, s.NumTimeStamps);
        Assert.Equal("2020-04-26T16:36", s.StartDateAndTime);
        Assert.Equal(2024, s.ImagingNpixel);
        Assert.Null(s.ImagingCellsize); // the workflow's None
        Assert.Equal(144, s.Stations);

        var m = w.Metadata;
        Assert.Equal("testing", m.RucioNamespace);
        Assert.Equal(31_536_000, m.RucioLifetime);
        Assert.Equal("test.skao", m.IvoidAuthority);
        Assert.Equal("/~", m.IvoidPath);
        Assert.Equal("SKAO/SKAMID", m.ObsCollection);
        Assert.Equal("001_SKAMID_Karabo", m.ObsIdFor("001"));
        Assert.Equal("001-SKAMID-Karabo", m.FilePrefixFor("001"));
        Assert.Equal("/ingest/staging", w.OutDir);

        // The seed's example Job: requests 16 CPU / 64Gi, limits 32 CPU / 128Gi, no GPU.
        Assert.Equal(16m, w.Resources.RequestsCpu.Value);
        Assert.Equal(64m * (1L << 30), w.Resources.RequestsMemory.Value);
        Assert.Equal(32m, w.Resources.LimitsCpu.Value);
        Assert.Equal(128m * (1L << 30), w.Resources.LimitsMemory.Value);
        Assert.Equal(0, w.Resources.Gpu);
        Assert.Empty(w.NodeAffinity);
        Assert.Empty(w.Tolerations);
    }

    [Fact]
    public void The_cronjob_schedule_defaults_to_hourly()
    {
        var result = Stacks.Check("srcnet:workflow.mode", "cronjob");
        Expect.Clean(result);
        Assert.Equal(WorkflowMode.CronJob, result.Environment!.Spec.Workflow.Mode);
        Assert.Equal("0 * * * *", result.Environment.Spec.Workflow.Schedule);
    }

    [Fact]
    public void The_namespace_and_secret_are_the_reference_setup()
    {
        var spec = Spec();
        Assert.Equal("datalake-ingestion", spec.Namespace.Name);

        var secret = spec.Secret;
        Assert.Equal(SecretMode.ExternalSecret, secret.Mode);
        Assert.Equal("datalake-ingestion", secret.Name);
        Assert.Equal("oidc-client-id", secret.ClientIdKey);
        Assert.Equal("oidc-client-secret", secret.ClientSecretKey);
        // ESO serves only v1 from 0.17 (docs/ingestor.md#the-oidc-client-secret).
        Assert.Equal("external-secrets.io/v1", secret.Vault.ApiVersion);
        Assert.Equal("http://vault.vault.svc.cluster.local:8200", secret.Vault.Server);
        Assert.Equal("app", secret.Vault.Path);
        Assert.Equal("v2", secret.Vault.Version);
        Assert.Equal("kubernetes", secret.Vault.AuthMountPath);
        Assert.Equal("datalake-ingestion", secret.Vault.Role);
        Assert.Equal("datalake-ingestion", secret.Vault.ServiceAccount);
        Assert.Equal("app/data/datalake-ingestion", secret.Vault.RemoteKey);
        Assert.Equal("15s", secret.Vault.RefreshInterval);
    }

    [Fact]
    public void The_ingestor_is_chart_0_1_1_with_the_facts_values()
    {
        var ingestor = Spec().Ingestor;
        Assert.Equal("ingestor", ingestor.ReleaseName);
        Assert.Equal("ska-src-dm-di-ingestor", ingestor.Chart);
        Assert.Equal("0.1.1", ingestor.Version);
        Assert.Equal("https://gitlab.com/api/v4/projects/51600992/packages/helm/stable", ingestor.Repository);
        Assert.Equal("registry.gitlab.com/ska-telescope/src/src-dm/ska-src-dm-di-ingestor", ingestor.ImageRepository);
        Assert.Equal("0.1.30", ingestor.ImageTag);

        var c = ingestor.Settings;
        Assert.Equal(5, c.Frequency);
        Assert.Equal(50, c.BatchSize);
        Assert.Equal("meta", c.MetadataSuffix);
        Assert.Equal(4, c.NProcesses);
        Assert.Equal("rucio", c.IngestionBackendName);
        Assert.Equal("TEST_RSE", c.RucioIngestRseName);
        Assert.False(c.Debug);
        Assert.True(c.AutoStart);
        Assert.Equal("https://rucio.srcnet.skao.int", c.RucioCfgClientHost);
        Assert.Equal("oidc", c.RucioCfgClientAuthType);
        Assert.Equal("openid profile rucio wlcg.groups", c.RucioCfgClientOidcScope);
        Assert.Equal("rucio https://wlcg.cern.ch/jwt/v1/any", c.RucioCfgClientOidcAudience);
        Assert.Equal("service_test_ingestion", c.RucioCfgClientAccount);
        Assert.Equal("https://ska-iam.stfc.ac.uk/token", c.OidcTokenEndpoint);

        var p = ingestor.Persistence;
        Assert.Equal("cephfs", p.StorageClass);
        Assert.Equal("ReadWriteMany", p.AccessMode);
        Assert.True(p.Size.IsAuto);
    }

    [Fact]
    public void Scratch_is_ephemeral_and_sized_by_the_estimator()
    {
        var scratch = Spec().Scratch;
        Assert.Equal(ScratchMode.Ephemeral, scratch.Mode);
        Assert.Equal("temporal-scratch", scratch.ClaimName);
        Assert.True(scratch.Size.IsAuto);
        Assert.True(scratch.Headroom >= 1.0);
    }

    [Fact]
    public void The_quota_fits_the_seed_job_plus_the_ingestor()
    {
        // The defaults must pass their own cross-check; QuotaFitTests checks the arithmetic.
        var spec = Spec();
        Assert.True(spec.Quota.Pods >= 2);
        Assert.True(spec.Quota.PersistentVolumeClaims >= 2);
        Assert.Null(spec.Quota.RequestsStorage);
        Assert.False(spec.Deploy.ProtectData);
    }
}
