using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Hostile;

/// <summary>
/// <c>srcnet summary --base-render DIR</c> reads files from another branch's render. Whatever is
/// there, it answers quickly: files that are not a render of one stack are a usage error naming
/// --base-render, and base files that cannot be parsed only lose what was read from them.
/// </summary>
public class HostileBaseRenderTests
{
    private static string BaseRender(TempDir dir)
    {
        var baseDir = Path.Combine(dir.Path, "base");
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "dev", "--out", baseDir).ExitCode);
        return baseDir;
    }

    private static CliRun Summary(string baseDir) => CliRun.AtRoot("summary", "--stack", "dev", "--markdown", "--base-render", baseDir);

    [Fact]
    public void A_50_MB_base_render_is_refused_by_its_size()
    {
        using var dir = new TempDir();
        var baseDir = BaseRender(dir);
        File.WriteAllText(Path.Combine(baseDir, "manifests.yaml"), new string('x', 50_000_000));
        var run = Summary(baseDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("srcnet: --base-render: manifests.yaml is larger than 512 KiB, the most srcnet reads from such a file; is it the right file?", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_base_render_of_many_lines_is_refused_before_the_diff()
    {
        // A diff takes time in proportion to lines times differences: 100000 empty lines would take minutes.
        using var dir = new TempDir();
        var baseDir = BaseRender(dir);
        File.WriteAllText(Path.Combine(baseDir, "manifests.yaml"), new string('\n', 100_000));
        var run = Summary(baseDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--base-render: manifests.yaml has 100000 lines, more than the 5000 compared", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_render_file_that_links_to_a_device_is_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var baseDir = BaseRender(dir);
        File.Delete(Path.Combine(baseDir, "ingestor-values.yaml"));
        File.CreateSymbolicLink(Path.Combine(baseDir, "ingestor-values.yaml"), "/dev/urandom");
        var run = Summary(baseDir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--base-render: ingestor-values.yaml is not a regular file", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Base_values_nested_too_deep_lose_only_the_claim_size_check()
    {
        // Deserializing recurses; 10000 levels would overflow the stack and kill the process.
        using var dir = new TempDir();
        var baseDir = BaseRender(dir);
        File.WriteAllText(Path.Combine(baseDir, "ingestor-values.yaml"), "persistence: " + new string('[', 10_000) + new string(']', 10_000) + "\n");
        File.WriteAllText(Path.Combine(baseDir, "manifests.yaml"), "a: " + new string('{', 10_000) + new string('}', 10_000) + "\n");
        var run = Summary(baseDir);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("```diff", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("claim ingest-area would shrink", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("claim ingest-area grows", run.Out, StringComparison.Ordinal);
    }
}
