using SrcNetInfra.Cli;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

/// <summary>
/// <c>render --out DIR</c>: a directory that cannot be used is one line naming --out (exit 2), a
/// failed write leaves no temporary files, and only files srcnet writes are ever removed.
/// </summary>
public class OutputDirectoryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_out_is_refused_and_writes_nothing(string given)
    {
        using var dir = new TempDir();
        var run = CliRun.In(dir.Path, "render", "--config-file", dir.Write("Pulumi.dev.yaml", MinimalStack.Yaml), "--out", given);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("srcnet: --out: give a directory; an empty path would write into the current directory", Assert.Single(run.ErrorLines));
        Assert.Equal(["Pulumi.dev.yaml"], dir.Files());
    }

    [Fact]
    public void An_out_inside_a_file_is_one_line_naming_out()
    {
        using var dir = new TempDir();
        dir.Write("file.txt", "x");
        var run = CliRun.AtRoot("render", "--stack", "dev", "--out", Path.Combine(dir.Path, "file.txt", "sub"));
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^srcnet: --out: '.*file\.txt/sub' is inside '.*file\.txt', which is a file$", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void An_out_that_is_not_a_path_is_one_line_naming_out()
    {
        var run = CliRun.AtRoot("render", "--stack", "dev", "--out", "a\0b");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("srcnet: --out: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Contains(@"a\u0000b", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_where_a_file_goes_is_refused_before_anything_is_written()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "manifests.yaml"));
        var run = CliRun.AtRoot("render", "--stack", "dev", "--out", dir.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds a directory named manifests.yaml, where srcnet writes that file", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(dir.Files());
    }

    [Fact]
    public void A_write_that_fails_half_way_leaves_no_temporary_file_and_names_out()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", "old\n");
        // The second file's folder does not exist: its write fails after the first file's temporary is written.
        var e = Assert.Throws<IOException>(() => OutputDirectory.WriteAll("--out", dir.Path, dir.Path,
            [new("a.yaml", "new\n"), new("missing/b.yaml", "b\n")], TextWriter.Null));
        Assert.StartsWith($"--out: cannot write into '", e.Message, StringComparison.Ordinal);
        Assert.Equal(["a.yaml"], dir.Files());
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(dir.Path, "a.yaml")));
    }

    [Fact]
    public void Temporary_files_a_killed_run_left_are_removed_and_other_files_kept_with_a_warning()
    {
        using var dir = new TempDir();
        dir.Write(".manifests.yaml.4242.tmp", "half");
        dir.Write("old-job.yaml", "kind: Job\n");
        dir.Write("notes.txt", "mine\n");
        var run = CliRun.AtRoot("render", "--stack", "dev", "--out", dir.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ingestor-release.yaml", "ingestor-values.yaml", "manifests.yaml", "notes.txt", "old-job.yaml"], dir.Files());
        Assert.Contains("srcnet: warning: --out: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("also holds old-job.yaml, which srcnet did not write and leaves as they are; `kubectl apply -f` of the directory would apply them too", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_again_into_the_same_directory_replaces_its_files_without_a_warning()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.AtRoot("render", "--stack", "dev", "--out", dir.Path).ExitCode);
        var again = CliRun.AtRoot("render", "--stack", "prod", "--out", dir.Path);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("warning", again.Error, StringComparison.Ordinal);
        Assert.Contains("namespace: datalake-ingestion", File.ReadAllText(Path.Combine(dir.Path, "manifests.yaml")), StringComparison.Ordinal);
    }
}
