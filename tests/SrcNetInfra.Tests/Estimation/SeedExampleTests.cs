using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>
/// The seed's example job (144 stations, 1.304-1.375 GHz in 17.75 MHz steps, 24 dumps, 2024 px,
/// --dirty --cleaned), worked out by hand from the formulas in docs/sizes.md#sizes-of-what-a-run-writes.
/// </summary>
public class SeedExampleTests
{
    private static Estimate Example(Core.Model.ProductSelection products) =>
        Estimator.For(EstimateInput.Defaults with { Products = products });

    // Hand calculation, T = 24, B = 144 x 143 / 2 = 10,296, P = 4, C = floor(71e6 / 17.75e6) = 4:
    //   rows          = 24 x 10,296                         =    247,104
    //   measurements  = 4 x 24 x 10,296 x 4                  =  3,953,664
    //   MS minimum    = 3,953,664 x 8                        = 31,629,312
    // Realistic MS (T2 = 24, T16 = 32, channels 4 <= 8 so not rounded):
    //   DATA          = 24 x 10,296 x 8 x 4 x 4              = 31,629,312
    //   FLAG          = 32 x 10,296 x 4 x 4 / 8              =    658,944
    //   UVW           = 24 x 10,296 x 24                     =  5,930,496
    //   WEIGHT, SIGMA = 24 x 10,296 x 16 each                =  3,953,664 each
    //   ANTENNA1+2    = ceil(247,104 x 8.2) = ceil(2,026,252.8) = 2,026,253
    //   other         =                                         300,000
    //   total                                                = 48,452,333  (1.532 x the minimum)
    private const long Rows = 247_104;
    private const long VisibilityMin = 31_629_312;
    private const long Visibility = 31_629_312 + 658_944 + 5_930_496 + 3_953_664 + 3_953_664 + 2_026_253 + 300_000;

    // Images, npixel = 2024: 2024^2 = 4,096,576 pixels.
    //   seed minimum  = 4,096,576 x 8                          = 32,772,608
    //   FITS data     = 4 x 4,096,576 = 16,386,304 -> 5,690 blocks of 2880 = 16,387,200
    //   FITS file     = 16,387,200 + 3 x 2880                   = 16,395,840
    private const long ImageMin = 32_772_608;
    private const long Image = 2880 * 5690 + 3 * 2880;

    // Cleaning: MODEL_DATA = ceil(31,629,312 x 1.19) = ceil(37,638,881.28) = 37,638,882;
    //           WSClean temp = 247,104 x (38 + 20 x 4) = 247,104 x 118 = 29,158,272.
    private const long ModelData = 37_638_882;
    private const long WscleanTemp = 29_158_272;

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
    public void Realistic_MeasurementSet_matches_the_column_sizes()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(Visibility, e.VisibilityBytes);
        Assert.Equal(
            new[]
            {
                ("DATA", 31_629_312L), ("FLAG", 658_944L), ("UVW", 5_930_496L), ("WEIGHT", 3_953_664L),
                ("SIGMA", 3_953_664L), ("ANTENNA1 + ANTENNA2", 2_026_253L), ("other columns and 14 sub-tables", 300_000L),
            },
            e.MeasurementSet.Select(p => (p.Name, p.Bytes)));
    }

    [Fact]
    public void Realistic_MeasurementSet_agrees_with_the_measured_ratio_of_about_1_52()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        double ratio = (double)e.VisibilityBytes / e.VisibilityMinBytes;
        Assert.InRange(ratio, 1.50, 1.55);
    }

    [Fact]
    public void Images_are_float32_FITS_with_three_header_blocks()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(2024L * 2024 * 8, e.ImageMinBytes);
        Assert.Equal(ImageMin, e.ImageMinBytes);
        Assert.Equal(2880 * (long)Math.Ceiling(4.0 * 2024 * 2024 / 2880) + 3 * 2880, e.ImageBytes);
        Assert.Equal(Image, e.ImageBytes);
        // About half the seed's float64 minimum, never less than half.
        Assert.InRange((double)e.ImageBytes / e.ImageMinBytes, 0.5, 0.51);
    }

    [Fact]
    public void Cleaning_adds_MODEL_DATA_and_reorder_files()
    {
        var e = Estimator.For(EstimateInput.Defaults);
        Assert.Equal(ModelData, e.ModelDataBytes);
        Assert.Equal(WscleanTemp, e.WscleanTempBytes);
    }

    [Fact]
    public void Dirty_and_cleaned_sizes()
    {
        var e = Example(Inputs.DirtyCleaned);
        Assert.Equal(8, e.FitsInScratch);
        Assert.Equal(Visibility + ModelData + WscleanTemp + 8 * Image, e.ScratchBytes);
        Assert.Equal(246_416_207, e.ScratchBytes);
        Assert.Equal(2 * Image + 2 * 1024, e.IngestBytes);
        Assert.Equal(2 * 1024, e.MetaBytes);
        Assert.Equal(VisibilityMin + 2 * ImageMin, e.SeedMinimumBytes);
    }

    [Fact]
    public void Visibility_only_sizes()
    {
        var e = Example(Inputs.Visibility);
        Assert.Equal(0, e.FitsInScratch);
        Assert.Equal(Visibility, e.ScratchBytes);
        Assert.Equal(Visibility + 1024, e.IngestBytes);
        Assert.Equal(VisibilityMin, e.SeedMinimumBytes);
    }

    [Fact]
    public void Dirty_only_sizes()
    {
        var e = Example(Inputs.Dirty);
        Assert.Equal(2, e.FitsInScratch);
        Assert.Equal(Visibility + 2 * Image, e.ScratchBytes);
        Assert.Equal(Image + 1024, e.IngestBytes);
        Assert.Equal(VisibilityMin + ImageMin, e.SeedMinimumBytes);
    }

    [Fact]
    public void Cleaned_only_sizes_make_the_dirty_image_in_scratch_but_ingest_one_file()
    {
        var e = Example(Inputs.Cleaned);
        Assert.Equal(8, e.FitsInScratch);
        Assert.Equal(Visibility + ModelData + WscleanTemp + 8 * Image, e.ScratchBytes);
        Assert.Equal(Image + 1024, e.IngestBytes);
        Assert.Equal(VisibilityMin + 2 * ImageMin, e.SeedMinimumBytes);
    }

    [Fact]
    public void All_products_ingest_the_cleaned_MS_and_both_images()
    {
        var e = Example(Inputs.All);
        Assert.Equal(Visibility + ModelData + WscleanTemp + 8 * Image, e.ScratchBytes);
        Assert.Equal(Visibility + ModelData + 2 * Image + 3 * 1024, e.IngestBytes);
    }
}
