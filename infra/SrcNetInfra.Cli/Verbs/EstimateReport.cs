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
    IReadOnlyList<EstimatePart> Ingest)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static EstimateReport From(string basis, ProductSelection products, Estimate e, double scratchHeadroom, double ingestHeadroom, int runsToHold)
    {
        var toHold = checked(e.IngestBytes * runsToHold);
        return new EstimateReport(
            basis, products.SelectedNames,
            e.Channels, e.TimeSteps, e.Stations, e.Baselines, e.Polarizations, e.Measurements,
            e.VisibilityMinBytes, e.VisibilityBytes, e.ImageMinBytes, e.ImageBytes,
            e.ModelDataBytes, e.WscleanTempBytes, e.FitsInScratch, e.SeedMinimumBytes,
            e.ScratchBytes, e.IngestBytes,
            scratchHeadroom, ingestHeadroom, runsToHold, toHold,
            StorageRequest.Gi(e.ScratchBytes, scratchHeadroom),
            StorageRequest.Gi(toHold, ingestHeadroom),
            e.MeasurementSet, e.Scratch, e.Ingest);
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
        Row("total", ScratchBytes, $"request {ScratchRequest} (x{Fmt(ScratchHeadroom)} headroom)");
        Line();
        Line("Ingest area, products of one run");
        foreach (var part in Ingest) Row(part.Name, part.Bytes, part.Note);
        Row("total", IngestBytes);
        Row($"{RunsToHold} run(s) to hold", IngestBytesToHold, $"request {IngestRequest} (x{Fmt(IngestHeadroom)} headroom)");
        return t.ToString();
    }

    private static string Fmt(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
