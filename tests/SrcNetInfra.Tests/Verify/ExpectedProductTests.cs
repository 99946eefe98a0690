using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>The files a run's selected products end up as (offline).</summary>
public class ExpectedProductTests
{
    private const string Prefix = "1a2b3c4d-SKAMID-Karabo";

    [Fact]
    public void Images_are_prefix_dirty_and_prefix_cleaned_fits()
    {
        var expected = ExpectedProduct.For(Prefix, ["dirty", "cleaned"], "meta");

        Assert.Equal(["dirty", "cleaned"], expected.Select(e => e.Product));
        Assert.Equal([Prefix + "dirty.fits", Prefix + "cleaned.fits"], expected.Select(e => e.File));
    }

    [Fact]
    public void The_visibilities_are_prefix_measurements_ms()
    {
        // i4Ds/Karabo-Pipeline, karabo/workflows/SRCNet_SKA-MID_AAstar.py, generate_visibilities:
        // visibility_path=os.path.join(outdir, f"{FILE_PREFIX}measurements.ms"), no separator.
        var vis = Assert.Single(ExpectedProduct.For(Prefix, ["visibility"], "meta"));

        Assert.Equal(Prefix + "measurements.ms", vis.File);
        Assert.True(vis.IsProduct(Prefix + "measurements.ms"));
        Assert.False(vis.IsProduct(Prefix + "-measurements.ms"));
        Assert.False(vis.IsProduct(Prefix + "vis.ms"));
        Assert.False(vis.IsProduct("other" + Prefix + "measurements.ms"));
        Assert.True(vis.IsMetadata(Prefix + "measurements.ms.meta"));
    }

    [Fact]
    public void A_separator_after_the_prefix_is_not_the_product()
    {
        var dirty = Assert.Single(ExpectedProduct.For(Prefix, ["dirty"], "meta"));
        Assert.False(dirty.IsProduct(Prefix + "-dirty.fits"));
        Assert.False(dirty.IsProduct(Prefix + "_dirty.fits"));
    }

    [Fact]
    public void Metadata_is_the_file_name_plus_the_configured_suffix()
    {
        var dirty = Assert.Single(ExpectedProduct.For(Prefix, ["dirty"], "json"));

        Assert.True(dirty.IsMetadata(Prefix + "dirty.fits.json"));
        Assert.False(dirty.IsMetadata(Prefix + "dirty.fits.meta"));
        Assert.False(dirty.IsMetadata(Prefix + "dirty.fits"));
        Assert.False(dirty.IsProduct(Prefix + "dirty.fits.json"));
    }

    [Fact]
    public void Another_run_with_a_longer_prefix_is_not_this_runs_product()
    {
        var dirty = Assert.Single(ExpectedProduct.For("run-1", ["dirty"], "meta"));

        Assert.False(dirty.IsProduct("run-10dirty.fits"));
    }
}
