using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>Builds estimator inputs with an exact channel count (integers in Hz are exact in double and decimal).</summary>
internal static class Inputs
{
    public static readonly ProductSelection None = new(false, false, false);
    public static readonly ProductSelection Visibility = new(true, false, false);
    public static readonly ProductSelection Dirty = new(false, true, false);
    public static readonly ProductSelection Cleaned = new(false, false, true);
    public static readonly ProductSelection DirtyCleaned = new(false, true, true);
    public static readonly ProductSelection All = new(true, true, true);

    /// <summary>All 8 selections, including the empty one the config refuses (the estimator still handles it).</summary>
    public static IEnumerable<ProductSelection> AllSelections() =>
        from v in new[] { false, true }
        from d in new[] { false, true }
        from c in new[] { false, true }
        select new ProductSelection(v, d, c);

    public static EstimateInput With(int stations, long channels, int timeSteps, int npixel, ProductSelection products) => new()
    {
        Stations = stations,
        StartFreqHz = 1.0e9,
        FreqIncHz = 100_000,
        EndFreqHz = 1.0e9 + channels * 100_000.0,
        TimeSteps = timeSteps,
        ImagingNpixel = npixel,
        Products = products,
    };
}
