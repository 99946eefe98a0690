namespace SrcNetInfra.Core.Verification;

/// <summary>
/// A file one selected product of a run must end up as in the ingest area, and the one-line JSON
/// <c>&lt;file&gt;.&lt;metadataSuffix&gt;</c> beside it (docs/workflow.md#the-meta-file: every ingested product gets one).
/// </summary>
/// <param name="Product">The product's name: visibility, dirty or cleaned.</param>
/// <param name="File">The file's (for the MeasurementSet, the directory's) name.</param>
public sealed record ExpectedProduct(string Product, string File, string FilePrefix, string MetadataSuffix)
{
    /// <summary>
    /// The expected files of the selected products, named as the workflow names them, FILE_PREFIX
    /// with no separator after it (docs/workflow.md#file_prefix-has-no-separator; i4Ds/Karabo-Pipeline,
    /// karabo/workflows/SRCNet_SKA-MID_AAstar.py: <c>f"{FILE_PREFIX}measurements.ms"</c> in
    /// <c>generate_visibilities</c>, <c>f"{FILE_PREFIX}dirty.fits"</c> in <c>create_dirty_image</c>,
    /// <c>f"{FILE_PREFIX}cleaned.fits"</c> in <c>create_cleaned_image</c>).
    /// </summary>
    public static IReadOnlyList<ExpectedProduct> For(string filePrefix, IEnumerable<string> products, string metadataSuffix) =>
        [.. products.Select(p => new ExpectedProduct(p, FileName(p, filePrefix), filePrefix, metadataSuffix))];

    private static string FileName(string product, string prefix) => product switch
    {
        "visibility" => prefix + "measurements.ms",
        "dirty" => prefix + "dirty.fits",
        "cleaned" => prefix + "cleaned.fits",
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "unknown product"),
    };

    /// <summary>True when a file or directory of this name is the product itself.</summary>
    public bool IsProduct(string name) => string.Equals(name, File, StringComparison.Ordinal);

    /// <summary>True when a file of this name is the product's metadata.</summary>
    public bool IsMetadata(string name)
    {
        var suffix = "." + MetadataSuffix;
        return name.EndsWith(suffix, StringComparison.Ordinal) && IsProduct(name[..^suffix.Length]);
    }
}
