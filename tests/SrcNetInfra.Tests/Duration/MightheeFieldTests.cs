using SrcNetInfra.Core.Duration;

namespace SrcNetInfra.Tests.Duration;

/// <summary>
/// The sources a run simulates, from the workflow's filter (i4Ds/Karabo-Pipeline,
/// karabo/workflows/SRCNet_SKA-MID_AAstar.py: <c>fov_rad = 1.25 * wavelength_m / 15</c>,
/// <c>filter_radius_deg = fov_deg * 3</c>) and the catalogue's coverage (karabo/simulation/sky_model.py,
/// <c>get_MIGHTEE_Sky</c>: 9896 sources, RA 149.40-150.84, Dec 1.49-2.93, 1304-1375 MHz).
/// </summary>
public class MightheeFieldTests
{
    [Fact]
    public void The_filter_radius_is_three_primary_beams_at_the_middle_of_the_band()
    {
        // The seed's band: f_mid = 1.3395 GHz, lambda = 0.223809 m, fov = 1.25 x lambda / 15 = 0.0186507 rad = 1.068610 deg.
        Assert.Equal(3 * 1.068610, MightheeField.FilterRadiusDeg(1.304e9, 1.375e9), 5);
    }

    [Fact]
    public void At_the_seeds_phase_centre_the_circle_holds_the_whole_catalogue()
    {
        Assert.Equal(9896, MightheeField.SourcesIn(150.12, 2.21, 1.304e9, 1.375e9), 6);
    }

    [Fact]
    public void Half_the_catalogues_band_holds_half_its_sources()
    {
        Assert.Equal(4948, MightheeField.SourcesIn(150.12, 2.21, 1.304e9, 1.3395e9), 6);
        Assert.Equal(0, MightheeField.SourcesIn(150.12, 2.21, 1.4e9, 1.5e9));
    }

    [Fact]
    public void Away_from_the_field_there_are_none_and_at_its_edge_some()
    {
        Assert.Equal(0, MightheeField.SourcesIn(180, 30, 1.304e9, 1.375e9));
        var edge = MightheeField.SourcesIn(150.12, 2.21 + 3.5, 1.304e9, 1.375e9);
        Assert.InRange(edge, 1, 9895);
    }
}
