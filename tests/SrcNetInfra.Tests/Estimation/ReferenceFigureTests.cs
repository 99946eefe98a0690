using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Tests.Estimation;

/// <summary>Formulas checked against figures from outside the code: the MIGHTEE archive size and channel counting.</summary>
public class ReferenceFigureTests
{
    [Fact]
    public void MIGHTEE_L1_archive_size_is_the_seed_minimum_formula()
    {
        // docs/sizes.md#the-mightee-archive-check: MIGHTEE L1 is quoted at 6668.534 GB = 3593 dumps x 1770 baselines (60 antennas)
        // x 4 pol x 32768 channels x 8 bytes. Band 1.0 GHz + 32768 x 10 kHz = 1.32768 GHz gives exactly 32768 channels.
        var input = new EstimateInput
        {
            Stations = 60,
            StartFreqHz = 1.0e9,
            EndFreqHz = 1.32768e9,
            FreqIncHz = 10_000,
            TimeSteps = 3593,
            ImagingNpixel = 1,
            Products = Inputs.Visibility,
        };
        var e = Estimator.For(input);
        Assert.Equal(32_768, e.Channels);
        Assert.Equal(1770, e.Baselines);
        // 6668.534 GB to 3 decimals: [6,668,533,500,000 .. 6,668,534,500,000).
        Assert.InRange(e.VisibilityMinBytes, 6_668_533_500_000, 6_668_534_499_999);
        Assert.Equal(3593L * 1770 * 4 * 32768 * 8, e.VisibilityMinBytes);
        Assert.Equal("6.67 TB", StorageRequest.Human(e.VisibilityMinBytes));
    }

    [Theory]
    // The seed example: 71 MHz / 17.75 MHz = 4 exactly.
    [InlineData(1.304e9, 1.375e9, 17_750_000, 4)]
    // floor, not round: 71 MHz / 20 MHz = 3.55.
    [InlineData(1.304e9, 1.375e9, 20_000_000, 3)]
    // In doubles (0.3 - 0.1) / 0.1 = 1.9999999999999998 and (0.3 - 0) / 0.1 = 2.9999999999999996;
    // the decimal conversion counts what the user wrote.
    [InlineData(0.1, 0.3, 0.1, 2)]
    [InlineData(0.0, 0.3, 0.1, 3)]
    // Less than one channel width: 0 channels (config validation refuses it).
    [InlineData(1.0e9, 1.0e9 + 5, 10, 0)]
    public void Channels_are_floor_of_band_over_width(double start, double end, double inc, long expected)
    {
        Assert.Equal(expected, Estimator.Channels(start, end, inc));
    }

    [Fact]
    public void Float_division_would_lose_a_channel_that_decimal_keeps()
    {
        // Guards the reason for the decimal path: if this ever stops being true the theory above proves nothing.
        Assert.Equal(1, Math.Floor((0.3 - 0.1) / 0.1));
        Assert.Equal(2, Estimator.Channels(0.1, 0.3, 0.1));
    }

    [Fact]
    public void Invalid_inputs_are_refused_rather_than_sized()
    {
        var ok = EstimateInput.Defaults;
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator.For(ok with { Stations = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator.For(ok with { TimeSteps = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator.For(ok with { ImagingNpixel = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator.For(ok with { FreqIncHz = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator.For(ok with { EndFreqHz = ok.StartFreqHz }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator.For(ok with { EndFreqHz = ok.StartFreqHz + 1 }));
    }

    [Fact]
    public void Sizes_beyond_a_long_throw_instead_of_wrapping()
    {
        // 100,000 stations -> ~5e9 baselines; x 1e6 channels x 1e6 dumps x 4 is ~2e22 measurements.
        var huge = new EstimateInput
        {
            Stations = 100_000,
            StartFreqHz = 0,
            EndFreqHz = 1e12,
            FreqIncHz = 1e6,
            TimeSteps = 1_000_000,
            ImagingNpixel = 100,
            Products = Inputs.Visibility,
        };
        Assert.Throws<OverflowException>(() => Estimator.For(huge));
        // npixel^2 x 8 overflows only through the image (int.MaxValue^2 x 8 ~ 3.7e19).
        Assert.Throws<OverflowException>(() => Estimator.For(EstimateInput.Defaults with { ImagingNpixel = int.MaxValue }));
        // A band too wide for a long channel count.
        Assert.Throws<OverflowException>(() => Estimator.Channels(0, 1e25, 1));
        Assert.Throws<OverflowException>(() => Estimator.Channels(0, double.NaN, 1));
    }
}
