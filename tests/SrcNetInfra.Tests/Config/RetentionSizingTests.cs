namespace SrcNetInfra.Tests.Config;

/// <summary>
/// With the janitor, a CronJob's ingest area holds the runs of its retention window (from its
/// schedule) and the one in progress; without one, or for a Job stack, what runsToHold says.
/// </summary>
public class RetentionSizingTests
{
    private static (string, string?)[] Hourly(params (string, string?)[] more) =>
        [("srcnet:workflow.mode", "cronjob"), ("srcnet:workflow.schedule", "\"0 * * * *\""), .. more];

    [Theory]
    [InlineData("2d", "\"0 * * * *\"", 49)]     // 48 hourly runs in two days, and the one in progress
    [InlineData("7d", "\"0 * * * *\"", 169)]
    [InlineData("7d", "\"0 0 * * *\"", 8)]       // daily
    [InlineData("90m", "\"*/30 * * * *\"", 4)]
    public void A_cron_job_holds_its_retention_window(string processed, string schedule, int runs)
    {
        var result = Stacks.Check(("srcnet:workflow.mode", "cronjob"), ("srcnet:workflow.schedule", schedule), ("srcnet:retention.processed", processed));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(runs, result.Environment!.Sizing.RunsToHold);
        Assert.Equal(SrcNetInfra.Core.Validation.Sizing.IngestNeed(result.Environment.Sizing.Estimate, runs), result.Environment.Sizing.IngestBytesToHold);
    }

    [Fact]
    public void A_job_stack_holds_runsToHold()
    {
        var result = Stacks.Check(("srcnet:ingestor.persistence.runsToHold", "25"), ("srcnet:retention.processed", "2d"));
        Assert.Equal(25, result.Environment!.Sizing.RunsToHold);
    }

    [Fact]
    public void Without_the_janitor_a_cron_job_holds_runsToHold()
    {
        var result = Stacks.Check(Hourly(("srcnet:retention.enabled", "false"), ("srcnet:ingestor.persistence.runsToHold", "30")));
        Assert.Equal(30, result.Environment!.Sizing.RunsToHold);
    }

    [Fact]
    public void RunsToHold_given_with_a_retention_window_is_a_warning_naming_what_decides() =>
        Expect.Warning(Stacks.Check(Hourly(("srcnet:ingestor.persistence.runsToHold", "30"), ("srcnet:retention.processed", "2d"))),
            "srcnet:ingestor.persistence.runsToHold", "holds the runs of 2d (srcnet:retention.processed) at one per 1h 00m, and the one in progress (49 runs)");

    [Fact]
    public void An_explicit_size_below_the_window_is_an_error_that_says_why()
    {
        var error = Expect.Error(Stacks.Check(Hourly(("srcnet:ingestor.persistence.size", "1Gi"), ("srcnet:retention.processed", "400d"), ("srcnet:retention.ledger", "400d"))),
            "srcnet:ingestor.persistence.size", "cannot hold the products of 9601 run(s)");
        Assert.Contains("srcnet:retention.processed", error.Message, StringComparison.Ordinal);
    }
}
