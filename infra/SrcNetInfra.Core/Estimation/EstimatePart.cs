namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// One line of a breakdown: a short human name, its size in bytes and why it is there.
/// <paramref name="Transient"/> marks what the run deletes again before it ends (it counts
/// towards a peak, not towards what the run leaves behind).
/// </summary>
public sealed record EstimatePart(string Name, long Bytes, string Note, bool Transient = false);
