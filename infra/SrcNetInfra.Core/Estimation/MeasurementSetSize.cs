namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// The size of the MeasurementSet OSKAR 2.8.3 writes, column by column. The per-row sizes and the
/// tile rounding were measured with casacore (docs/sizes.md#the-measurementset): the seed's
/// minimum counts only the DATA values, the real table also stores flags, UVW, weights, sigmas,
/// antenna indices and sub-tables, and casacore's tiled storage pads partial tiles.
/// </summary>
public static class MeasurementSetSize
{
    /// <summary>DATA, UVW, WEIGHT and SIGMA tiles hold 2 time steps: T is rounded up to a multiple of 2.</summary>
    public const int DataTimeTile = 2;

    /// <summary>FLAG tiles hold 16 time steps: T is rounded up to a multiple of 16.</summary>
    public const int FlagTimeTile = 16;

    /// <summary>With more than 8 channels, DATA and FLAG round the channel count up to a multiple of 8.</summary>
    public const int ChannelTile = 8;

    /// <summary>complex64 visibility: 8 bytes per polarisation and channel.</summary>
    public const int DataBytesPerValue = 8;

    /// <summary>UVW: three float64 per row.</summary>
    public const int UvwBytesPerRow = 24;

    /// <summary>WEIGHT and SIGMA: one float32 per polarisation and row, each.</summary>
    public const int WeightBytesPerPolarization = 4;

    /// <summary>ANTENNA1 + ANTENNA2 together take about 8.2 bytes per row (docs/sizes.md#antenna1-and-antenna2); as a fraction, 41/5.</summary>
    public const int AntennaBytesPerRowTimes5 = 41;

    /// <summary>All other main-table columns plus the 14 sub-tables: about 0.3 MB in total (docs/sizes.md#sub-tables-and-the-rest).</summary>
    public const long OtherColumnsAndSubtablesBytes = 300_000;

    /// <summary>
    /// The main table's columns and the rest, in a fixed order. Throws <see cref="OverflowException"/>
    /// when a size does not fit in a <see cref="long"/>.
    /// </summary>
    public static IReadOnlyList<EstimatePart> Columns(long timeSteps, long baselines, long polarizations, long channels)
    {
        checked
        {
            long rows = timeSteps * baselines;
            long t2 = SizeMath.RoundUp(timeSteps, DataTimeTile);
            long t16 = SizeMath.RoundUp(timeSteps, FlagTimeTile);
            long tiledChannels = channels > ChannelTile ? SizeMath.RoundUp(channels, ChannelTile) : channels;

            long data = t2 * baselines * DataBytesPerValue * polarizations * tiledChannels;
            // FLAG is stored as bits: one per polarisation and channel.
            long flag = SizeMath.CeilDiv(t16 * baselines * polarizations * tiledChannels, 8);
            long uvw = t2 * baselines * UvwBytesPerRow;
            long weight = t2 * baselines * WeightBytesPerPolarization * polarizations;
            long sigma = weight;
            long antennas = SizeMath.CeilDiv(rows * AntennaBytesPerRowTimes5, 5);

            return
            [
                new("DATA", data, "complex64 per polarisation and channel; time steps rounded up to 2, channels to 8 when > 8"),
                new("FLAG", flag, "1 bit per polarisation and channel; time steps rounded up to 16, channels to 8 when > 8"),
                new("UVW", uvw, "3 x float64 per row; time steps rounded up to 2"),
                new("WEIGHT", weight, "float32 per polarisation; time steps rounded up to 2"),
                new("SIGMA", sigma, "float32 per polarisation; time steps rounded up to 2"),
                new("ANTENNA1 + ANTENNA2", antennas, "about 8.2 bytes per row"),
                new("other columns and 14 sub-tables", OtherColumnsAndSubtablesBytes, "about 0.3 MB, measured"),
            ];
        }
    }
}
