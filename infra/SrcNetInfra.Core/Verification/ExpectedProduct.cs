namespace SrcNetInfra.Core.Verification;

/// <summary>
/// A file one selected product of a run must end up as in the ingest area, and the one-line JSON
/// <c>&lt;file&gt;.&lt;metadataSuffix&gt;</c> beside it (docs/workflow.md#the-meta-file: every ingested product gets one).
/// </summary>
/// <param name="Product">The product's name: visibility, dirty or cleaned.</param>
/// <param name="File">The file's name, or for the MeasurementSet a pattern (<c>&lt;prefix&gt;*.ms</c>).</param>
public sealed record ExpectedProduct(string Product, string File, string FilePrefix, string MetadataSuffix)
{
    public const string MeasurementSetExtension = ".ms";

    /// <summary>
    /// The expected files of the selected products. The workflow copies <c>&lt;prefix&gt;dirty.fits</c>
    /// and <c>&lt;prefix&gt;cleaned.fits</c> (docs/workflow.md#product-flags); the MeasurementSet's name is not documented,
    /// so any <c>&lt;prefix&gt;*.ms</c> is taken as it (inferred).
    /// </summary>
    public static IReadOnlyList<ExpectedProduct> For(string filePrefix, IEnumerable<string> products, string metadataSuffix) =>
        [.. products.Select(p => new ExpectedProduct(p, FileName(p, filePrefix), filePrefix, metadataSuffix))];

    private static string FileName(string product, string prefix) => product switch
    {
        "visibility" => prefix + "*" + MeasurementSetExtension,
        "dirty" => prefix + "dirty.fits",
        "cleaned" => prefix + "cleaned.fits",
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "unknown product"),
    };

    private bool IsPattern => Product == "visibility";

    /// <summary>True when a file or directory of this name is the product itself.</summary>
    public bool IsProduct(string name) =>
        IsPattern
            ? name.StartsWith(FilePrefix, StringComparison.Ordinal) && name.EndsWith(MeasurementSetExtension, StringComparison.Ordinal)
            : string.Equals(name, File, StringComparison.Ordinal);

    /// <summary>True when a file of this name is the product's metadata.</summary>
    public bool IsMetadata(string name)
    {
        var suffix = "." + MetadataSuffix;
        return name.EndsWith(suffix, StringComparison.Ordinal) && IsProduct(name[..^suffix.Length]);
    }
}
