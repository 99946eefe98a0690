using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>An environment whose config passed every check, with its volumes sized.</summary>
public sealed record CheckedEnvironment(EnvironmentSpec Spec, Sizing Sizing);

/// <summary>The outcome of checking a stack: the environment when there are no errors, and every problem found.</summary>
public sealed record CheckResult(CheckedEnvironment? Environment, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Environment is not null;
    public IEnumerable<Problem> Errors => Problems.Where(p => p.IsError);
    public IEnumerable<Problem> Warnings => Problems.Where(p => !p.IsError);
}
