namespace SrcNetInfra.Cli.Verify;

/// <summary>
/// One request to the API server, described the way RBAC names it (verb, resource, namespace), so an
/// error can say exactly what was refused or unanswered.
/// </summary>
public sealed record ApiCall(string Verb, string Resource, string? Namespace, string? Name = null)
{
    public override string ToString()
    {
        var what = Name is null ? $"{Verb} {Resource}" : $"{Verb} {Resource} {Name}";
        return Namespace is null ? what : $"{what} in namespace {Namespace}";
    }
}
