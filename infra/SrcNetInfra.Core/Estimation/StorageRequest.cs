using System.Globalization;
using System.Numerics;

namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// Turns byte counts into Kubernetes storage requests and back (the config's explicit sizes are read
/// with <see cref="TryParseBytes"/>), and into short human sizes for tables.
/// </summary>
/// <remarks>
/// The parser is our own rather than <c>k8s.Models.ResourceQuantity</c>: a storage size must round
/// <em>up</em> to whole bytes and must refuse (not cap) negative or out-of-range values, and an exact
/// rational calculation makes that easy to see and to test.
/// </remarks>
public static class StorageRequest
{
    private const long GiB = 1L << 30;

    /// <summary>
    /// The request "NGi" with N = ceil(bytes x headroom / 2^30), at least 1 (a claim of 0Gi is useless).
    /// The multiplication is done in decimal and the division in integers, so an exact multiple of 1 GiB
    /// stays N and one byte more becomes N + 1 without floating-point surprises.
    /// </summary>
    public static string Gi(long bytes, double headroom)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (!double.IsFinite(headroom) || headroom <= 0)
            throw new ArgumentOutOfRangeException(nameof(headroom), headroom, "headroom must be a positive finite factor");

        // ceil(ceil(x) / g) == ceil(x / g) for an integer g, so rounding the product up first loses nothing.
        var scaled = new BigInteger(decimal.Ceiling(bytes * (decimal)headroom));
        BigInteger gib = BigInteger.DivRem(scaled, GiB, out BigInteger rest) + (rest.IsZero ? 0 : 1);
        return (BigInteger.Max(gib, BigInteger.One)).ToString(CultureInfo.InvariantCulture) + "Gi";
    }

    /// <summary>
    /// Reads a Kubernetes quantity as bytes, rounded up: a number (optional sign, digits with an optional
    /// decimal point) followed by nothing, a decimal suffix (m k M G T P E), a binary suffix
    /// (Ki Mi Gi Ti Pi Ei) or an exponent (e or E and a signed integer, as in 1e9). Returns false for
    /// anything else, for negative sizes, for whitespace, and for sizes that do not fit in a long.
    /// </summary>
    public static bool TryParseBytes(string? quantity, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrEmpty(quantity))
            return false;

        int i = 0;
        bool negative = false;
        if (quantity[i] is '+' or '-')
        {
            negative = quantity[i] == '-';
            i++;
        }

        int intStart = i;
        while (i < quantity.Length && char.IsAsciiDigit(quantity[i])) i++;
        string intDigits = quantity[intStart..i];
        string fracDigits = "";
        if (i < quantity.Length && quantity[i] == '.')
        {
            int fracStart = ++i;
            while (i < quantity.Length && char.IsAsciiDigit(quantity[i])) i++;
            fracDigits = quantity[fracStart..i];
        }
        if (intDigits.Length + fracDigits.Length == 0)
            return false;

        if (!TrySuffix(quantity[i..], out BigInteger multiplier, out BigInteger divisor, out int exponent))
            return false;

        // value = significand x 10^(exponent - fraction digits) x multiplier / divisor, exactly.
        BigInteger significand = BigInteger.Parse("0" + intDigits + fracDigits, CultureInfo.InvariantCulture);
        if (significand.IsZero)
            return true;
        if (negative)
            return false;

        long power = (long)exponent - fracDigits.Length;
        if (power > 0)
        {
            // Any non-zero significand times 10^19 or more is beyond long.MaxValue (about 9.2e18).
            if (power >= 19)
                return false;
            significand *= BigInteger.Pow(10, (int)power);
        }
        else if (power < 0)
        {
            // With more than (digits + 20) places after the point the value is below 10^-20 x 2^60 < 1 byte:
            // it rounds up to 1 without computing a huge power of ten.
            long significantDigits = significand.ToString(CultureInfo.InvariantCulture).Length;
            if (-power > significantDigits + 20)
            {
                bytes = 1;
                return true;
            }
            divisor *= BigInteger.Pow(10, (int)-power);
        }

        BigInteger numerator = significand * multiplier;
        BigInteger value = BigInteger.DivRem(numerator, divisor, out BigInteger rest) + (rest.IsZero ? 0 : 1);
        if (value > long.MaxValue)
            return false;
        bytes = (long)value;
        return true;
    }

    private static bool TrySuffix(string suffix, out BigInteger multiplier, out BigInteger divisor, out int exponent)
    {
        multiplier = BigInteger.One;
        divisor = BigInteger.One;
        exponent = 0;
        switch (suffix)
        {
            case "": return true;
            case "m": divisor = 1000; return true; // milli: Kubernetes allows it; 1500m bytes rounds up to 2.
            case "k": multiplier = BigInteger.Pow(1000, 1); return true;
            case "M": multiplier = BigInteger.Pow(1000, 2); return true;
            case "G": multiplier = BigInteger.Pow(1000, 3); return true;
            case "T": multiplier = BigInteger.Pow(1000, 4); return true;
            case "P": multiplier = BigInteger.Pow(1000, 5); return true;
            case "E": multiplier = BigInteger.Pow(1000, 6); return true;
            case "Ki": multiplier = BigInteger.Pow(1024, 1); return true;
            case "Mi": multiplier = BigInteger.Pow(1024, 2); return true;
            case "Gi": multiplier = BigInteger.Pow(1024, 3); return true;
            case "Ti": multiplier = BigInteger.Pow(1024, 4); return true;
            case "Pi": multiplier = BigInteger.Pow(1024, 5); return true;
            case "Ei": multiplier = BigInteger.Pow(1024, 6); return true;
        }

        // An exponent: e or E, an optional sign and at least one digit ("1E" alone is exa, handled above).
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E'))
            return false;
        string digits = suffix[1..];
        int start = digits[0] is '+' or '-' ? 1 : 0;
        if (start == digits.Length || !digits[start..].All(char.IsAsciiDigit))
            return false;
        return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent);
    }

    private static readonly string[] SiUnits = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>
    /// A short size for tables in decimal SI units with 3 significant digits, e.g. "48.5 MB", "6.67 TB",
    /// "999 B". Decimal units, because the seed and the archive figures quote GB = 10^9 bytes.
    /// </summary>
    public static string Human(long bytes)
    {
        string sign = bytes < 0 ? "-" : "";
        decimal magnitude = Math.Abs((decimal)bytes);
        if (magnitude < 1000)
            return sign + magnitude.ToString("0", CultureInfo.InvariantCulture) + " B";

        int unit = 0;
        decimal value = magnitude;
        while (value >= 1000 && unit < SiUnits.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
        decimal rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded >= 1000 && unit < SiUnits.Length - 1)
        {
            // 999.7 kB rounds to 1000 kB: show it as 1.00 MB instead.
            rounded = Math.Round(value / 1000, 2, MidpointRounding.AwayFromZero);
            decimals = 2;
            unit++;
        }
        return sign + rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            + " " + SiUnits[unit];
    }
}
