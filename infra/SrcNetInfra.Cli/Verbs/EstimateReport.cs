using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// The estimate as <c>srcnet estimate</c> prints it. The JSON field names are a contract
/// (README, "srcnet estimate"): bytes per run without headroom, requests as Kubernetes quantities.
/// </summary>
public sealed record EstimateReport(
    string Basis,
    IReadOnlyList<string> Products,
    long Channels,
    int TimeSteps,
    int Stations,
    long Baselines,
    int Polarizations,
    long Measurements,
    long VisibilityMinBytes,
    long VisibilityBytes,
    long ImageMinBytes,
    long ImageBytes,
    long ModelDataBytes,
    long WscleanTempBytes,
    int FitsInScratch,
    long SeedMinimumBytes,
    long ScratchBytes,
    long IngestBytes,
    double ScratchHeadroom,
    double IngestHeadroom,
    int RunsToHold,
    long IngestBytesToHold,
    string ScratchRequest,
    string IngestRequest,
    IReadOnlyList<EstimatePart> MeasurementSet,
    IReadOnlyList<EstimatePart> Scratch,
    IReadOnlyList<EstimatePart> Ingest,
    // Added for peaks and memory (docs/estimation.md); kept together so they move as one.
    long IngestPeakBytes,
    long MemoryBytes,
    string MemoryPeakStep,
    IReadOnlyList<MemoryStage> Memory,
    DurationReport? Duration = null,
    string? DurationHint = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static EstimateReport From(string basis, ProductSelection products, Estimate e, double scratchHeadroom, double ingestHeadroom, int runsToHold)
    {
        var toHold = Core.Validation.Sizing.IngestNeed(e, runsToHold);
        return new EstimateReport(
            basis, products.SelectedNames,
            e.Channels, e.TimeSteps, e.Stations, e.Baselines, e.Polarizations, e.Measurements,
            e.VisibilityMinBytes, e.VisibilityBytes, e.ImageMinBytes, e.ImageBytes,
            e.ModelDataBytes, e.WscleanTempBytes, e.FitsInScratch, e.SeedMinimumBytes,
            e.ScratchBytes, e.IngestBytes,
            scratchHeadroom, ingestHeadroom, runsToHold, toHold,
            StorageRequest.Gi(e.ScratchBytes, scratchHeadroom),
            StorageRequest.Gi(toHold, ingestHeadroom),
            e.MeasurementSet, e.Scratch, e.Ingest,
            e.IngestPeakBytes, e.MemoryBytes, e.Memory.Peak.Name, e.Memory.Stages);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public string ToTable()
    {
        var t = new StringBuilder();
        void Line(string text = "") => t.Append(text).Append('\n');
        void Row(string label, long bytes, string note = "") =>
            Line($"  {label,-34} {StorageRequest.Human(bytes),10}  {note}".TrimEnd());

        Line($"Estimate for {Basis}, products {string.Join(",", Products)}");
        Line($"  channels {Channels:N0}, time steps {TimeSteps:N0}, stations {Stations:N0} ({Baselines:N0} baselines), " +
             $"{Polarizations} polarizations: {Measurements:N0} visibilities");
        Line();
        Line("Products of one run");
        Row("MeasurementSet", VisibilityBytes, $"seed minimum {StorageRequest.Human(VisibilityMinBytes)}");
        foreach (var column in MeasurementSet) Row("  " + column.Name, column.Bytes);
        Row("FITS image, each", ImageBytes, $"seed minimum {StorageRequest.Human(ImageMinBytes)} (float64; WSClean writes float32)");
        Line();
        Line($"Scratch (/tmp), peak of one run");
        foreach (var part in Scratch) Row(part.Name, part.Bytes, part.Note);
        if (Scratch.Count == 0) Line("  nothing: with --visibility and no image the run writes only into the ingest area");
        Row("total", ScratchBytes, $"request {ScratchRequest} (x{Fmt(ScratchHeadroom)} headroom)");
        Line();
        Line("Ingest area, one run");
        foreach (var part in Ingest) Row(part.Name, part.Bytes, (part.Transient ? "transient: " : "") + part.Note);
        Row("left by the run", IngestBytes);
        if (IngestPeakBytes != IngestBytes) Row("peak during the run", IngestPeakBytes, "with the transient files");
        Row($"{RunsToHold} run(s) to hold", IngestBytesToHold,
            $"{RunsToHold} x left{(IngestPeakBytes != IngestBytes ? " + one run's transient" : "")}; request {IngestRequest} (x{Fmt(IngestHeadroom)} headroom)");
        Line();
        MemoryTable(Line, Row);
        Line();
        if (Duration is not null) Duration.WriteTable(t);
        else Line($"Duration: {DurationHint}");
        return t.ToString();
    }

    private void MemoryTable(Action<string> line, Action<string, long, string> row)
    {
        line($"Memory, peak of one run: {StorageRequest.Human(MemoryBytes)} in the {MemoryPeakStep} step (at least {StorageRequest.Gi(MemoryBytes, 1.0)})");
        foreach (var stage in Memory)
        {
            row(stage.Name, stage.Bytes, stage.Name == MemoryPeakStep ? "peak" : "");
            foreach (var part in stage.Parts) row("  " + part.Name, part.Bytes, part.Note);
        }
    }

    private static string Fmt(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
