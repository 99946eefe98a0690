namespace SrcNetInfra.Core.Duration;

/// <summary>
/// <c>activeDeadlineSeconds: auto</c>: the projected run's high end, with a margin for a busy node,
/// and an allowance for what the deadline also counts and the log does not show (scheduling, the
/// image pull, the container's start), rounded up to a whole minute.
/// </summary>
public static class ActiveDeadline
{
    public const double Margin = 1.5;

    public static readonly TimeSpan Allowance = TimeSpan.FromMinutes(30);

    /// <summary>The deadline, or null when the projection lacks a stage the run has.</summary>
    public static long? For(DurationProjection projection)
    {
        if (projection.TotalHighSeconds is not { } high) return null;
        double seconds = high * Margin + Allowance.TotalSeconds;
        return checked((long)Math.Ceiling(seconds / 60) * 60);
    }
}
