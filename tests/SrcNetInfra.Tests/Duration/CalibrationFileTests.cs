using SrcNetInfra.Core.Duration;

namespace SrcNetInfra.Tests.Duration;

public class CalibrationFileTests
{
    [Fact]
    public void A_calibration_reads_back_as_it_was_written()
    {
        var written = Calibrations.Seed() with { Source = "pod \"x\" of Job y: a \\ path" };
        var read = CalibrationFile.Parse(CalibrationFile.Write(written), out var error);
        Assert.Null(error);
        Assert.NotNull(read);
        Assert.Equal(written with { Seconds = read.Seconds }, read);
        Assert.Equal(written.Seconds.OrderBy(k => k.Key), read.Seconds.OrderBy(k => k.Key));
    }

    [Fact]
    public void The_file_is_stable_text_a_reviewer_can_read()
    {
        var text = CalibrationFile.Write(Calibrations.Seed());
        Assert.Contains("name: \"seed-cpu\"\n", text, StringComparison.Ordinal);
        Assert.Contains("gpus: 0\n", text, StringComparison.Ordinal);
        Assert.Contains("  products: [\"dirty\", \"cleaned\"]\n", text, StringComparison.Ordinal);
        Assert.Contains("stages:  # seconds\n  startup: 30\n  simulation: 170\n", text, StringComparison.Ordinal);
        Assert.Equal(text, CalibrationFile.Write(Calibrations.Seed()));
    }

    [Theory]
    [InlineData("gpus: 0", "gpus: lots", "gpus: must be a whole number")]
    [InlineData("  numTimeStamps: 24", "  numTimeStamps: 0", "run.numTimeStamps: must be a whole number of at least 1")]
    [InlineData("  simulation: 170", "  simulation: -1", "stages.simulation: must be 0 or more seconds")]
    [InlineData("  simulation: 170", "  imaging: 170", "stages.imaging: is not a step")]
    [InlineData("name: \"seed-cpu\"", "name: \"../etc\"", "name: must be 1 to 63")]
    [InlineData("  products: [\"dirty\", \"cleaned\"]", "  products: [\"images\"]", "run.products:")]
    [InlineData("  freqIncHz: 17750000", "  freqIncHz: 1e12", "run.freqIncHz: the band")]
    [InlineData("finished: true", "finished: yes", "finished: must be true or false")]
    [InlineData("site: \"CHSRC_XRD_DEV\"\n", "", "site: is required")]
    public void A_broken_field_is_named(string field, string replacement, string message)
    {
        var text = CalibrationFile.Write(Calibrations.Seed());
        Assert.Contains(field, text, StringComparison.Ordinal);
        Assert.Null(CalibrationFile.Parse(text.Replace(field, replacement, StringComparison.Ordinal), out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_YAML_or_not_a_map_is_refused()
    {
        Assert.Null(CalibrationFile.Parse("name: [unclosed", out var error));
        Assert.Contains("not valid YAML", error, StringComparison.Ordinal);
        Assert.Null(CalibrationFile.Parse("- a\n- b\n", out error));
        Assert.Contains("must be a YAML map", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_library_finds_calibrations_by_name_and_checks_the_name_inside()
    {
        using var dir = new Support.TempDir();
        var library = new CalibrationLibrary(dir.Path);
        dir.Write("seed-cpu.yaml", CalibrationFile.Write(Calibrations.Seed()));
        dir.Write("other.yaml", CalibrationFile.Write(Calibrations.Seed()));
        Assert.NotNull(library.Load("seed-cpu", out _));
        Assert.Null(library.Load("other", out var error));
        Assert.Contains("calls itself seed-cpu", error, StringComparison.Ordinal);
        Assert.Null(library.Load("nothing", out error));
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.Null(library.Load("../x", out error));
        Assert.Contains("is not a calibration name", error, StringComparison.Ordinal);
        Assert.Equal(["other", "seed-cpu"], library.Names());
    }

    [Fact]
    public void A_bad_name_is_shown_escaped_and_shortened()
    {
        // A right-to-left override is not a control character but would reorder the terminal's line.
        var message = CalibrationFile.NotAName("evil\u202Ename" + new string('x', 5000));
        Assert.StartsWith("'evil\\u202Ename", message, StringComparison.Ordinal);
        Assert.Contains("(5009 characters)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 200, message);
    }
}
