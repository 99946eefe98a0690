namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// Integer helpers for sizes. Every operation is <c>checked</c>: an input too large for a
/// <see cref="long"/> throws <see cref="OverflowException"/> instead of wrapping to a small or
/// negative size that would then pass as a valid request.
/// </summary>
internal static class SizeMath
{
    /// <summary>ceil(numerator / denominator) for numerator &gt;= 0, denominator &gt; 0.</summary>
    public static long CeilDiv(long numerator, long denominator) =>
        checked(numerator / denominator + (numerator % denominator == 0 ? 0 : 1));

    /// <summary>The smallest multiple of <paramref name="multiple"/> that is &gt;= <paramref name="value"/>.</summary>
    public static long RoundUp(long value, long multiple) => checked(CeilDiv(value, multiple) * multiple);
}
