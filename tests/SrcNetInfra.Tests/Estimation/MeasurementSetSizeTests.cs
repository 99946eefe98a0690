using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>casacore's tile rounding as docs/sizes.md#the-measurementset describes it, on tiny tables where the arithmetic is obvious.</summary>
public class MeasurementSetSizeTests
{
    private static long Column(string name, long timeSteps, long baselines = 1, long polarizations = 4, long channels = 1) =>
        MeasurementSetSize.Columns(timeSteps, baselines, polarizations, channels).Single(p => p.Name == name).Bytes;

    [Fact]
    public void One_and_two_time_steps_take_the_same_DATA_UVW_WEIGHT_SIGMA()
    {
        // T=1 rounds up to 2: DATA = 2 x 1 x 8 x 4 x 1 = 64 bytes in both cases.
        Assert.Equal(64, Column("DATA", 1));
        Assert.Equal(64, Column("DATA", 2));
        foreach (var name in new[] { "UVW", "WEIGHT", "SIGMA" })
            Assert.Equal(Column(name, 2), Column(name, 1));
        Assert.Equal(2 * 24, Column("UVW", 1));
        Assert.Equal(2 * 4 * 4, Column("WEIGHT", 1));
        // 3 rounds to 4.
        Assert.Equal(4 * 8 * 4, Column("DATA", 3));
    }

    [Fact]
    public void FLAG_rounds_time_steps_up_to_16()
    {
        // T=16: 16 x 1 x 4 x 1 bits = 8 bytes; T=17 rounds to 32: 16 bytes, like T=32.
        Assert.Equal(8, Column("FLAG", 16));
        Assert.Equal(16, Column("FLAG", 17));
        Assert.Equal(16, Column("FLAG", 32));
        Assert.Equal(8, Column("FLAG", 1));
    }

    [Theory]
    // Up to 8 channels are stored as they are; above 8 they round up to a multiple of 8.
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(8, 8)]
    [InlineData(9, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 24)]
    public void DATA_and_FLAG_round_channels_above_8_to_a_multiple_of_8(long channels, long stored)
    {
        // T=2, B=1, P=4: DATA = 2 x 8 x 4 x stored; FLAG (T16 = 16) = 16 x 4 x stored / 8.
        Assert.Equal(2 * 8 * 4 * stored, Column("DATA", 2, channels: channels));
        Assert.Equal(16 * 4 * stored / 8, Column("FLAG", 2, channels: channels));
        // Per-row columns do not depend on channels.
        Assert.Equal(2 * 24, Column("UVW", 2, channels: channels));
    }

    [Fact]
    public void Antenna_columns_take_8_point_2_bytes_per_row_rounded_up()
    {
        Assert.Equal(9, Column("ANTENNA1 + ANTENNA2", 1));   // 8.2 -> 9
        Assert.Equal(41, Column("ANTENNA1 + ANTENNA2", 5));  // 41 exactly
        Assert.Equal(50, Column("ANTENNA1 + ANTENNA2", 6));  // 49.2 -> 50
    }

    [Fact]
    public void Through_the_estimator_nine_channels_cost_as_much_DATA_as_sixteen()
    {
        long Data(long channels) =>
            Estimator.For(Inputs.With(3, channels, 2, 1, Inputs.Visibility)).MeasurementSet.Single(p => p.Name == "DATA").Bytes;
        // 3 stations -> 3 baselines; 2 x 3 x 8 x 4 x 16 = 3072.
        Assert.Equal(3072, Data(9));
        Assert.Equal(Data(16), Data(9));
        Assert.True(Data(8) < Data(9));
    }

    [Fact]
    public void The_fixed_rest_is_about_300_kB()
    {
        Assert.Equal(300_000, Column("other columns and 14 sub-tables", 1));
    }
}
