using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Validation;

/// <summary>
/// What the environment's volumes are sized to: the estimate of one run, and the sizes actually
/// requested for scratch (one run's peak) and for the ingest area (<c>runsToHold</c> runs' products).
/// </summary>
public sealed record Sizing(
    Estimate Estimate,
    Quantity ScratchRequest,
    Quantity IngestRequest,
    long IngestBytesToHold,
    int RunsToHold)
{
    /// <summary>The keys sizing reads: the simulation and products (the estimate), and both volumes' settings.</summary>
    public static readonly string[] Inputs =
        ["srcnet:workflow.simulation", "srcnet:workflow.products", "srcnet:scratch", "srcnet:ingestor.persistence"];

    public static EstimateInput InputFor(SimulationSpec simulation, ProductSelection products) => new()
    {
        Stations = simulation.Stations,
        StartFreqHz = simulation.StartFreqHz,
        EndFreqHz = simulation.EndFreqHz,
        FreqIncHz = simulation.FreqIncHz,
        TimeSteps = simulation.NumTimeStamps,
        ImagingNpixel = simulation.ImagingNpixel,
        Products = products,
    };

    /// <summary>
    /// Sizes the volumes of <paramref name="spec"/>; explicit sizes win, with a warning or an error
    /// when they cannot hold what the estimate says a run writes.
    /// </summary>
    public static Sizing For(EnvironmentSpec spec, Estimate estimate, Problems problems)
    {
        var scratch = spec.Scratch;
        var scratchRequest = scratch.Size.ExplicitSize ?? Quantity.Parse(StorageRequest.Gi(estimate.ScratchBytes, scratch.Headroom));
        if (scratch.Size.ExplicitSize is { } explicitScratch && explicitScratch.Value < estimate.ScratchBytes)
        {
            problems.Warning("srcnet:scratch.size",
                $"{explicitScratch.Text} ({StorageRequest.Human((long)explicitScratch.Value)}) is below the estimated peak scratch of one run, " +
                $"{StorageRequest.Human(estimate.ScratchBytes)} ({estimate.ScratchBytes} bytes); the run may fail when /tmp fills up");
        }

        var persistence = spec.Ingestor.Persistence;
        var toHold = checked(estimate.IngestBytes * persistence.RunsToHold);
        var ingestRequest = persistence.Size.ExplicitSize ?? Quantity.Parse(StorageRequest.Gi(toHold, persistence.Headroom));
        if (persistence.Size.ExplicitSize is { } explicitIngest && explicitIngest.Value < toHold)
        {
            problems.Error("srcnet:ingestor.persistence.size",
                $"{explicitIngest.Text} ({StorageRequest.Human((long)explicitIngest.Value)}) cannot hold the products of " +
                $"{persistence.RunsToHold} run(s) (runsToHold), estimated at {StorageRequest.Human(toHold)} ({toHold} bytes); " +
                "raise the size, use auto, or lower runsToHold");
        }
        return new Sizing(estimate, scratchRequest, ingestRequest, toHold, persistence.RunsToHold);
    }
}
