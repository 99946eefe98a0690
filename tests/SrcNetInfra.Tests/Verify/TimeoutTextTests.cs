using SrcNetInfra.Cli;
using SrcNetInfra.Cli.Verify;

namespace SrcNetInfra.Tests.Verify;

/// <summary><c>--timeout</c> values (offline).</summary>
public class TimeoutTextTests
{
    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData(" 10s ", 10_000)]
    public void Durations_are_read(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), TimeoutText.Parse(text));

    [Fact]
    public void The_default_is_30s() => Assert.Equal(TimeSpan.FromSeconds(30), TimeoutText.Parse(null));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("10 s")]
    [InlineData("1d")]
    [InlineData("-1s")]
    [InlineData("0")]
    [InlineData("0ms")]
    [InlineData("25h")]
    [InlineData("1e3")]
    public void Anything_else_is_a_usage_error_naming_the_flag(string text)
    {
        var e = Assert.Throws<UsageException>(() => TimeoutText.Parse(text));
        Assert.StartsWith("--timeout: ", e.Message);
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(1_000, "1s")]
    [InlineData(30_000, "30s")]
    [InlineData(120_000, "2m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(1_500, "1.5s")]
    public void Durations_are_written_back_as_a_user_would(int milliseconds, string text) =>
        Assert.Equal(text, TimeoutText.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
