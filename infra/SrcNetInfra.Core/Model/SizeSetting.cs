namespace SrcNetInfra.Core.Model;

/// <summary>
/// How big a volume is requested: <c>auto</c> asks the estimator (realistic bytes x headroom),
/// an explicit quantity overrides it; an override below the estimate is a warning, not an error,
/// because a site may know better (for example a storage class that compresses).
/// </summary>
public sealed record SizeSetting(Quantity? ExplicitSize)
{
    public static readonly SizeSetting Auto = new((Quantity?)null);

    public static SizeSetting Explicit(Quantity size) => new(size);

    public bool IsAuto => ExplicitSize is null;

    public override string ToString() => ExplicitSize?.Text ?? "auto";
}
