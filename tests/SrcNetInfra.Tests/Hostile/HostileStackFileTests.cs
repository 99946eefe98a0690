using System.Globalization;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Hostile;

/// <summary>
/// Hostile and careless stack files: each is refused quickly, with exit 2 and one escaped line per
/// problem naming the file, whatever its size or shape. The pull-request workflow validates the
/// stack files of every pull request, forks included, so these are inputs of strangers.
/// </summary>
/// <remarks>
/// The cases that fit in a small text file are files in Cases/, each with its expectation in a first
/// line <c># expect: FRAGMENT</c>. Those that are large, binary or not files at all are made here.
/// </remarks>
public class HostileStackFileTests
{
    private static readonly string CasesDirectory = Path.Combine(Repo.Root, "tests", "SrcNetInfra.Tests", "Hostile", "Cases");

    public static TheoryData<string> Cases =>
        [.. Directory.GetFiles(CasesDirectory, "*.yaml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_case_file_is_refused_with_its_expected_line(string name)
    {
        var path = Path.Combine(CasesDirectory, name);
        var expect = File.ReadLines(path).First();
        Assert.StartsWith("# expect: ", expect, StringComparison.Ordinal);

        var run = Validate(path);

        Assert.Contains(expect["# expect: ".Length..], run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2_MiB_file_is_refused_by_its_size()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.big.yaml", MinimalStack.Yaml + "# " + new string('x', 2 * 1024 * 1024) + "\n");
        var run = Validate(file);
        Assert.Contains("is larger than 1 MiB", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_value_is_refused_by_the_files_size_and_not_echoed()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.value.yaml", MinimalStack.Yaml + "  srcnet:namespace:\n    name: " + new string('n', 50_000_000) + "\n");
        var run = Validate(file);
        Assert.Contains("is larger than 1 MiB", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_longer_than_64_KiB_is_refused_with_its_place()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.long.yaml", MinimalStack.Yaml + "  srcnet:namespace:\n    name: " + new string('n', 100_000) + "\n");
        var run = Validate(file);
        Assert.Contains("holds a value of 100000 characters (line 12, column 11); a value may have at most 65536", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_more_values_than_a_stack_file_ever_has_is_refused()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.many.yaml", MinimalStack.Yaml + "  kubernetes:note: [" + string.Join(", ", Enumerable.Repeat("a", 20_000)) + "]\n");
        var run = Validate(file);
        Assert.Contains("holds more than 10000 values (line 11, column ", run.Error, StringComparison.Ordinal);
        Assert.Contains("); a stack file has a few hundred", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_a_thousand_levels_deep_is_refused_not_a_stack_overflow()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.deep.yaml", "config:\n  srcnet:workflow: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var run = Validate(file);
        Assert.Contains("nests maps and lists deeper than 64 levels (line 2, column 82)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_with_their_offset()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "Pulumi.binary.yaml");
        File.WriteAllBytes(file, [.. "config:\n  srcnet:quota: "u8, 0xFF, 0xFE, 0x00, 0x01]);
        var run = Validate(file);
        Assert.Contains("is not UTF-8 text: an invalid byte (0xFF) at byte 24", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_is_refused_before_it_is_read(string device)
    {
        if (!OperatingSystem.IsLinux()) return;
        var run = Validate(device);
        Assert.Contains("is not a regular file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var fifo = Path.Combine(dir.Path, "Pulumi.fifo.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var run = Validate(fifo);
        Assert.Contains("is not a regular file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_file_that_links_to_dev_zero_does_not_stop_validate_all()
    {
        // Git stores symbolic links: a pull request can add stacks/Pulumi.evil.yaml -> /dev/zero.
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        dir.Write("Pulumi.yaml", "name: srcnet-infra\nruntime: dotnet\n");
        dir.Write("Pulumi.good.yaml", MinimalStack.Yaml);
        Directory.CreateDirectory(Path.Combine(dir.Path, "stacks"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "stacks", "Pulumi.evil.yaml"), "/dev/zero");

        var run = CliRun.In(dir.Path, "validate", "--all");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Pulumi.good.yaml: valid", run.Out, StringComparison.Ordinal);
        Assert.Contains("stacks/Pulumi.evil.yaml: invalid, 1 error", run.Out, StringComparison.Ordinal);
        Assert.Contains("is not a regular file", run.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Validates one file and checks what every refusal shares: exit 2, nothing but problem lines on
    /// stderr, each naming the file, none with a control character, none long.
    /// </summary>
    internal static CliRun Validate(string path)
    {
        var run = CliRun.In(Path.GetDirectoryName(path)!, "validate", "--config-file", path);
        Assert.True(run.ExitCode == 2, run.ToString().Length > 2000 ? run.ToString()[..2000] : run.ToString());
        Assert.NotEmpty(run.ErrorLines);
        foreach (var line in run.ErrorLines)
        {
            Assert.StartsWith($"{Path.GetFileName(path)}: ", line, StringComparison.Ordinal);
            Assert.InRange(line.Length, 1, 600);
            Assert.DoesNotContain(line, c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format);
        }
        Assert.Matches(@": invalid, \d+ errors?", run.Out);
        return run;
    }
}
