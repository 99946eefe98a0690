namespace SrcNetInfra.Core.Model;

/// <summary>
/// How long what a run leaves on the ingest claim is kept, and the janitor that removes it
/// (<c>srcnet:retention</c>; docs/handover.md). Durations are the janitor's: <c>90m</c>, <c>12h</c>, <c>30d</c>.
/// </summary>
public sealed record RetentionSpec
{
    /// <summary>False: no janitor; processed/ then grows until the claim is full (the claim must hold every run).</summary>
    public required bool Enabled { get; init; }

    /// <summary>How long an ingested product stays in processed/ (its copy is in the datalake).</summary>
    public required string Processed { get; init; }

    /// <summary>How long a failed or killed run's directory is kept for inspection.</summary>
    public required string FailedRuns { get; init; }

    /// <summary>A run without a heartbeat for this long was killed outright; its directory goes.</summary>
    public required string StaleRunAfter { get; init; }

    /// <summary>How long a finished run is remembered, so that it is never run again.</summary>
    public required string Ledger { get; init; }

    public required string Schedule { get; init; }
    public required ContainerImage Image { get; init; }

    /// <summary>A duration as a TimeSpan (the janitor's m, h, d).</summary>
    public static TimeSpan Span(string duration)
    {
        var n = int.Parse(duration[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return duration[^1] switch { 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), _ => TimeSpan.FromDays(n) };
    }
}
