namespace SrcNetInfra.Core.Config;

public enum Severity { Error, Warning }

/// <summary>
/// One thing wrong with a stack's config, tied to the key a user has to change
/// (for example <c>srcnet:workflow.simulation.freqIncHz</c>) and saying what is allowed.
/// </summary>
public sealed record Problem(Severity Severity, string Key, string Message)
{
    public bool IsError => Severity == Severity.Error;

    /// <remarks>
    /// Values in messages are quoted and shortened where they are written (<see cref="UserText.Quote"/>);
    /// escaping the whole line again makes sure no control character of a user's reaches a terminal.
    /// </remarks>
    public override string ToString() =>
        $"{(IsError ? "error" : "warning")}: {UserText.Escape(Key)}: {UserText.Escape(Message)}";
}

/// <summary>Collects every problem instead of stopping at the first, so users fix a file in one pass.</summary>
public sealed class Problems
{
    private readonly List<Problem> _all = [];

    public IReadOnlyList<Problem> All => _all;
    public bool HasErrors => _all.Any(p => p.IsError);

    public void Error(string key, string message) => _all.Add(new Problem(Severity.Error, key, message));
    public void Warning(string key, string message) => _all.Add(new Problem(Severity.Warning, key, message));
    public void AddRange(IEnumerable<Problem> problems) => _all.AddRange(problems);
}
