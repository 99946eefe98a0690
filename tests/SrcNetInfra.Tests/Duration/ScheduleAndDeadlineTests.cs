using SrcNetInfra.Core.Duration;

namespace SrcNetInfra.Tests.Duration;

public class ScheduleAndDeadlineTests
{
    [Theory]
    [InlineData("0 * * * *", 60)]
    [InlineData("@hourly", 60)]
    [InlineData("*/15 * * * *", 15)]
    [InlineData("0 9 * * 1-5", 24 * 60)]
    [InlineData("@daily", 24 * 60)]
    [InlineData("0 0,6 * * *", 6 * 60)]
    [InlineData("0 0 1 * *", 28 * 24 * 60)]
    [InlineData("* * * * *", 1)]
    [InlineData("@every 1h30m", 90)]
    [InlineData("0  */2 * * *", 120)]
    public void The_shortest_gap_between_runs(string schedule, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), ScheduleInterval.Shortest(schedule));
    }

    [Fact]
    public void A_schedule_Cronos_cannot_read_has_no_interval() => Assert.Null(ScheduleInterval.Shortest("every hour"));

    [Fact]
    public void The_deadline_is_one_and_a_half_times_the_high_end_plus_half_an_hour_in_whole_minutes()
    {
        var p = DurationProjection.For(Calibrations.Seed(), Calibrations.Seed().Run.Shape());
        // 720 s x 1.5 + 1800 s = 2880 s = 48 min.
        Assert.Equal(2880, ActiveDeadline.For(p));
        var longer = DurationProjection.For(Calibrations.Seed(), Calibrations.Shape(timeSteps: 2400));
        var expected = (long)Math.Ceiling((longer.TotalHighSeconds!.Value * 1.5 + 1800) / 60) * 60;
        Assert.Equal(expected, ActiveDeadline.For(longer));
        Assert.Equal(0, ActiveDeadline.For(longer)!.Value % 60);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.2, "1m 00s")]
    [InlineData(754, "12m 34s")]
    [InlineData(3 * 3600 + 5 * 60, "3h 05m")]
    [InlineData(2 * 86400 + 4 * 3600, "2d 04h")]
    public void Durations_for_people(double seconds, string text) => Assert.Equal(text, DurationText.Format(seconds));
}
