using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// Estimates the disk one workflow run needs, from the seed's minimum formulas and the measured
/// sizes in docs/sizes.md#sizes-of-what-a-run-writes. Pure: the same input always gives the same estimate.
/// </summary>
public static class Estimator
{
    /// <summary>XX, XY, YX, YY (docs/sizes.md#counts).</summary>
    public const int Polarizations = 4;

    /// <summary>complex64 visibility: the seed's MS minimum counts 8 bytes per measurement.</summary>
    public const long VisibilityMinBytesPerMeasurement = 8;

    /// <summary>float64 pixel, 1 channel: the seed's image minimum counts 8 bytes per pixel.</summary>
    public const long ImageMinBytesPerPixel = 8;

    /// <summary>MODEL_DATA is about 1.19 x the seed's MS minimum (docs/sizes.md#model_data); kept as the exact fraction 119/100.</summary>
    public const long ModelDataPercentOfVisibilityMin = 119;

    /// <summary>WSClean's reordering files: about rows x (38 + 20 x channels) bytes (docs/sizes.md#wsclean-reorder-files).</summary>
    public const long WscleanTempBytesPerRow = 38;

    /// <inheritdoc cref="WscleanTempBytesPerRow"/>
    public const long WscleanTempBytesPerRowAndChannel = 20;

    /// <summary>A dirty WSClean run writes 2 FITS (dirty, image) (docs/sizes.md#how-many-image-files-a-run-leaves).</summary>
    public const int FitsPerDirtyRun = 2;

    /// <summary>A cleaned WSClean run writes 6 FITS (dirty input copy, dirty, psf, model, residual, image) (docs/sizes.md#how-many-image-files-a-run-leaves).</summary>
    public const int FitsPerCleanedRun = 6;

    /// <summary>Every ingested product gets a one-line JSON <c>.meta</c> of about 1 KB (docs/sizes.md#metadata-files).</summary>
    public const long MetaBytesPerProduct = 1024;

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
            long visibility = Sum(msColumns);
            long image = FitsSize.ImageFileBytes(npixel);
            long modelData = SizeMath.CeilDiv(visibilityMin * ModelDataPercentOfVisibilityMin, 100);
            long wscleanTemp = rows * (WscleanTempBytesPerRow + WscleanTempBytesPerRowAndChannel * channels);
            int fitsInScratch = FitsLeftInScratch(products);

            IReadOnlyList<EstimatePart> scratch = ScratchParts(products, visibility, modelData, wscleanTemp, fitsInScratch, image);
            IReadOnlyList<EstimatePart> ingest = IngestParts(products, visibility, modelData, image);
            long metaBytes = ingest.Where(p => p.Name == MetaPartName).Sum(p => p.Bytes);

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
                VisibilityBytes = visibility,
                ImageMinBytes = imageMin,
                ImageBytes = image,
                ModelDataBytes = modelData,
                WscleanTempBytes = wscleanTemp,
                FitsInScratch = fitsInScratch,
                MetaBytes = metaBytes,
                ScratchBytes = Sum(scratch),
                IngestBytes = Sum(ingest),
                SeedMinimumBytes = visibilityMin + imageMin * distinctImages,
                Scratch = scratch,
                Ingest = ingest,
                MeasurementSet = msColumns,
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

    /// <summary>
    /// FITS files WSClean leaves in scratch: a dirty run writes 2; <c>--cleaned</c> makes the dirty image
    /// first and then runs the cleaning (6 more), so 8; a visibility-only run makes no image.
    /// </summary>
    public static int FitsLeftInScratch(ProductSelection products) =>
        (products.Dirty || products.Cleaned ? FitsPerDirtyRun : 0) + (products.Cleaned ? FitsPerCleanedRun : 0);

    private const string MetaPartName = ".meta files";

    private static IReadOnlyList<EstimatePart> ScratchParts(
        ProductSelection products, long visibility, long modelData, long wscleanTemp, int fitsCount, long image)
    {
        var parts = new List<EstimatePart>
        {
            new("MeasurementSet", visibility, "OSKAR's MS; made by every run, selected for ingestion or not"),
        };
        if (products.Cleaned)
        {
            parts.Add(new("MODEL_DATA column", modelData, "added to the MS by cleaning; about 1.19 x the seed's MS minimum"));
            parts.Add(new("WSClean reorder files", wscleanTemp, "temp files beside the MS while cleaning; rows x (38 + 20 x channels)"));
        }
        if (fitsCount > 0)
        {
            parts.Add(new($"FITS images ({fitsCount} x {StorageRequest.Human(image)})", checked(fitsCount * image),
                "WSClean's working folders, left under /tmp: 2 for the dirty image, 6 more when cleaning"));
        }
        return parts;
    }

    private static IReadOnlyList<EstimatePart> IngestParts(ProductSelection products, long visibility, long modelData, long image)
    {
        var parts = new List<EstimatePart>();
        int ingested = 0;
        if (products.Visibility)
        {
            parts.Add(new("MeasurementSet", visibility, "copied with --visibility (a directory: the ingestor may refuse it)"));
            if (products.Cleaned)
                parts.Add(new("MODEL_DATA column", modelData, "cleaning added it to the MS before the copy"));
            ingested++;
        }
        if (products.Dirty)
        {
            parts.Add(new("dirty.fits", image, "<prefix>dirty.fits, float32 FITS"));
            ingested++;
        }
        if (products.Cleaned)
        {
            parts.Add(new("cleaned.fits", image, "<prefix>cleaned.fits, float32 FITS"));
            ingested++;
        }
        if (ingested > 0)
            parts.Add(new(MetaPartName, checked(ingested * MetaBytesPerProduct), $"{ingested} x 1 KB JSON beside each product"));
        return parts;
    }

    private static long Sum(IEnumerable<EstimatePart> parts)
    {
        long total = 0;
        foreach (var part in parts)
            total = checked(total + part.Bytes);
        return total;
    }
}
