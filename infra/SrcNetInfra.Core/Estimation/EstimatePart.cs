namespace SrcNetInfra.Core.Estimation;

/// <summary>One line of a size breakdown: a short human name, its size in bytes and why it is there.</summary>
public sealed record EstimatePart(string Name, long Bytes, string Note);
