namespace SrcNetInfra.Core.Duration;

/// <summary>
/// How many sources of the MIGHTEE L1 catalogue a run simulates. The workflow loads the catalogue
/// with the band as a frequency filter (<c>SkyModel.get_MIGHTEE_Sky(min_freq, max_freq)</c>, which
/// keeps sources whose NU_EFF lies in the band), then keeps those within 3 primary beams of the
/// phase centre: <c>filter_radius_deg = 3 x rad2deg(1.25 x c / f_mid / 15)</c>
/// (i4Ds/Karabo-Pipeline, karabo/workflows/SRCNet_SKA-MID_AAstar.py and karabo/simulation/sky_model.py).
/// </summary>
/// <remarks>
/// The catalogue's own description (sky_model.py, <c>get_MIGHTEE_Sky</c>): 9896 sources, covering
/// roughly RA 149.40–150.84 and Dec 1.49–2.93, frequencies 1304–1375 MHz. The count in a run is
/// assumed to be that number times the share of the coverage inside the filter circle times the
/// share of the catalogue's band inside the run's band: sources spread evenly over the field and
/// over the band. Only the ratio of two runs' counts is used.
/// </remarks>
public static class MightheeField
{
    public const int Sources = 9896;
    public const double RaMinDeg = 149.40, RaMaxDeg = 150.84, DecMinDeg = 1.49, DecMaxDeg = 2.93;
    public const double FreqMinHz = 1.304e9, FreqMaxHz = 1.375e9;

    /// <summary>The speed of light, m/s, as astropy's constants give it.</summary>
    public const double SpeedOfLight = 299_792_458.0;

    /// <summary>Points per side of the grid the coverage is sampled on.</summary>
    private const int Grid = 200;

    /// <summary>The workflow's filter radius, degrees, for a band.</summary>
    public static double FilterRadiusDeg(double startHz, double endHz)
    {
        double wavelength = SpeedOfLight / ((startHz + endHz) / 2);
        double fovRad = 1.25 * wavelength / 15;
        return 3 * fovRad * 180 / Math.PI;
    }

    /// <summary>The estimated number of catalogue sources a run with this phase centre and band simulates.</summary>
    public static double SourcesIn(double raDeg, double decDeg, double startHz, double endHz)
    {
        double bandShare = Math.Max(0, Math.Min(endHz, FreqMaxHz) - Math.Max(startHz, FreqMinHz)) / (FreqMaxHz - FreqMinHz);
        if (bandShare == 0) return 0;
        double radius = FilterRadiusDeg(startHz, endHz) * Math.PI / 180;
        // A grid point is inside the circle when its angle from the centre is at most the radius,
        // that is when the dot product of their unit vectors is at least cos(radius): three products
        // per point, so that a campaign of thousands of phase centres is projected in milliseconds.
        var (cx, cy, cz) = UnitVector(raDeg, decDeg);
        double least = Math.Cos(radius);
        int inside = 0;
        var grid = GridVectors.Value;
        for (int k = 0; k < grid.Length; k += 3)
        {
            if (grid[k] * cx + grid[k + 1] * cy + grid[k + 2] * cz >= least) inside++;
        }
        return Sources * bandShare * inside / (Grid * Grid);
    }

    /// <summary>The unit vectors (x, y, z, x, y, z, ...) of the centres of the coverage's grid cells.</summary>
    private static readonly Lazy<double[]> GridVectors = new(() =>
    {
        var vectors = new double[Grid * Grid * 3];
        int k = 0;
        for (int i = 0; i < Grid; i++)
        for (int j = 0; j < Grid; j++)
        {
            double ra = RaMinDeg + (i + 0.5) * (RaMaxDeg - RaMinDeg) / Grid;
            double dec = DecMinDeg + (j + 0.5) * (DecMaxDeg - DecMinDeg) / Grid;
            (vectors[k], vectors[k + 1], vectors[k + 2]) = UnitVector(ra, dec);
            k += 3;
        }
        return vectors;
    });

    private static (double X, double Y, double Z) UnitVector(double raDeg, double decDeg)
    {
        double d2r = Math.PI / 180;
        double ra = raDeg * d2r, dec = decDeg * d2r;
        return (Math.Cos(dec) * Math.Cos(ra), Math.Cos(dec) * Math.Sin(ra), Math.Sin(dec));
    }
}
