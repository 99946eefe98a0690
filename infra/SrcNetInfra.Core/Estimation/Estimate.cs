namespace SrcNetInfra.Core.Estimation;

/// <summary>
/// The sizes of one workflow run, all in bytes, and its memory. Where each file lives is decided by
/// <see cref="Placement"/>: <see cref="ScratchBytes"/> is the peak of the scratch volume at /tmp,
/// <see cref="IngestPeakBytes"/> the peak of the ingest area during the run (transient files
/// included), <see cref="IngestBytes"/> what the run leaves in the ingest area.
/// </summary>
public sealed record Estimate
{
    public required long Channels { get; init; }
    public required int TimeSteps { get; init; }
    public required int Stations { get; init; }
    public required long Baselines { get; init; }
    public required int Polarizations { get; init; }

    /// <summary>Rows of the MeasurementSet main table: time steps x baselines.</summary>
    public required long Rows { get; init; }

    /// <summary>channels x time steps x baselines x polarisations (the seed's <c>num_measurements</c>).</summary>
    public required long Measurements { get; init; }

    /// <summary>The seed's MS minimum: measurements x 8 bytes (complex64).</summary>
    public required long VisibilityMinBytes { get; init; }

    /// <summary>The MeasurementSet as OSKAR writes it, before cleaning; see <see cref="MeasurementSet"/>.</summary>
    public required long VisibilityBytes { get; init; }

    /// <summary>The seed's image minimum: npixel^2 x 1 channel x 8 bytes (float64).</summary>
    public required long ImageMinBytes { get; init; }

    /// <summary>One FITS file as WSClean writes it (float32 data plus a 2-block header).</summary>
    public required long ImageBytes { get; init; }

    /// <summary>The MODEL_DATA column cleaning adds to the MS (whether or not the run cleans).</summary>
    public required long ModelDataBytes { get; init; }

    /// <summary>WSClean's reordering temp files during cleaning (whether or not the run cleans).</summary>
    public required long WscleanTempBytes { get; init; }

    /// <summary>How many FITS files the run puts in scratch: 0, 2 (dirty), 8 (dirty and cleaned) or 9 (cleaned without --dirty).</summary>
    public required int FitsInScratch { get; init; }

    /// <summary>Total of the <c>.meta</c> files written beside the ingested products.</summary>
    public required long MetaBytes { get; init; }

    /// <summary>The peak of scratch: everything the run puts there.</summary>
    public required long ScratchBytes { get; init; }

    /// <summary>What stays in scratch when the run ends (Karabo's WSClean folders): it piles up on a shared claim.</summary>
    public required long ScratchLeftBytes { get; init; }

    /// <summary>What one run leaves in the ingest area: its products and their <c>.meta</c>.</summary>
    public required long IngestBytes { get; init; }

    /// <summary>The peak of the ingest area during one run: <see cref="IngestBytes"/> plus what is deleted before the run ends.</summary>
    public required long IngestPeakBytes { get; init; }

    /// <summary>The seed's minimum for this run: the MS minimum plus one image minimum per distinct image made.</summary>
    public required long SeedMinimumBytes { get; init; }

    /// <summary>What occupies scratch at the peak of the run, in the order it is written; sums to <see cref="ScratchBytes"/>.</summary>
    public required IReadOnlyList<EstimatePart> Scratch { get; init; }

    /// <summary>
    /// What the run puts in the ingest area, in the order it is written; sums to <see cref="IngestPeakBytes"/>,
    /// and without the transient parts to <see cref="IngestBytes"/>.
    /// </summary>
    public required IReadOnlyList<EstimatePart> Ingest { get; init; }

    /// <summary>The MeasurementSet per column; sums to <see cref="VisibilityBytes"/>.</summary>
    public required IReadOnlyList<EstimatePart> MeasurementSet { get; init; }

    /// <summary>The run's memory, step by step.</summary>
    public required RunMemory Memory { get; init; }

    /// <summary>The run's peak memory: its largest step.</summary>
    public long MemoryBytes => Memory.PeakBytes;
}
