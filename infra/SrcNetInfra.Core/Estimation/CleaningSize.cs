namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// What cleaning adds beside and inside the MeasurementSet (docs/sizes.md#model_data, docs/sizes.md#wsclean-reorder-files):
/// WSClean's <c>-niter</c> run writes a MODEL_DATA column into the MS, which stays, and reorder
/// temp files beside the MS, which it deletes at the end. Both go wherever the MS is.
/// </summary>
public static class CleaningSize
{
    /// <summary>MODEL_DATA: 32 bytes per channel (4 polarisations of complex64) and 24 per row, not tiled.</summary>
    public const long ModelDataBytesPerRowAndChannel = 32;

    /// <inheritdoc cref="ModelDataBytesPerRowAndChannel"/>
    public const long ModelDataBytesPerRow = 24;

    /// <summary>The formula matched the measurements to within 0.1 %; it is raised by 0.1 % so it is never below them.</summary>
    public const long ModelDataMarginPerMille = 1;

    /// <summary>The reorder files: rows x (38 + 20 x channels), exact in the measurements.</summary>
    public const long ReorderBytesPerRow = 38;

    /// <inheritdoc cref="ReorderBytesPerRow"/>
    public const long ReorderBytesPerRowAndChannel = 20;

    /// <summary>ceil(rows x (32 C + 24) x 1.001). Throws <see cref="OverflowException"/> beyond a long.</summary>
    public static long ModelDataBytes(long rows, long channels)
    {
        checked
        {
            long measured = rows * (ModelDataBytesPerRowAndChannel * channels + ModelDataBytesPerRow);
            // measured / 1000 first keeps the product within a long wherever the size itself fits.
            return measured + SizeMath.CeilDiv(measured, 1000) * ModelDataMarginPerMille;
        }
    }

    /// <summary>rows x (38 + 20 C). Throws <see cref="OverflowException"/> beyond a long.</summary>
    public static long ReorderBytes(long rows, long channels) =>
        checked(rows * (ReorderBytesPerRow + ReorderBytesPerRowAndChannel * channels));
}
