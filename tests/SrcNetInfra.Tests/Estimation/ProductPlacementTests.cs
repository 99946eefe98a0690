using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>
/// Where each file lives during each step, per product selection (docs/workflow.md#where-each-file-lands),
/// as Karabo's workflow does it (i4Ds/Karabo-Pipeline, karabo/workflows/SRCNet_SKA-MID_AAstar.py, <c>main</c>:
/// <c>vis_out_dir = ingestion_dir if vis else tmpdir</c>, <c>dirty_out_dir = ingestion_dir if dirty else tmpdir</c>,
/// the cleaned image into <c>ingestion_dir</c>; karabo/imaging/imager_wsclean.py: each WSClean run in its own
/// <c>FileHandler().get_tmp_dir</c> folder, the cleaner copying the dirty image into it first).
/// </summary>
public class ProductPlacementTests
{
    // Distinct sizes, so a part in the wrong place cannot add up to the right total.
    private static readonly ProductSizes Sizes = new(MeasurementSet: 1_000_000, ModelData: 200_000, Reorder: 30_000, Image: 4_000, Meta: 5);

    private const StorageArea S = StorageArea.Scratch;
    private const StorageArea I = StorageArea.IngestArea;

    private static (StorageArea, string, bool)[] Placed(bool v, bool d, bool c) =>
        [.. Placement.For(new ProductSelection(v, d, c), Sizes).Select(f => (f.Area, f.Part.Name, f.Part.Transient))];

    [Fact]
    public void Visibility_only_writes_the_MS_into_the_ingest_area_and_nothing_into_scratch()
    {
        Assert.Equal([(I, "MeasurementSet", false), (I, ".meta files", false)], Placed(true, false, false));
    }

    [Fact]
    public void Dirty_only_keeps_the_MS_in_the_temporary_directory()
    {
        Assert.Equal(
            [(S, "MeasurementSet", true), (S, "dirty image folder (2 FITS)", false), (I, "dirty.fits", false), (I, ".meta files", false)],
            Placed(false, true, false));
    }

    [Fact]
    public void Cleaned_only_puts_the_dirty_copy_in_the_temporary_directory()
    {
        Assert.Equal(
            [
                (S, "MeasurementSet", true), (S, "dirty image folder (2 FITS)", false), (S, "dirty.fits copy (1 FITS)", true),
                (S, "MODEL_DATA column", true), (S, "WSClean reorder files", true), (S, "cleaned image folder (6 FITS)", false),
                (I, "cleaned.fits", false), (I, ".meta files", false),
            ],
            Placed(false, false, true));
    }

    [Fact]
    public void Dirty_and_cleaned_copies_both_images_to_the_ingest_area()
    {
        Assert.Equal(
            [
                (S, "MeasurementSet", true), (S, "dirty image folder (2 FITS)", false), (I, "dirty.fits", false),
                (S, "MODEL_DATA column", true), (S, "WSClean reorder files", true), (S, "cleaned image folder (6 FITS)", false),
                (I, "cleaned.fits", false), (I, ".meta files", false),
            ],
            Placed(false, true, true));
    }

    [Fact]
    public void Visibility_and_dirty_leave_only_the_dirty_runs_FITS_in_scratch()
    {
        Assert.Equal(
            [(I, "MeasurementSet", false), (S, "dirty image folder (2 FITS)", false), (I, "dirty.fits", false), (I, ".meta files", false)],
            Placed(true, true, false));
    }

    [Fact]
    public void Visibility_and_cleaned_put_MODEL_DATA_and_the_reorder_files_beside_the_MS_in_the_ingest_area()
    {
        Assert.Equal(
            [
                (I, "MeasurementSet", false), (S, "dirty image folder (2 FITS)", false), (S, "dirty.fits copy (1 FITS)", true),
                (I, "MODEL_DATA column", false), (I, "WSClean reorder files", true), (S, "cleaned image folder (6 FITS)", false),
                (I, "cleaned.fits", false), (I, ".meta files", false),
            ],
            Placed(true, false, true));
    }

    [Fact]
    public void All_three_products()
    {
        Assert.Equal(
            [
                (I, "MeasurementSet", false), (S, "dirty image folder (2 FITS)", false), (I, "dirty.fits", false),
                (I, "MODEL_DATA column", false), (I, "WSClean reorder files", true), (S, "cleaned image folder (6 FITS)", false),
                (I, "cleaned.fits", false), (I, ".meta files", false),
            ],
            Placed(true, true, true));
    }

    [Theory]
    [InlineData(true, false, false, 1)]
    [InlineData(false, true, false, 1)]
    [InlineData(false, false, true, 1)]
    [InlineData(true, true, true, 3)]
    public void One_meta_per_product(bool v, bool d, bool c, int metas)
    {
        var meta = Placement.For(new ProductSelection(v, d, c), Sizes).Single(f => f.Part.Name == ".meta files");
        Assert.Equal(metas * Sizes.Meta, meta.Part.Bytes);
    }

    [Fact]
    public void A_visibility_run_requests_no_scratch_for_the_MS_and_the_ingest_area_sees_the_cleaning_peak()
    {
        // Through the estimator, on a run with a large MS: the issue this placement fixes.
        var input = Inputs.With(144, 1024, 100, 512, new ProductSelection(true, false, true));
        var e = Estimator.For(input);
        Assert.True(e.ScratchBytes < e.VisibilityBytes / 10, $"scratch {e.ScratchBytes} holds an MS of {e.VisibilityBytes}");
        Assert.Equal(e.IngestBytes + e.WscleanTempBytes, e.IngestPeakBytes);
        Assert.Equal(e.VisibilityBytes + e.ModelDataBytes + e.ImageBytes + 2 * Estimator.MetaBytesPerProduct, e.IngestBytes);
    }

    [Fact]
    public void No_products_make_only_the_MS_and_ingest_nothing()
    {
        var e = Estimator.For(EstimateInput.Defaults with { Products = Inputs.None });
        Assert.Equal(["MeasurementSet"], e.Scratch.Select(p => p.Name));
        Assert.Empty(e.Ingest);
        Assert.Equal(0, e.IngestBytes);
        Assert.Equal(0, e.FitsInScratch);
    }

    [Theory]
    [InlineData(false, false, false, 0)]
    [InlineData(true, false, false, 0)]
    [InlineData(false, true, false, 2)]
    [InlineData(true, true, false, 2)]
    [InlineData(false, false, true, 9)]
    [InlineData(true, false, true, 9)]
    [InlineData(false, true, true, 8)]
    [InlineData(true, true, true, 8)]
    public void FITS_in_scratch(bool visibility, bool dirty, bool cleaned, int expected)
    {
        Assert.Equal(expected, Placement.FitsInScratch(new ProductSelection(visibility, dirty, cleaned)));
    }

    [Fact]
    public void A_dirty_and_cleaned_run_has_ten_image_sized_files_on_disk()
    {
        // docs/sizes.md#how-many-image-files-a-run-leaves: 2 + 6 in WSClean's folders, plus the two copies in the ingest area.
        var files = Placement.For(Inputs.DirtyCleaned, Sizes).Where(f => f.Part.Name.Contains("FITS") || f.Part.Name.EndsWith(".fits", StringComparison.Ordinal));
        Assert.Equal(10 * Sizes.Image, files.Sum(f => f.Part.Bytes));
    }
}
