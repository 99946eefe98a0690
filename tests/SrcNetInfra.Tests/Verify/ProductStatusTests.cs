using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Verify;

/// <summary>A product's state from where its file and its metadata were found (offline).</summary>
public class ProductStatusTests
{
    private const string P = "r-";
    private static readonly IReadOnlyList<ExpectedProduct> Dirty = ExpectedProduct.For(P, ["dirty"], "meta");

    private static ProductStatus StateOf(params (IngestArea Area, string Name)[] entries) =>
        Assert.Single(ProductStatus.From(Dirty, new IngestListing([.. entries.Select(e => new ListedEntry(e.Area, $"/x/{e.Area}/{e.Name}"))], [])));

    [Fact]
    public void In_processed_with_its_metadata_is_ingested()
    {
        var s = StateOf((IngestArea.Processed, P + "dirty.fits"), (IngestArea.Processed, P + "dirty.fits.meta"));

        Assert.Equal(ProductState.Ingested, s.State);
        Assert.Equal("ingested", s.StateName);
        Assert.Equal($"/x/Processed/{P}dirty.fits", s.Path);
    }

    [Fact]
    public void In_staging_is_waiting_with_or_without_its_metadata()
    {
        Assert.Equal(ProductState.Waiting, StateOf((IngestArea.Staging, P + "dirty.fits"), (IngestArea.Staging, P + "dirty.fits.meta")).State);
        Assert.Equal(ProductState.Waiting, StateOf((IngestArea.Staging, P + "dirty.fits")).State);
        Assert.Equal(ProductState.Waiting, StateOf((IngestArea.Staging, P + "dirty.fits.meta")).State);
    }

    [Fact]
    public void In_processed_while_its_metadata_is_still_staged_is_waiting()
    {
        Assert.Equal(ProductState.Waiting, StateOf((IngestArea.Processed, P + "dirty.fits"), (IngestArea.Staging, P + "dirty.fits.meta")).State);
    }

    [Fact]
    public void Anything_in_failed_processing_is_failed_even_with_a_copy_elsewhere()
    {
        Assert.Equal(ProductState.Failed, StateOf((IngestArea.Failed, P + "dirty.fits")).State);
        Assert.Equal(ProductState.Failed, StateOf((IngestArea.Failed, P + "dirty.fits.meta"), (IngestArea.Staging, P + "dirty.fits")).State);
        Assert.Equal(ProductState.Failed, StateOf((IngestArea.Failed, P + "dirty.fits"), (IngestArea.Processed, P + "dirty.fits"), (IngestArea.Processed, P + "dirty.fits.meta")).State);
    }

    [Fact]
    public void Nowhere_is_missing()
    {
        var s = StateOf((IngestArea.Processed, "other-dirty.fits"));

        Assert.Equal(ProductState.Missing, s.State);
        Assert.Null(s.Path);
        Assert.Equal("not in staging, processed or failed_processing", s.Detail);
    }

    [Fact]
    public void Ingested_without_its_metadata_is_missing_and_says_which_file()
    {
        var s = StateOf((IngestArea.Processed, P + "dirty.fits"));

        Assert.Equal(ProductState.Missing, s.State);
        Assert.Contains($"{P}dirty.fits.meta is nowhere", s.Detail);
    }

    [Fact]
    public void The_MeasurementSet_is_reported_under_the_workflows_name_for_it()
    {
        var vis = ExpectedProduct.For(P, ["visibility"], "meta");
        var listing = new IngestListing([new(IngestArea.Processed, $"/p/{P}measurements.ms"), new(IngestArea.Processed, $"/p/{P}measurements.ms.meta")], []);

        var s = Assert.Single(ProductStatus.From(vis, listing));

        Assert.Equal(ProductState.Ingested, s.State);
        Assert.Equal($"{P}measurements.ms", s.File);
    }

    [Fact]
    public void Another_runs_products_whose_prefix_starts_with_this_ones_are_not_this_runs()
    {
        // The listing finds run-10's files for run-1 (find -name "run-1*"); only exact names count.
        var vis = ExpectedProduct.For("run-1", ["visibility", "dirty"], "meta");
        var listing = new IngestListing(
            [
                new(IngestArea.Processed, "/p/run-10measurements.ms"), new(IngestArea.Processed, "/p/run-10measurements.ms.meta"),
                new(IngestArea.Failed, "/f/run-10dirty.fits"), new(IngestArea.Failed, "/f/run-10dirty.fits.meta"),
            ], []);

        Assert.All(ProductStatus.From(vis, listing), s => Assert.Equal(ProductState.Missing, s.State));
    }

    [Fact]
    public void Every_selected_product_gets_a_state_in_canonical_order()
    {
        var all = ExpectedProduct.For(P, ["visibility", "dirty", "cleaned"], "meta");

        var states = ProductStatus.From(all, new IngestListing([], []));

        Assert.Equal(["visibility", "dirty", "cleaned"], states.Select(s => s.Product));
        Assert.All(states, s => Assert.Equal(ProductState.Missing, s.State));
    }
}
