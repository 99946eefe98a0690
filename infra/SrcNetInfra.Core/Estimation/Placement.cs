using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Estimation;

/// <summary>The two volumes a run writes to.</summary>
public enum StorageArea
{
    /// <summary>The simulation's /tmp: OSKAR's MS without --visibility, Karabo's WSClean folders.</summary>
    Scratch,
    /// <summary>The ingestor's claim, mounted at /ingest: OUT_DIR/&lt;namespace&gt;/ is in it.</summary>
    IngestArea,
}

/// <summary>One file (or folder of files) a run writes, and the volume it is on.</summary>
public sealed record PlacedFile(StorageArea Area, EstimatePart Part);

/// <summary>The sizes of the things a run writes, before they are placed.</summary>
public sealed record ProductSizes(long MeasurementSet, long ModelData, long Reorder, long Image, long Meta);

/// <summary>
/// Where every file of a run lives, step by step, as Karabo's workflow
/// (karabo/workflows/SRCNet_SKA-MID_AAstar.py, <c>main</c>; karabo/imaging/imager_wsclean.py) does it:
/// <list type="number">
/// <item>OSKAR writes the MS into OUT_DIR/&lt;namespace&gt;/ with --visibility, else into a
/// <c>TemporaryDirectory</c> under /tmp (removed when the run ends).</item>
/// <item>With --visibility, the MS's <c>.meta</c> beside it.</item>
/// <item>With --dirty or --cleaned, WSClean's dirty run leaves 2 FITS in a Karabo folder under /tmp
/// (never removed); the copy <c>&lt;prefix&gt;dirty.fits</c> goes to the ingest area with --dirty,
/// else into the temporary directory; with --dirty its <c>.meta</c>.</item>
/// <item>With --cleaned, WSClean adds MODEL_DATA to the MS and writes reorder files beside it
/// (deleted when it ends), wherever the MS is; it leaves 6 FITS in a second Karabo folder; the copy
/// <c>&lt;prefix&gt;cleaned.fits</c> and its <c>.meta</c> go to the ingest area.</item>
/// </list>
/// Nothing is deleted before the run ends except the reorder files, so each volume's peak is the sum
/// of everything placed on it (an upper bound: the reorder files go as cleaning ends).
/// </summary>
public static class Placement
{
    /// <summary>The dirty WSClean run leaves wsclean-dirty.fits and wsclean-image.fits.</summary>
    public const int FitsPerDirtyRun = 2;

    /// <summary>The cleaning run leaves 6 FITS in its folder (the copied dirty image among them).</summary>
    public const int FitsPerCleanedRun = 6;

    public const string MeasurementSetName = "MeasurementSet";
    public const string MetaName = ".meta files";

    /// <summary>Everything the run writes, in the order the workflow writes it. No product selected: only the MS.</summary>
    public static IReadOnlyList<PlacedFile> For(ProductSelection products, ProductSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(sizes);
        var files = new List<PlacedFile>();
        var ms = products.Visibility ? StorageArea.IngestArea : StorageArea.Scratch;
        void Add(StorageArea area, string name, long bytes, string note, bool transient = false) =>
            files.Add(new PlacedFile(area, new EstimatePart(name, bytes, note, transient)));

        Add(ms, MeasurementSetName, sizes.MeasurementSet,
            products.Visibility
                ? "<prefix>measurements.ms: OSKAR writes it straight into OUT_DIR/<namespace>/ with --visibility (a directory: the ingestor may refuse it)"
                : "OSKAR writes it into a temporary directory under /tmp, removed when the run ends",
            transient: !products.Visibility);

        int metas = 0;
        if (products.Visibility) metas++;

        if (products.Dirty || products.Cleaned)
        {
            Add(StorageArea.Scratch, $"dirty image folder ({FitsPerDirtyRun} FITS)", checked(FitsPerDirtyRun * sizes.Image),
                "WSClean's dirty run in a Karabo folder under /tmp, never removed");
            if (products.Dirty)
            {
                Add(StorageArea.IngestArea, "dirty.fits", sizes.Image, "<prefix>dirty.fits, copied from the dirty image folder");
                metas++;
            }
            else
            {
                Add(StorageArea.Scratch, "dirty.fits copy (1 FITS)", sizes.Image,
                    "without --dirty the copy goes to the temporary directory, for cleaning to start from", transient: true);
            }
        }

        if (products.Cleaned)
        {
            Add(ms, "MODEL_DATA column", sizes.ModelData,
                "cleaning adds it to the MS, wherever the MS is; rows x (32 x channels + 24) + 0.1 %", transient: !products.Visibility);
            Add(ms, "WSClean reorder files", sizes.Reorder,
                "beside the MS while cleaning, deleted when it ends; rows x (38 + 20 x channels)", transient: true);
            Add(StorageArea.Scratch, $"cleaned image folder ({FitsPerCleanedRun} FITS)", checked(FitsPerCleanedRun * sizes.Image),
                "WSClean's cleaning run in a second Karabo folder under /tmp, never removed");
            Add(StorageArea.IngestArea, "cleaned.fits", sizes.Image, "<prefix>cleaned.fits, copied from the cleaned image folder");
            metas++;
        }

        if (metas > 0)
            Add(StorageArea.IngestArea, MetaName, checked(metas * sizes.Meta), $"{metas} one-line JSON file(s), one beside each product");
        return files;
    }

    /// <summary>The FITS files a run puts in scratch: 2 for the dirty image, 6 more when cleaning, 1 more for cleaning's copy without --dirty.</summary>
    public static int FitsInScratch(ProductSelection products) =>
        (products.Dirty || products.Cleaned ? FitsPerDirtyRun : 0)
        + (products.Cleaned ? FitsPerCleanedRun : 0)
        + (products.Cleaned && !products.Dirty ? 1 : 0);
}
