using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>When a CronJob's next run starts (offline).</summary>
public class NextRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 34, 56, TimeSpan.Zero);

    [Fact]
    public void Hourly_is_the_next_full_hour() =>
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 13, 0, 0, TimeSpan.Zero), NextRun.After("0 * * * *", null, Now));

    [Fact]
    public void A_macro_works_too() =>
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero), NextRun.After("@daily", null, Now));

    [Fact]
    public void A_time_zone_moves_it() =>
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 4, 0, 0, TimeSpan.Zero), NextRun.After("0 6 * * *", "Europe/Zurich", Now));

    [Fact]
    public void What_cannot_be_worked_out_is_null()
    {
        Assert.Null(NextRun.After("every hour", null, Now));
        Assert.Null(NextRun.After("0 * * * *", "Mars/Olympus_Mons", Now));
    }
}
