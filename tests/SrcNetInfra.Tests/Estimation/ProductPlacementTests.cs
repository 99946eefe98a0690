using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>Which parts land in scratch and which in the ingest area, per product selection (docs/workflow.md#where-each-file-lands).</summary>
public class ProductPlacementTests
{
    private static Estimate For(ProductSelection products) => Estimator.For(EstimateInput.Defaults with { Products = products });

    private static string[] Names(IEnumerable<EstimatePart> parts) => [.. parts.Select(p => p.Name)];

    [Fact]
    public void The_MS_is_always_made_in_scratch_but_ingested_only_with_visibility()
    {
        foreach (var products in Inputs.AllSelections())
        {
            var e = For(products);
            Assert.Equal("MeasurementSet", e.Scratch[0].Name);
            Assert.Equal(e.VisibilityBytes, e.Scratch[0].Bytes);
            Assert.Equal(products.Visibility, e.Ingest.Any(p => p.Name == "MeasurementSet"));
        }
    }

    [Fact]
    public void Visibility_only()
    {
        var e = For(Inputs.Visibility);
        Assert.Equal(["MeasurementSet"], Names(e.Scratch));
        Assert.Equal(["MeasurementSet", ".meta files"], Names(e.Ingest));
        Assert.Equal(1024, e.MetaBytes);
    }

    [Fact]
    public void Dirty_only_leaves_two_FITS_in_scratch()
    {
        var e = For(Inputs.Dirty);
        Assert.Equal(["MeasurementSet", "FITS images (2 x 16.4 MB)"], Names(e.Scratch));
        Assert.Equal(["dirty.fits", ".meta files"], Names(e.Ingest));
        Assert.Equal(2 * e.ImageBytes, e.Scratch[1].Bytes);
    }

    [Fact]
    public void Cleaned_only_also_makes_the_dirty_image_but_ingests_only_the_cleaned_one()
    {
        var e = For(Inputs.Cleaned);
        Assert.Equal(["MeasurementSet", "MODEL_DATA column", "WSClean reorder files", "FITS images (8 x 16.4 MB)"], Names(e.Scratch));
        Assert.Equal(["cleaned.fits", ".meta files"], Names(e.Ingest));
        Assert.Equal(8 * e.ImageBytes, e.Scratch[3].Bytes);
    }

    [Fact]
    public void Dirty_and_cleaned_is_the_seed_example()
    {
        var e = For(Inputs.DirtyCleaned);
        Assert.Equal(["MeasurementSet", "MODEL_DATA column", "WSClean reorder files", "FITS images (8 x 16.4 MB)"], Names(e.Scratch));
        Assert.Equal(["dirty.fits", "cleaned.fits", ".meta files"], Names(e.Ingest));
        Assert.Equal(2 * 1024, e.MetaBytes);
    }

    [Fact]
    public void Visibility_with_cleaned_ingests_the_MS_with_its_MODEL_DATA()
    {
        var e = For(new ProductSelection(true, false, true));
        Assert.Equal(["MeasurementSet", "MODEL_DATA column", "cleaned.fits", ".meta files"], Names(e.Ingest));
        Assert.Equal(e.ModelDataBytes, e.Ingest[1].Bytes);
        Assert.Equal(2 * 1024, e.MetaBytes);
    }

    [Fact]
    public void All_three_products()
    {
        var e = For(Inputs.All);
        Assert.Equal(["MeasurementSet", "MODEL_DATA column", "dirty.fits", "cleaned.fits", ".meta files"], Names(e.Ingest));
        Assert.Equal(3 * 1024, e.MetaBytes);
    }

    [Fact]
    public void No_products_make_only_the_MS_and_ingest_nothing()
    {
        var e = For(Inputs.None);
        Assert.Equal(["MeasurementSet"], Names(e.Scratch));
        Assert.Empty(e.Ingest);
        Assert.Equal(0, e.IngestBytes);
        Assert.Equal(0, e.FitsInScratch);
    }

    [Theory]
    [InlineData(false, false, false, 0)]
    [InlineData(true, false, false, 0)]
    [InlineData(false, true, false, 2)]
    [InlineData(true, true, false, 2)]
    [InlineData(false, false, true, 8)]
    [InlineData(false, true, true, 8)]
    [InlineData(true, true, true, 8)]
    public void FITS_left_in_scratch(bool visibility, bool dirty, bool cleaned, int expected)
    {
        Assert.Equal(expected, Estimator.FitsLeftInScratch(new ProductSelection(visibility, dirty, cleaned)));
    }
}
