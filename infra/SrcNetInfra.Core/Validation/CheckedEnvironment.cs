using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>An environment whose config passed every check, with its volumes sized.</summary>
public sealed record CheckedEnvironment(EnvironmentSpec Spec, Sizing Sizing)
{
    /// <summary>The run's duration projected from the stack's calibration; null without one.</summary>
    public Duration.DurationProjection? Duration { get; init; }

    /// <summary>A campaign's duration, point by point and as a whole, from the stack's calibration; null without one.</summary>
    public Duration.CampaignDuration? CampaignDuration { get; init; }
}

/// <summary>The outcome of checking a stack: the environment when there are no errors, and every problem found.</summary>
public sealed record CheckResult(CheckedEnvironment? Environment, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Environment is not null;
    public IEnumerable<Problem> Errors => Problems.Where(p => p.IsError);
    public IEnumerable<Problem> Warnings => Problems.Where(p => !p.IsError);

    /// <summary>"valid", "valid, 1 warning", "invalid, 3 errors, 2 warnings": one line for people.</summary>
    public string Verdict
    {
        get
        {
            var errors = Errors.Count();
            var warnings = Warnings.Count();
            var verdict = errors > 0 ? $"invalid, {Count(errors, "error")}" : "valid";
            return warnings > 0 ? $"{verdict}, {Count(warnings, "warning")}" : verdict;
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
