using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>A product found nowhere is expired only when the janitor may have removed it: a retention, a known end, and longer ago than it.</summary>
public class ProductExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void A_run_that_ended_longer_ago_than_the_retention_has_expired_products() =>
        Assert.Contains("the run ended 7d 01h ago: the janitor removes processed products after srcnet:retention.processed (7d)",
            ProductExpiry.Why(Now - Week - TimeSpan.FromHours(1), Week, "7d", Now));

    [Fact]
    public void Inside_the_retention_or_exactly_at_it_a_product_found_nowhere_is_missing()
    {
        Assert.Null(ProductExpiry.Why(Now - Week, Week, "7d", Now));
        Assert.Null(ProductExpiry.Why(Now - TimeSpan.FromDays(1), Week, "7d", Now));
    }

    [Fact]
    public void Without_a_janitor_or_a_known_end_nothing_expires()
    {
        Assert.Null(ProductExpiry.Why(Now - TimeSpan.FromDays(400), null, null, Now));
        Assert.Null(ProductExpiry.Why(null, Week, "7d", Now));
    }
}
