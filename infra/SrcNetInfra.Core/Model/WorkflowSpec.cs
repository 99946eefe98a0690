namespace SrcNetInfra.Core.Model;

public enum WorkflowMode
{
    /// <summary>One run per deployment; a changed run is a new Job.</summary>
    Job,
    /// <summary>A run on a schedule (the seed's hourly variant).</summary>
    CronJob,
}

/// <summary>The Karabo simulation and how it is scheduled (<c>srcnet:workflow</c>).</summary>
/// <param name="Name">Base name of the Job or CronJob; a Job's name gets the run id appended.</param>
/// <param name="RunNumber">Bumped by a user to re-run a Job with otherwise unchanged inputs.</param>
public sealed record WorkflowSpec(
    WorkflowMode Mode,
    string Name,
    string Schedule,
    string? TimeZone,
    ContainerImage Image,
    ProductSelection Products,
    SimulationSpec Simulation,
    MetadataSpec Metadata,
    string OutDir,
    WorkloadResources Resources,
    IReadOnlyList<NodeRequirement> NodeAffinity,
    IReadOnlyList<TolerationSpec> Tolerations,
    int RunNumber,
    int? TtlSecondsAfterFinished,
    long? ActiveDeadlineSeconds,
    int SuccessfulJobsHistoryLimit,
    int FailedJobsHistoryLimit,
    long? StartingDeadlineSeconds)
{
    /// <summary><c>activeDeadlineSeconds: auto</c>: the deadline comes from the calibration's projection (then set in <see cref="ActiveDeadlineSeconds"/>).</summary>
    public bool ActiveDeadlineAuto { get; init; }

    /// <summary>The calibration in calibrations/ that durations are projected from (<c>srcnet:workflow.calibration</c>).</summary>
    public string? Calibration { get; init; }
}

public sealed record ContainerImage(string Repository, string Tag, string PullPolicy)
{
    public string Reference => $"{Repository}:{Tag}";
}

/// <summary>The simulation's environment variables (FACTS.md, "The workflow container").</summary>
/// <param name="ImagingCellsize">Radians per pixel, or null for the workflow's <c>None</c> (derived from the field of view).</param>
/// <param name="Stations">Not passed to the workflow (it always simulates AA*): the estimator's station count.</param>
public sealed record SimulationSpec(
    string SkyModel,
    double PhaseCenterRaDeg,
    double PhaseCenterDecDeg,
    double StartFreqHz,
    double EndFreqHz,
    double FreqIncHz,
    double ObsLengthHours,
    int NumTimeStamps,
    string StartDateAndTime,
    int ImagingNpixel,
    double? ImagingCellsize,
    int Stations);

/// <summary>
/// ObsCore and Rucio metadata. OBS_ID and FILE_PREFIX must be unique per run, so they are patterns
/// around <c>{run}</c>: a Job fills in its run id, a CronJob the UTC time of the run.
/// </summary>
public sealed record MetadataSpec(
    string RucioNamespace,
    long RucioLifetime,
    string IvoidAuthority,
    string IvoidPath,
    string ObsCollection,
    string ObsIdPattern,
    string FilePrefixPattern)
{
    public const string RunPlaceholder = "{run}";

    public string ObsIdFor(string run) => ObsIdPattern.Replace(RunPlaceholder, run, StringComparison.Ordinal);

    public string FilePrefixFor(string run) => FilePrefixPattern.Replace(RunPlaceholder, run, StringComparison.Ordinal);
}

public sealed record WorkloadResources(
    Quantity RequestsCpu,
    Quantity RequestsMemory,
    Quantity LimitsCpu,
    Quantity LimitsMemory,
    int Gpu);

/// <summary>A required node affinity term (the seed's site label, e.g. <c>hpc In ["true"]</c>).</summary>
public sealed record NodeRequirement(string Key, string Operator, IReadOnlyList<string> Values);

public sealed record TolerationSpec(string? Key, string Operator, string? Value, string? Effect);
