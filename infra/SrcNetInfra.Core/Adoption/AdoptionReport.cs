namespace SrcNetInfra.Core.Adoption;

/// <summary>What one thing found in the cluster means for the adoption.</summary>
public enum FindingKind
{
    /// <summary>Must be handled before the first <c>pulumi up</c>: otherwise it fails half-way or loses data.</summary>
    Blocker,
    /// <summary>What exists (or not) and what <c>pulumi up</c> will do with it.</summary>
    Found,
}

/// <summary>
/// One finding about one object. <paramref name="Command"/> is a command that handles it, with every
/// value quoted for the shell; <paramref name="Settings"/> are stack config values that handle it instead.
/// </summary>
public sealed record AdoptionFinding(
    FindingKind Kind,
    string Subject,
    string Message,
    string? Command = null,
    IReadOnlyList<StackSetting>? Settings = null)
{
    public IReadOnlyList<StackSetting> AllSettings => Settings ?? [];
}

/// <summary>A value to give a key of the stack file, and whether it already has it.</summary>
public sealed record StackSetting(string Key, string Value, bool AlreadySet)
{
    public override string ToString() => $"{Key}: {Value}";
}

/// <summary>One step of the adoption, in order: the settings it needs, then the commands to run.</summary>
public sealed record AdoptionStep(string Title, IReadOnlyList<StackSetting> Settings, IReadOnlyList<string> Commands);

/// <summary>
/// The whole answer: findings (blockers first), the steps in order, and the import file to write
/// (null when there is no release to import).
/// </summary>
public sealed record AdoptionReport(IReadOnlyList<AdoptionFinding> Findings, IReadOnlyList<AdoptionStep> Steps, PulumiImportFile? Import)
{
    public IEnumerable<AdoptionFinding> Blockers => Findings.Where(f => f.Kind == FindingKind.Blocker);

    public bool Ready => !Blockers.Any();
}
