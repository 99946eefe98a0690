using CsCheck;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>
/// Properties over random runs. Ranges stay far from overflow: at most 300 stations (44,850 baselines),
/// 300 channels, 200 dumps and 8192 pixels keep every size below 1e12.
/// </summary>
public class EstimatorPropertyTests
{
    private static readonly Gen<ProductSelection> GenProducts =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, (v, d, c) => new ProductSelection(v, d, c));

    private static readonly Gen<EstimateInput> GenInput =
        Gen.Select(Gen.Int[2, 300], Gen.Int[1, 300], Gen.Int[1, 200], Gen.Int[1, 8192], GenProducts,
            (stations, channels, timeSteps, npixel, products) => Inputs.With(stations, channels, timeSteps, npixel, products));

    [Fact]
    public void Realistic_MS_is_never_below_the_seed_minimum()
    {
        GenInput.Sample(input =>
        {
            var e = Estimator.For(input);
            Assert.True(e.VisibilityBytes >= e.VisibilityMinBytes, $"{e.VisibilityBytes} < {e.VisibilityMinBytes}");
        });
    }

    [Fact]
    public void Scratch_is_never_below_the_seed_minimum_of_the_run()
    {
        GenInput.Sample(input =>
        {
            var e = Estimator.For(input);
            Assert.True(e.ScratchBytes >= e.SeedMinimumBytes, $"{e.ScratchBytes} < {e.SeedMinimumBytes}");
        });
    }

    [Fact]
    public void Breakdowns_add_up_to_the_totals()
    {
        GenInput.Sample(input =>
        {
            var e = Estimator.For(input);
            Assert.Equal(e.ScratchBytes, e.Scratch.Sum(p => p.Bytes));
            Assert.Equal(e.IngestBytes, e.Ingest.Sum(p => p.Bytes));
            Assert.Equal(e.VisibilityBytes, e.MeasurementSet.Sum(p => p.Bytes));
        });
    }

    [Fact]
    public void Totals_follow_the_placement_rules()
    {
        // Written from docs/workflow.md#where-each-file-lands independently of the part lists, so a wrong part list cannot hide behind its own sum.
        GenInput.Sample(input =>
        {
            var e = Estimator.For(input);
            var p = input.Products;
            int images = p.Cleaned ? 8 : p.Dirty ? 2 : 0;
            long scratch = e.VisibilityBytes + (p.Cleaned ? e.ModelDataBytes + e.WscleanTempBytes : 0) + images * e.ImageBytes;
            int ingested = (p.Visibility ? 1 : 0) + (p.Dirty ? 1 : 0) + (p.Cleaned ? 1 : 0);
            long ingest = (p.Visibility ? e.VisibilityBytes + (p.Cleaned ? e.ModelDataBytes : 0) : 0)
                + ((p.Dirty ? 1 : 0) + (p.Cleaned ? 1 : 0)) * e.ImageBytes + ingested * 1024L;
            Assert.Equal(scratch, e.ScratchBytes);
            Assert.Equal(ingest, e.IngestBytes);
            Assert.Equal(images, e.FitsInScratch);
        });
    }

    [Fact]
    public void Scratch_and_ingest_do_not_decrease_with_channels_time_steps_or_pixels()
    {
        Gen.Select(GenInput, Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 600]).Sample((input, moreChannels, moreSteps, morePixels) =>
        {
            var e = Estimator.For(input);
            var channels = Estimator.For(Inputs.With(input.Stations, e.Channels + moreChannels, input.TimeSteps, input.ImagingNpixel, input.Products));
            var steps = Estimator.For(input with { TimeSteps = input.TimeSteps + moreSteps });
            var pixels = Estimator.For(input with { ImagingNpixel = input.ImagingNpixel + morePixels });
            foreach (var bigger in new[] { channels, steps, pixels })
            {
                Assert.True(bigger.ScratchBytes >= e.ScratchBytes, $"scratch {bigger.ScratchBytes} < {e.ScratchBytes}");
                Assert.True(bigger.IngestBytes >= e.IngestBytes, $"ingest {bigger.IngestBytes} < {e.IngestBytes}");
                Assert.True(bigger.VisibilityBytes >= e.VisibilityBytes);
            }
        });
    }

    [Fact]
    public void Selecting_more_products_never_needs_less_disk()
    {
        GenInput.Sample(input =>
        {
            foreach (var fewer in Inputs.AllSelections())
            foreach (var more in Inputs.AllSelections())
            {
                bool superset = (more.Visibility || !fewer.Visibility) && (more.Dirty || !fewer.Dirty) && (more.Cleaned || !fewer.Cleaned);
                if (!superset) continue;
                var small = Estimator.For(input with { Products = fewer });
                var large = Estimator.For(input with { Products = more });
                Assert.True(large.ScratchBytes >= small.ScratchBytes, $"scratch {more} < {fewer}");
                Assert.True(large.IngestBytes >= small.IngestBytes, $"ingest {more} < {fewer}");
            }
        }, iter: 200);
    }

    [Fact]
    public void FITS_files_are_at_least_half_the_seed_image_minimum()
    {
        Gen.Int[1, 100_000].Sample(npixel =>
        {
            long file = FitsSize.ImageFileBytes(npixel);
            long min = (long)npixel * npixel * 8;
            Assert.True(2 * file >= min, $"{file} x 2 < {min}");
            // and never more than the data padded to a block plus 4 blocks
            Assert.True(file <= min / 2 + 4 * 2880);
            Assert.Equal(0, file % 2880);
        });
    }
}
