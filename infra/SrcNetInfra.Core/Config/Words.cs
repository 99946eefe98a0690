namespace SrcNetInfra.Core.Config;

/// <summary>
/// The words a config key takes for an enum, in the order they are documented. Reading a stack file
/// and writing a word back (summaries, errors, JSON) use this one table, so a value is always
/// written the way a user writes it (<c>sharedClaim</c>, never <c>sharedclaim</c> or an index).
/// </summary>
public sealed class Words<T> where T : struct, Enum
{
    private readonly (T Value, string Word)[] _pairs;

    public Words(params (T Value, string Word)[] pairs)
    {
        // Every enum value has exactly one word: a value without one could be read but never written.
        var missing = Enum.GetValues<T>().Where(v => pairs.Count(p => p.Value.Equals(v)) != 1).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"{typeof(T).Name}: each value needs exactly one word; check {string.Join(", ", missing)}");
        _pairs = pairs;
    }

    /// <summary>Every word, in the documented order.</summary>
    public IReadOnlyList<string> All => [.. _pairs.Select(p => p.Word)];

    /// <summary>The word of a value.</summary>
    public string Of(T value) => _pairs.First(p => p.Value.Equals(value)).Word;

    /// <summary>The value a word stands for; words are case-sensitive, as Kubernetes' own enums are.</summary>
    public bool TryRead(string word, out T value)
    {
        foreach (var (v, w) in _pairs)
        {
            if (w == word)
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
