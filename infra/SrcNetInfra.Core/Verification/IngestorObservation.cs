namespace SrcNetInfra.Core.Verification;

/// <summary>The ingestor's pod as found in the namespace, classified like a run's pod.</summary>
public sealed record IngestorObservation(string PodName, RunState State);
