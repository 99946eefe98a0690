using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>
/// The seed's example job (144 stations, 1.304-1.375 GHz in 17.75 MHz steps, 24 dumps, 2024 px,
/// --dirty --cleaned), worked out by hand from the measured formulas
/// (docs/sizes.md#sizes-of-what-a-run-writes), for every one of the 7 product selections.
/// </summary>
public class SeedExampleTests
{
    private static Estimate Example(Core.Model.ProductSelection products) =>
        Estimator.For(EstimateInput.Defaults with { Products = products });

    // Hand calculation, T = 24, B = 144 x 143 / 2 = 10,296, P = 4, C = floor(71e6 / 17.75e6) = 4:
    //   rows          = 24 x 10,296                         =    247,104
    //   measurements  = 4 x 24 x 10,296 x 4                  =  3,953,664
    //   MS minimum    = 3,953,664 x 8                        = 31,629,312
    // MS (T2 = 24, T16 = 32, channels 4 <= 8 so not rounded):
    //   DATA          = 8 x 4 x 4 x 10,296 x 24              = 31,629,312
    //   FLAG          = 4 x 4 x 10,296 x 32 / 8              =    658,944
    //   UVW           = 24 x 10,296 x 24                     =  5,930,496
    //   WEIGHT, SIGMA = 16 x 10,296 x 24 each                =  3,953,664 each
    //   ANTENNA1+2    = 512 + 32,768 x (ceil(247,104 / 4096) + 1) = 512 + 32,768 x 62 = 2,032,128
    //   rest          = 336 KiB (316 KB + 20 KB, the top)     =    344,064
    //   total                                                = 48,502,272  (1.533 x the minimum)
    private const long Rows = 247_104;
    private const long VisibilityMin = 31_629_312;
    private const long Visibility = 31_629_312 + 658_944 + 5_930_496 + 3_953_664 + 3_953_664 + 2_032_128 + 344_064;

    // Images, npixel = 2024: 2024^2 = 4,096,576 pixels.
    //   seed minimum  = 4,096,576 x 8                          = 32,772,608
    //   FITS data     = 4 x 4,096,576 = 16,386,304 -> 5,690 blocks of 2880 = 16,387,200
    //   FITS file     = 16,387,200 + 2 x 2880                   = 16,392,960
    private const long ImageMin = 32_772_608;
    private const long Image = 16_392_960;

    // Cleaning: MODEL_DATA = 247,104 x (32 x 4 + 24) = 37,559,808, + 0.1 % (37,560) = 37,597,368;
    //           reorder files = 247,104 x (38 + 20 x 4) = 247,104 x 118 = 29,158,272.
    private const long ModelData = 37_597_368;
    private const long Reorder = 29_158_272;

    // One .meta: about 1 KB of JSON in one 4 KiB filesystem block.
    private const long Meta = 4096;

