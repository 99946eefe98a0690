using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// Estimates the disk and memory one workflow run needs, from the measured sizes
/// (docs/sizes.md#sizes-of-what-a-run-writes) and what the workflow does step by step
/// (docs/workflow.md#what-one-run-does). Pure: the same input always gives the same estimate.
/// </summary>
public static class Estimator
{
    /// <summary>XX, XY, YX, YY (docs/sizes.md#counts): Karabo sets OSKAR's <c>pol_mode Full</c>.</summary>
    public const int Polarizations = 4;

    /// <summary>complex64 visibility: the seed's MS minimum counts 8 bytes per measurement.</summary>
    public const long VisibilityMinBytesPerMeasurement = 8;

    /// <summary>float64 pixel, 1 channel: the seed's image minimum counts 8 bytes per pixel.</summary>
    public const long ImageMinBytesPerPixel = 8;

    /// <summary>
    /// Every product gets a one-line JSON <c>.meta</c> of about 1 KB (docs/sizes.md#metadata-files);
    /// a file that small still takes one 4 KiB block of the filesystem.
    /// </summary>
    public const long MetaBytesPerProduct = 4096;

    /// <summary>
    /// The estimate for one run. Throws <see cref="ArgumentOutOfRangeException"/> for inputs that config
    /// validation should have refused, and <see cref="OverflowException"/> when a size does not fit in a
    /// <see cref="long"/> (all arithmetic is checked, so no size can silently wrap).
    /// </summary>
    public static Estimate For(EstimateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Products);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Stations, 2, nameof(input.Stations));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.TimeSteps, 1, nameof(input.TimeSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.ImagingNpixel, 1, nameof(input.ImagingNpixel));
        ArgumentOutOfRangeException.ThrowIfNegative(input.Gpus, nameof(input.Gpus));

        long channels = Channels(input.StartFreqHz, input.EndFreqHz, input.FreqIncHz);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1, "channels");

        ProductSelection products = input.Products;
        long timeSteps = input.TimeSteps;
        long npixel = input.ImagingNpixel;

        checked
        {
            long stations = input.Stations;
            // OSKAR writes cross-correlations only (docs/sizes.md#counts): N(N-1)/2 baselines, 10,296 for AA*.
            long baselines = stations * (stations - 1) / 2;
            long rows = timeSteps * baselines;
            long measurements = channels * timeSteps * baselines * Polarizations;
            long visibilityMin = measurements * VisibilityMinBytesPerMeasurement;
            long imageMin = npixel * npixel * 1 * ImageMinBytesPerPixel;

            IReadOnlyList<EstimatePart> msColumns = MeasurementSetSize.Columns(timeSteps, baselines, Polarizations, channels);
            var sizes = new ProductSizes(
                MeasurementSet: Sum(msColumns),
                ModelData: CleaningSize.ModelDataBytes(rows, channels),
                Reorder: CleaningSize.ReorderBytes(rows, channels),
                Image: FitsSize.ImageFileBytes(npixel),
                Meta: MetaBytesPerProduct);
            var placed = Placement.For(products, sizes);
            IReadOnlyList<EstimatePart> scratch = [.. placed.Where(f => f.Area == StorageArea.Scratch).Select(f => f.Part)];
            IReadOnlyList<EstimatePart> ingest = [.. placed.Where(f => f.Area == StorageArea.IngestArea).Select(f => f.Part)];

            // The seed counts one image minimum per distinct image made: --cleaned makes the dirty image first.
            int distinctImages = (products.Dirty || products.Cleaned ? 1 : 0) + (products.Cleaned ? 1 : 0);

            return new Estimate
            {
                Channels = channels,
                TimeSteps = input.TimeSteps,
                Stations = input.Stations,
                Baselines = baselines,
                Polarizations = Polarizations,
                Rows = rows,
                Measurements = measurements,
                VisibilityMinBytes = visibilityMin,
                VisibilityBytes = sizes.MeasurementSet,
                ImageMinBytes = imageMin,
                ImageBytes = sizes.Image,
                ModelDataBytes = sizes.ModelData,
                WscleanTempBytes = sizes.Reorder,
                FitsInScratch = Placement.FitsInScratch(products),
                MetaBytes = Sum(ingest.Where(p => p.Name == Placement.MetaName)),
                ScratchBytes = Sum(scratch),
                ScratchLeftBytes = Sum(scratch.Where(p => !p.Transient)),
                IngestBytes = Sum(ingest.Where(p => !p.Transient)),
                IngestPeakBytes = Sum(ingest),
                SeedMinimumBytes = visibilityMin + imageMin * distinctImages,
                Scratch = scratch,
                Ingest = ingest,
                MeasurementSet = msColumns,
                Memory = RunMemory.For(input, baselines, channels, Polarizations),
            };
        }
    }

    /// <summary>
    /// floor((end - start) / inc), as the workflow computes it (docs/workflow.md#environment-variables). The doubles are converted to
    /// decimal first: in binary floating point 1.304e9..1.375e9 in steps of 1.775e7 can come out just below 4
    /// and floor to 3. The decimal conversion keeps 15 significant digits, which is what the user wrote.
    /// Throws <see cref="OverflowException"/> for NaN, infinities or values beyond decimal or long range.
    /// </summary>
    public static long Channels(double startFreqHz, double endFreqHz, double freqIncHz)
    {
        decimal inc = (decimal)freqIncHz;
        if (inc <= 0)
            throw new ArgumentOutOfRangeException(nameof(freqIncHz), freqIncHz, "the channel width must be positive");
        decimal channels = decimal.Floor(((decimal)endFreqHz - (decimal)startFreqHz) / inc);
        return checked((long)channels);
    }

    private static long Sum(IEnumerable<EstimatePart> parts)
    {
        long total = 0;
        foreach (var part in parts)
            total = checked(total + part.Bytes);
        return total;
    }
}
