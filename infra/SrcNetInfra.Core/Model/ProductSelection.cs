namespace SrcNetInfra.Core.Model;

/// <summary>
/// Which data products a run ingests, as the workflow's command-line flags select them
/// (<c>--visibility</c>, <c>--dirty</c>, <c>--cleaned</c>). Products that are not selected may
/// still be made in scratch: the MeasurementSet always is, and <c>--cleaned</c> makes a dirty image first.
/// </summary>
public sealed record ProductSelection(bool Visibility, bool Dirty, bool Cleaned)
{
    /// <summary>The config and CLI names, in the order they are always written.</summary>
    public static readonly IReadOnlyList<string> Names = ["visibility", "dirty", "cleaned"];

    /// <summary>What a stack ingests when it names no products: the seed's example job's dirty and cleaned images.</summary>
    public static readonly ProductSelection Default = new(Visibility: false, Dirty: true, Cleaned: true);

    public bool IsEmpty => !Visibility && !Dirty && !Cleaned;

    /// <summary>The selected product names in canonical order (visibility, dirty, cleaned).</summary>
    public IReadOnlyList<string> SelectedNames =>
        [.. Names.Where((_, i) => i switch { 0 => Visibility, 1 => Dirty, _ => Cleaned })];

    /// <summary>The workflow's command-line flags, in canonical order.</summary>
    public IReadOnlyList<string> Flags => [.. SelectedNames.Select(n => "--" + n)];

    /// <summary>
    /// Reads product names as users write them: the canonical names plus the workflow's own
    /// aliases (<c>vis</c>, <c>clean</c>). Returns null and an error text for unknown names.
    /// </summary>
    public static ProductSelection? TryParse(IEnumerable<string> names, out string? error)
    {
        bool vis = false, dirty = false, cleaned = false;
        foreach (var raw in names)
        {
            switch (raw.Trim().ToLowerInvariant())
            {
                case "visibility" or "vis": vis = true; break;
                case "dirty": dirty = true; break;
                case "cleaned" or "clean": cleaned = true; break;
                default:
                    error = $"unknown product {Config.UserText.Quote(raw.Trim())}; allowed: visibility, dirty, cleaned";
                    return null;
            }
        }
        error = null;
        return new ProductSelection(vis, dirty, cleaned);
    }

    public override string ToString() => string.Join(",", SelectedNames);
}
