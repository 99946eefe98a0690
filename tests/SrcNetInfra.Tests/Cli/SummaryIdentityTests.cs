using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

/// <summary>
/// <c>srcnet summary --base-render</c> rebuilds the base's deployed identity from its render and shows
/// what <c>pulumi up</c> would refuse on a stack deployed from the base (DeployedIdentity.Changes).
/// </summary>
public class SummaryIdentityTests
{
    private static readonly string Prod = File.ReadAllText(Repo.StackFile("prod")).ReplaceLineEndings("\n");

    /// <summary>Renders <paramref name="baseYaml"/> as the base branch would, then summarises <paramref name="headYaml"/> against it.</summary>
    private static CliRun Summary(TempDir dir, string baseYaml, string headYaml, bool markdown = true, Action<string>? editBase = null)
    {
        var baseFile = dir.Write("base/Pulumi.prod.yaml", baseYaml);
        var baseDir = Path.Combine(dir.Path, "render");
        var render = CliRun.In(dir.Path, "render", "--config-file", baseFile, "--out", baseDir);
        Assert.True(render.ExitCode == 0, render.ToString());
        editBase?.Invoke(baseDir);
        var head = dir.Write("head/Pulumi.prod.yaml", headYaml);
        return CliRun.In(dir.Path, ["summary", "--config-file", head, "--base-render", baseDir, .. markdown ? new[] { "--markdown" } : []]);
    }

    private static string Changed(string from, string to)
    {
        Assert.Contains(from, Prod);
        return Prod.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_stack_has_nothing_refused()
    {
        using var dir = new TempDir();
        var run = Summary(dir, Prod, Prod);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("refuses", run.Out);
    }

    [Fact]
    public void A_new_storage_class_under_protected_data_is_refused_with_the_steps()
    {
        using var dir = new TempDir();
        var run = Summary(dir, Prod, Changed("storageClass: cephfs", "storageClass: rbd"));
        Assert.Contains("**❌ `pulumi up` refuses this change on a stack deployed from the base branch: `srcnet:ingestor.persistence.storageClass`: " +
                        "the deployed ingest-area has storageClass cephfs, now rbd: a claim's storageClass cannot change", run.Out);
    }

    [Fact]
    public void A_secret_mode_change_from_the_operator_is_refused_with_the_steps()
    {
        using var dir = new TempDir();
        var run = Summary(dir, Prod, Changed("mode: externalSecret", "mode: existingSecret"), markdown: false);
        Assert.Contains("  pulumi up refuses: srcnet:secret.mode: changes from externalSecret to existingSecret for Secret 'datalake-ingestion': the operator would delete the Secret", run.Out);
    }

    [Fact]
    public void A_base_whose_header_names_a_Pulumi_made_Secret_is_pulumiSecret()
    {
        using var dir = new TempDir();
        var pulumiSecret = Changed("    mode: externalSecret\n", "    mode: pulumiSecret\n")
            .Replace("    vault:\n      server: http://vault.vault.svc.cluster.local:8200\n      path: app\n      version: v2\n      authMountPath: kubernetes\n      role: datalake-ingestion\n      remoteKey: app/data/datalake-ingestion\n      refreshInterval: 15s\n", "", StringComparison.Ordinal)
            + "  srcnet:oidcClientId:\n    secure: AAABAMx1\n  srcnet:oidcClientSecret:\n    secure: AAABAMx2\n";
        var existing = pulumiSecret.Replace("mode: pulumiSecret", "mode: existingSecret", StringComparison.Ordinal)
            .Replace("  srcnet:oidcClientId:\n    secure: AAABAMx1\n  srcnet:oidcClientSecret:\n    secure: AAABAMx2\n", "", StringComparison.Ordinal);

        var run = Summary(dir, pulumiSecret, existing, markdown: false);

        Assert.Contains("pulumi up refuses: srcnet:secret.mode: changes from pulumiSecret to existingSecret for Secret 'datalake-ingestion': Pulumi would delete the Secret it created", run.Out);
    }

    [Fact]
    public void A_moved_namespace_of_protected_data_is_refused()
    {
        using var dir = new TempDir();
        var run = Summary(dir, Prod, Changed("name: datalake-ingestion", "name: datalake-ingestion-2"), markdown: false);
        Assert.Contains("pulumi up refuses: srcnet:namespace.name: the stack's data lives in namespace 'datalake-ingestion'", run.Out);
    }

    [Fact]
    public void Turning_off_a_created_namespace_is_refused_with_the_state_steps()
    {
        // With create: false the namespace leaves the program; Pulumi would delete it (protected: fail), and with it everything inside.
        using var dir = new TempDir();
        var run = Summary(dir, Prod, Changed("    name: datalake-ingestion\n", "    name: datalake-ingestion\n    create: false\n"), markdown: false);
        Assert.Contains("pulumi up refuses: srcnet:namespace.create: the stack created namespace 'datalake-ingestion'; with create: false Pulumi would delete it " +
                        "and everything in it (it is protected, so pulumi up would fail)", run.Out);
        Assert.Contains("then `pulumi state unprotect URN` and `pulumi state delete URN` (the namespace stays)", run.Out);
    }

    [Fact]
    public void A_namespace_the_stack_never_created_may_stay_uncreated()
    {
        using var dir = new TempDir();
        var existing = Changed("    name: datalake-ingestion\n", "    name: datalake-ingestion\n    create: false\n");
        var run = Summary(dir, existing, existing, markdown: false);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("refuses", run.Out);
    }

    [Fact]
    public void A_render_from_before_the_stack_owned_the_claim_is_read_from_the_charts_values()
    {
        using var dir = new TempDir();
        var run = Summary(dir, Prod, Changed("storageClass: cephfs", "storageClass: rbd"), markdown: false, editBase: baseDir =>
        {
            // Drop the stack's claim from the base: only ingestor-values.yaml's persistence says what it was.
            var path = Path.Combine(baseDir, "manifests.yaml");
            var docs = File.ReadAllText(path).Split("\n---\n").Where(d => !d.Contains("kind: PersistentVolumeClaim\n", StringComparison.Ordinal));
            File.WriteAllText(path, string.Join("\n---\n", docs));
            Assert.DoesNotContain("kind: PersistentVolumeClaim", File.ReadAllText(path));
        });
        Assert.Contains("pulumi up refuses: srcnet:ingestor.persistence.storageClass: the deployed ingest-area has storageClass cephfs, now rbd", run.Out);
    }
}
