namespace SrcNetInfra.Core.Verification;

/// <summary>Where a selected product of a run stands in the ingestor.</summary>
public enum ProductState
{
    /// <summary>In processed, with its metadata.</summary>
    Ingested,
    /// <summary>Still in staging: the ingestor has not taken it yet (it polls every few seconds).</summary>
    Waiting,
    /// <summary>In failed_processing: the ingestor tried and gave up.</summary>
    Failed,
    /// <summary>Nowhere (or ingested without its metadata).</summary>
    Missing,
    /// <summary>Nowhere, and the run ended longer ago than the janitor keeps processed products: ingested, then removed (<see cref="ProductExpiry"/>).</summary>
    Expired,
}

/// <summary>One selected product of a run: its file, its state and where it was found.</summary>
/// <param name="Path">Where the product (or, failing that, its metadata) was found; null when missing.</param>
/// <param name="Detail">What a user should know beyond the state, e.g. which file is missing.</param>
public sealed record ProductStatus(string Product, string File, ProductState State, string? Path, string? Detail)
{
    /// <summary>The state as the report and the JSON write it.</summary>
    public string StateName => VerifyWords.Product.Of(State);

    /// <summary>
    /// Each expected product's state from the listing. A product that reached failed_processing has
    /// failed even if a copy is still staged; one in processed is ingested only with its metadata
    /// beside it in processed (the metadata still in staging means the ingestor is not done).
    /// </summary>
    /// <param name="expired">Why a product found nowhere has expired (<see cref="ProductExpiry.Why"/>); null: it is missing.</param>
    public static IReadOnlyList<ProductStatus> From(IReadOnlyList<ExpectedProduct> expected, IngestListing listing, string? expired = null) =>
        [.. expected.Select(e => Of(e, listing, expired))];

    private static ProductStatus Of(ExpectedProduct e, IngestListing listing, string? expired)
    {
        ListedEntry? Product(IngestArea area) => listing.Entries.FirstOrDefault(x => x.Area == area && e.IsProduct(x.Name));
        ListedEntry? Metadata(IngestArea area) => listing.Entries.FirstOrDefault(x => x.Area == area && e.IsMetadata(x.Name));
        // The name it was found under (the expected one: products are matched by their exact name).
        string Name(ListedEntry? x) => x?.Name ?? e.File;

        var failed = Product(IngestArea.Failed);
        var failedMeta = Metadata(IngestArea.Failed);
        if (failed is not null || failedMeta is not null)
        {
            var what = failed is null ? "its metadata" : "it";
            return new ProductStatus(e.Product, Name(failed), ProductState.Failed, (failed ?? failedMeta)!.Path,
                $"the ingestor moved {what} to failed_processing; its log says why");
        }

        var processed = Product(IngestArea.Processed);
        var processedMeta = Metadata(IngestArea.Processed);
        var staged = Product(IngestArea.Staging);
        var stagedMeta = Metadata(IngestArea.Staging);
        if (processed is not null && processedMeta is not null)
            return new ProductStatus(e.Product, Name(processed), ProductState.Ingested, processed.Path, null);
        if (staged is not null || stagedMeta is not null)
        {
            var detail = staged is null ? "its metadata is still in staging" : stagedMeta is null ? $"in staging without its .{e.MetadataSuffix} file" : null;
            return new ProductStatus(e.Product, Name(processed ?? staged), ProductState.Waiting, (staged ?? stagedMeta)!.Path, detail);
        }
        if (processed is not null)
            return new ProductStatus(e.Product, Name(processed), ProductState.Missing, processed.Path,
                $"in processed, but its metadata {Name(processed)}.{e.MetadataSuffix} is nowhere");
        if (processedMeta is not null)
            return new ProductStatus(e.Product, e.File, ProductState.Missing, processedMeta.Path,
                "only its metadata is in processed; the product itself is nowhere");
        return expired is not null
            ? new ProductStatus(e.Product, e.File, ProductState.Expired, null, expired)
            : new ProductStatus(e.Product, e.File, ProductState.Missing, null, "not in staging, processed or failed_processing");
    }
}