    [Fact]
    public void Counts_follow_the_array_and_the_band()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(4, e.Channels);
        Assert.Equal(144, e.Stations);
        Assert.Equal(10_296, e.Baselines);
        Assert.Equal(4, e.Polarizations);
        Assert.Equal(24, e.TimeSteps);
        Assert.Equal(Rows, e.Rows);
        Assert.Equal(3_953_664, e.Measurements);
        Assert.Equal(VisibilityMin, e.VisibilityMinBytes);
    }

    [Fact]
    public void The_seed_example_is_dirty_plus_cleaned_on_AA_star()
    {
        var input = EstimateInput.Defaults;
        Assert.Equal(new Core.Model.ProductSelection(false, true, true), input.Products);
        Assert.Equal((144, 24, 2024), (input.Stations, input.TimeSteps, input.ImagingNpixel));
        Assert.Equal((1.304e9, 1.375e9, 17_750_000d), (input.StartFreqHz, input.EndFreqHz, input.FreqIncHz));
    }

    [Fact]
    public void MeasurementSet_matches_the_column_sizes()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(48_502_272, e.VisibilityBytes);
        Assert.Equal(Visibility, e.VisibilityBytes);
        Assert.Equal(
            new[]
            {
                ("DATA", 31_629_312L), ("FLAG", 658_944L), ("UVW", 5_930_496L), ("WEIGHT", 3_953_664L),
                ("SIGMA", 3_953_664L), ("ANTENNA1 + ANTENNA2", 2_032_128L), ("other columns and 14 sub-tables", 344_064L),
            },
            e.MeasurementSet.Select(p => (p.Name, p.Bytes)));
    }

    [Fact]
    public void Images_are_float32_FITS_with_two_header_blocks()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(ImageMin, e.ImageMinBytes);
        Assert.Equal(Image, e.ImageBytes);
        // About half the seed's float64 minimum, never less than half.
        Assert.InRange((double)e.ImageBytes / e.ImageMinBytes, 0.5, 0.51);
    }

    [Fact]
    public void Cleaning_adds_MODEL_DATA_and_reorder_files()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(ModelData, e.ModelDataBytes);
        Assert.Equal(Reorder, e.WscleanTempBytes);
    }

    // Scratch, ingest area left by the run, ingest area at its peak, FITS in scratch.
    [Theory]
    // --visibility: the MS goes straight into staging; nothing in /tmp.
    [InlineData(true, false, false, 0, Visibility + Meta, Visibility + Meta, 0)]
    // --dirty: the MS in /tmp, 2 FITS of the dirty run; dirty.fits copied to staging.
    [InlineData(false, true, false, Visibility + 2 * Image, Image + Meta, Image + Meta, 2)]
    // --cleaned: MS with MODEL_DATA and reorder files in /tmp, 2 + 6 FITS, and the dirty copy in the temp dir.
    [InlineData(false, false, true, Visibility + ModelData + Reorder + 9 * Image, Image + Meta, Image + Meta, 9)]
    // --dirty --cleaned (the example): the dirty copy is in staging instead.
    [InlineData(false, true, true, Visibility + ModelData + Reorder + 8 * Image, 2 * Image + 2 * Meta, 2 * Image + 2 * Meta, 8)]
    // --visibility --dirty: only the dirty run's FITS in /tmp.
    [InlineData(true, true, false, 2 * Image, Visibility + Image + 2 * Meta, Visibility + Image + 2 * Meta, 2)]
    // --visibility --cleaned: MODEL_DATA and the reorder files land beside the MS in staging.
    [InlineData(true, false, true, 9 * Image, Visibility + ModelData + Image + 2 * Meta, Visibility + ModelData + Reorder + Image + 2 * Meta, 9)]
    // all three.
    [InlineData(true, true, true, 8 * Image, Visibility + ModelData + 2 * Image + 3 * Meta, Visibility + ModelData + Reorder + 2 * Image + 3 * Meta, 8)]
    public void Sizes_of_every_product_selection(bool v, bool d, bool c, long scratch, long ingest, long ingestPeak, int fits)
    {
        var e = Example(new Core.Model.ProductSelection(v, d, c));
        Assert.Equal(scratch, e.ScratchBytes);
        Assert.Equal(ingest, e.IngestBytes);
        Assert.Equal(ingestPeak, e.IngestPeakBytes);
        Assert.Equal(fits, e.FitsInScratch);
    }

    [Fact]
    public void The_examples_totals_in_the_README()
    {
        // README, "How sizes are estimated", quotes these (rounded) figures.
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal("48.5 MB", StorageRequest.Human(e.VisibilityBytes));
        Assert.Equal("16.4 MB", StorageRequest.Human(e.ImageBytes));
        Assert.Equal("246 MB", StorageRequest.Human(e.ScratchBytes));
        Assert.Equal("32.8 MB", StorageRequest.Human(e.IngestBytes));
        Assert.Equal("10.3 GB", StorageRequest.Human(e.MemoryBytes));
        var vis = Example(Inputs.All);
        Assert.Equal("131 MB", StorageRequest.Human(vis.ScratchBytes));
        Assert.Equal("148 MB", StorageRequest.Human(vis.IngestPeakBytes));
    }

    [Fact]
    public void Seed_minimum_counts_the_images_a_selection_makes()
    {
        Assert.Equal(VisibilityMin, Example(Inputs.Visibility).SeedMinimumBytes);
        Assert.Equal(VisibilityMin + ImageMin, Example(Inputs.Dirty).SeedMinimumBytes);
        Assert.Equal(VisibilityMin + 2 * ImageMin, Example(Inputs.Cleaned).SeedMinimumBytes);
        Assert.Equal(VisibilityMin + 2 * ImageMin, Example(Inputs.DirtyCleaned).SeedMinimumBytes);
    }
}
