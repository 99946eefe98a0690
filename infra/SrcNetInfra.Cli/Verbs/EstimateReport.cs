using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// The estimate as <c>srcnet estimate</c> prints it: Core's <see cref="Estimate"/> and the
/// <see cref="Sizing"/> that follows from it, as a table or as the flat JSON object whose field names
/// are a contract (README, "srcnet estimate"). Nothing here computes a size.
/// </summary>
public sealed record EstimateReport(
    string Basis,
    ProductSelection Products,
    Estimate Estimate,
    Sizing Sizing,
    double ScratchHeadroom,
    double IngestHeadroom,
    DurationReport? Duration = null,
    string? DurationHint = null)
{
    /// <summary>The JSON contract's version: raised when a field changes meaning or goes away.</summary>
    public const int JsonVersion = 2;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Plain characters (seed's, not seed\u0027s); control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => ToJsonObject().ToJsonString(Json) + "\n";

    /// <summary>The flat contract: one run's sizes from the estimate, the requests from the sizing.</summary>
    public JsonObject ToJsonObject()
    {
        var e = Estimate;
        JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, Json);
        return new JsonObject
        {
            ["version"] = JsonVersion,
            ["basis"] = Basis,
            ["products"] = Node(Products.SelectedNames),
            ["channels"] = e.Channels,
            ["timeSteps"] = e.TimeSteps,
            ["stations"] = e.Stations,
            ["baselines"] = e.Baselines,
            ["polarizations"] = e.Polarizations,
            ["measurements"] = e.Measurements,
            ["visibilityMinBytes"] = e.VisibilityMinBytes,
            ["visibilityBytes"] = e.VisibilityBytes,
            ["imageMinBytes"] = e.ImageMinBytes,
            ["imageBytes"] = e.ImageBytes,
            ["modelDataBytes"] = e.ModelDataBytes,
            ["wscleanTempBytes"] = e.WscleanTempBytes,
            ["fitsInScratch"] = e.FitsInScratch,
            ["seedMinimumBytes"] = e.SeedMinimumBytes,
            ["scratchBytes"] = e.ScratchBytes,
            ["ingestBytes"] = e.IngestBytes,
            ["ingestPeakBytes"] = e.IngestPeakBytes,
            ["scratchHeadroom"] = ScratchHeadroom,
            ["ingestHeadroom"] = IngestHeadroom,
            ["runsToHold"] = Sizing.RunsToHold,
            ["ingestBytesToHold"] = Sizing.IngestBytesToHold,
            ["scratchRequest"] = Sizing.ScratchRequest.Text,
            ["ingestRequest"] = Sizing.IngestRequest.Text,
            ["memoryBytes"] = e.MemoryBytes,
            ["memoryPeakStep"] = e.Memory.Peak.Name,
            ["measurementSet"] = Node(e.MeasurementSet),
            ["scratch"] = Node(e.Scratch),
            ["ingest"] = Node(e.Ingest),
            ["memory"] = Node(e.Memory.Stages),
            ["duration"] = Duration is null ? null : Node(Duration),
            ["durationHint"] = DurationHint,
        };
    }

    public string ToTable()
    {
        var e = Estimate;
        var t = new StringBuilder();
        void Line(string text = "") => t.Append(text).Append('\n');
        void Row(string label, long bytes, string note = "") =>
            Line($"  {label,-34} {StorageRequest.Human(bytes),10}  {note}".TrimEnd());

        Line($"Estimate for {Basis}, products {Products}");
        Line($"  channels {e.Channels:N0}, time steps {e.TimeSteps:N0}, stations {e.Stations:N0} ({e.Baselines:N0} baselines), " +
             $"{e.Polarizations} polarizations: {e.Measurements:N0} visibilities");
        Line();
        Line("Products of one run");
        Row("MeasurementSet", e.VisibilityBytes, $"seed minimum {StorageRequest.Human(e.VisibilityMinBytes)}");
        foreach (var column in e.MeasurementSet) Row("  " + column.Name, column.Bytes);
        Row("FITS image, each", e.ImageBytes, $"seed minimum {StorageRequest.Human(e.ImageMinBytes)} (float64; WSClean writes float32)");
        Line();
        Line($"Scratch (/tmp), peak of one run");
        foreach (var part in e.Scratch) Row(part.Name, part.Bytes, part.Note);
        if (e.Scratch.Count == 0) Line("  nothing: with --visibility and no image the run writes only into the ingest area");
        Row("total", e.ScratchBytes, $"request {Sizing.ScratchRequest.Text} (x{Fmt(ScratchHeadroom)} headroom)");
        Line();
        Line("Ingest area, one run");
        foreach (var part in e.Ingest) Row(part.Name, part.Bytes, (part.Transient ? "transient: " : "") + part.Note);
        Row("left by the run", e.IngestBytes);
        if (e.IngestPeakBytes != e.IngestBytes) Row("peak during the run", e.IngestPeakBytes, "with the transient files");
        Row($"{Sizing.RunsToHold} run(s) to hold", Sizing.IngestBytesToHold,
            $"{Sizing.RunsToHold} x left{(e.IngestPeakBytes != e.IngestBytes ? " + one run's transient" : "")}; request {Sizing.IngestRequest.Text} (x{Fmt(IngestHeadroom)} headroom)");
        Line();
        Line($"Memory, peak of one run: {StorageRequest.Human(e.MemoryBytes)} in the {e.Memory.Peak.Name} step (at least {StorageRequest.Gi(e.MemoryBytes, 1.0)})");
        foreach (var stage in e.Memory.Stages)
        {
            Row(stage.Name, stage.Bytes, stage.Name == e.Memory.Peak.Name ? "peak" : "");
            foreach (var part in stage.Parts) Row("  " + part.Name, part.Bytes, part.Note);
        }
        Line();
        if (Duration is not null) Duration.WriteTable(t);
        else Line($"Duration: {DurationHint}");
        return t.ToString();
    }

    private static string Fmt(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
