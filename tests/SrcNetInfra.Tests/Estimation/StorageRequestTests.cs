using CsCheck;
using SrcNetInfra.Core.Estimation;

namespace SrcNetInfra.Tests.Estimation;

public class StorageRequestTests
{
    private const long GiB = 1L << 30;

    [Theory]
    [InlineData(0L, 1.0, "1Gi")]                 // never a 0Gi claim
    [InlineData(1L, 1.0, "1Gi")]
    [InlineData(GiB, 1.0, "1Gi")]                // exactly 1 GiB stays 1
    [InlineData(GiB + 1, 1.0, "2Gi")]            // one byte more needs the next GiB
    [InlineData(10 * GiB, 1.2, "12Gi")]          // 1.2 in double is 1.19999999999999996; decimal keeps 1.2
    [InlineData(10 * GiB + 1, 1.2, "13Gi")]
    [InlineData(2 * GiB, 1.5, "3Gi")]
    [InlineData(2 * GiB + 1, 1.5, "4Gi")]
    [InlineData(GiB, 2.0, "2Gi")]
    [InlineData(3 * GiB, 0.5, "2Gi")]            // 1.5 GiB -> 2
    [InlineData(long.MaxValue, 1.0, "8589934592Gi")] // (2^63 - 1) / 2^30 rounds up to 2^33
    public void Gi_rounds_up_to_whole_GiB_after_headroom(long bytes, double headroom, string expected)
    {
        Assert.Equal(expected, StorageRequest.Gi(bytes, headroom));
    }

    [Fact]
    public void Gi_refuses_nonsense_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageRequest.Gi(-1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageRequest.Gi(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageRequest.Gi(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageRequest.Gi(1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => StorageRequest.Gi(1, double.PositiveInfinity));
    }

    [Fact]
    public void Gi_of_a_request_parses_back_to_at_least_the_bytes_with_headroom()
    {
        Gen.Select(Gen.Long[0, long.MaxValue / 4], Gen.Int[100, 300]).Sample((bytes, percent) =>
        {
            double headroom = percent / 100.0;
            Assert.True(StorageRequest.TryParseBytes(StorageRequest.Gi(bytes, headroom), out long granted));
            decimal wanted = bytes * (decimal)headroom;
            Assert.True(granted >= wanted, $"{granted} < {wanted}");
            Assert.True(granted < Math.Max(wanted, 1) + GiB, $"{granted} wastes a GiB or more over {wanted}");
        });
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("123", 123L)]
    [InlineData("+5", 5L)]
    [InlineData("-0", 0L)]
    [InlineData("1k", 1000L)]
    [InlineData("1M", 1_000_000L)]
    [InlineData("1G", 1_000_000_000L)]
    [InlineData("1T", 1_000_000_000_000L)]
    [InlineData("1P", 1_000_000_000_000_000L)]
    [InlineData("1E", 1_000_000_000_000_000_000L)]
    [InlineData("1Ki", 1024L)]
    [InlineData("1Mi", 1_048_576L)]
    [InlineData("1Gi", 1_073_741_824L)]
    [InlineData("100Gi", 107_374_182_400L)]
    [InlineData("1Ti", 1_099_511_627_776L)]
    [InlineData("1Pi", 1_125_899_906_842_624L)]
    [InlineData("1Ei", 1_152_921_504_606_846_976L)]
    [InlineData("7Ei", 8_070_450_532_247_928_832L)]
    [InlineData("1.5Gi", 1_610_612_736L)]
    [InlineData("0.5Ki", 512L)]
    [InlineData(".5k", 500L)]
    [InlineData("1.", 1L)]
    [InlineData("0.1", 1L)]                       // a fraction of a byte rounds up
    [InlineData("0.000001Gi", 1074L)]             // 1073.741824 -> 1074
    [InlineData("1500m", 2L)]                     // milli-bytes: 1.5 -> 2
    [InlineData("1000m", 1L)]
    [InlineData("1e9", 1_000_000_000L)]
    [InlineData("1E9", 1_000_000_000L)]
    [InlineData("1e+3", 1000L)]
    [InlineData("1.5e3", 1500L)]
    [InlineData("25e-1", 3L)]                     // 2.5 -> 3
    [InlineData("1e-3", 1L)]
    [InlineData("1e-100", 1L)]
    [InlineData("1e-2147483648", 1L)]
    [InlineData("0e99999", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Parses_Kubernetes_quantities_to_bytes_rounding_up(string quantity, long expected)
    {
        Assert.True(StorageRequest.TryParseBytes(quantity, out long bytes), quantity);
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1 Gi")]
    [InlineData(" 1Gi")]
    [InlineData("1Gi ")]
    [InlineData("Gi")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("1gi")]
    [InlineData("1GB")]
    [InlineData("1K")]
    [InlineData("1mi")]
    [InlineData("1Gi1")]
    [InlineData("1.2.3")]
    [InlineData("1,5Gi")]
    [InlineData("-1")]
    [InlineData("-1Gi")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1ee3")]
    [InlineData("1e1.5")]
    [InlineData("1e3Gi")]
    [InlineData("e9")]
    [InlineData("abc")]
    [InlineData("\u0661")]                      // ARABIC-INDIC DIGIT ONE is a digit, but not an ASCII one
    [InlineData("8Ei")]                         // 2^63 does not fit in a long
    [InlineData("9223372036854775808")]
    [InlineData("1e19")]
    [InlineData("1e99999999999")]
    public void Refuses_what_is_not_a_storage_quantity(string quantity)
    {
        Assert.False(StorageRequest.TryParseBytes(quantity, out _), quantity);
    }

    [Fact]
    public void Null_is_not_a_quantity()
    {
        Assert.False(StorageRequest.TryParseBytes(null, out _));
    }

    [Theory]
    [InlineData("100Gi")]
    [InlineData("1.5Gi")]
    [InlineData("500M")]
    [InlineData("1e9")]
    [InlineData("64Mi")]
    [InlineData("2Ti")]
    [InlineData("123456789")]
    public void Agrees_with_KubernetesClient_on_whole_byte_quantities(string quantity)
    {
        var reference = new k8s.Models.ResourceQuantity(quantity).ToDecimal();
        Assert.True(StorageRequest.TryParseBytes(quantity, out long bytes), quantity);
        Assert.Equal(reference, bytes);
    }

    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(999L, "999 B")]
    [InlineData(1000L, "1.00 kB")]
    [InlineData(1234L, "1.23 kB")]
    [InlineData(1235L, "1.24 kB")]                // half away from zero
    [InlineData(999_499L, "999 kB")]
    [InlineData(999_500L, "1.00 MB")]             // would be "1000 kB"
    [InlineData(16_395_840L, "16.4 MB")]
    [InlineData(48_452_333L, "48.5 MB")]
    [InlineData(123_456_789L, "123 MB")]
    [InlineData(6_668_534_415_360L, "6.67 TB")]
    [InlineData(long.MaxValue, "9.22 EB")]
    [InlineData(-1500L, "-1.50 kB")]
    public void Human_sizes_use_SI_units_and_3_significant_digits(long bytes, string expected)
    {
        Assert.Equal(expected, StorageRequest.Human(bytes));
    }
}
