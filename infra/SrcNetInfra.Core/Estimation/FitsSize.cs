namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// The size of one FITS image as WSClean writes it: 32-bit floats (BITPIX -32), a single channel,
/// padded to whole 2880-byte FITS blocks (docs/sizes.md#fits-images).
/// </summary>
public static class FitsSize
{
    /// <summary>FITS stores header and data in blocks of 2880 bytes.</summary>
    public const long BlockBytes = 2880;

    /// <summary>BITPIX -32: 4 bytes per pixel, about half the seed's float64 minimum.</summary>
    public const long BytesPerPixel = 4;

    /// <summary>
    /// WSClean writes 2, sometimes 3 header blocks (docs/sizes.md#fits-images). We count 3 so the estimate never undershoots;
    /// the extra 2880 bytes are negligible next to the data.
    /// </summary>
    public const long HeaderBlocks = 3;

    /// <summary>Bytes of one npixel x npixel image file. Throws <see cref="OverflowException"/> when it does not fit in a long.</summary>
    public static long ImageFileBytes(long npixel) =>
        checked(BlockBytes * SizeMath.CeilDiv(BytesPerPixel * npixel * npixel, BlockBytes) + HeaderBlocks * BlockBytes);
}
