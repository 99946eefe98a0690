namespace SrcNetInfra.Core.Model;

public enum WorkflowMode
{
    /// <summary>One run per deployment; a changed run is a new Job.</summary>
    Job,
    /// <summary>A run on a schedule (the seed's hourly variant).</summary>
    CronJob,
    /// <summary>Many runs, one per point of <c>srcnet:campaign</c>, as one Indexed Job (docs/campaign.md).</summary>
    Campaign,
}

/// <summary>
/// The Karabo simulation and how it is scheduled (<c>srcnet:workflow</c>). Named members, not a
/// positional list: eighteen values side by side could be swapped without the compiler noticing.
/// </summary>
public sealed record WorkflowSpec
{
    public required WorkflowMode Mode { get; init; }

    /// <summary>Base name of the Job or CronJob; a Job's name gets the run id appended.</summary>
    public required string Name { get; init; }

    public required string Schedule { get; init; }
    public required string? TimeZone { get; init; }
    public required ContainerImage Image { get; init; }
    public required ProductSelection Products { get; init; }
    public required SimulationSpec Simulation { get; init; }
    public required MetadataSpec Metadata { get; init; }
    public required string OutDir { get; init; }
    public required WorkloadResources Resources { get; init; }
    public required IReadOnlyList<NodeRequirement> NodeAffinity { get; init; }
    public required IReadOnlyList<TolerationSpec> Tolerations { get; init; }

    /// <summary>Bumped by a user to re-run a Job with otherwise unchanged inputs.</summary>
    public required int RunNumber { get; init; }

    public required int? TtlSecondsAfterFinished { get; init; }
    public required long? ActiveDeadlineSeconds { get; init; }
    public required int SuccessfulJobsHistoryLimit { get; init; }
    public required int FailedJobsHistoryLimit { get; init; }
    public required long? StartingDeadlineSeconds { get; init; }

    /// <summary>A claim that keeps the downloaded sky model between runs; null: every run downloads it.</summary>
    public required SkyModelCacheSpec? SkyModelCache { get; init; }

    /// <summary><c>activeDeadlineSeconds: auto</c>: the deadline comes from the calibration's projection (then set in <see cref="ActiveDeadlineSeconds"/>).</summary>
    public bool ActiveDeadlineAuto { get; init; }

    /// <summary>The calibration in calibrations/ that durations are projected from (<c>srcnet:workflow.calibration</c>).</summary>
    public string? Calibration { get; init; }
}

/// <summary>
/// The sky model cache (<c>srcnet:workflow.skyModelCache</c>): each run downloads the MIGHTEE
/// catalogue into XDG_CACHE_HOME (docs/workflow.md#the-mightee-sky-model-download); on a claim that
/// outlives the runs it is downloaded once.
/// </summary>
public sealed record SkyModelCacheSpec(Quantity Size, string? StorageClass, string AccessMode);

public sealed record ContainerImage(string Repository, string Tag, string PullPolicy)
{
    public string Reference => $"{Repository}:{Tag}";
}

/// <summary>
/// The simulation's environment variables (docs/workflow.md#environment-variables). Named members: several adjacent
/// doubles (frequencies, coordinates) must not be swappable by position.
/// </summary>
public sealed record SimulationSpec
{
    public required string SkyModel { get; init; }
    public required double PhaseCenterRaDeg { get; init; }
    public required double PhaseCenterDecDeg { get; init; }
    public required double StartFreqHz { get; init; }
    public required double EndFreqHz { get; init; }
    public required double FreqIncHz { get; init; }
    public required double ObsLengthHours { get; init; }
    public required int NumTimeStamps { get; init; }
    public required string StartDateAndTime { get; init; }
    public required int ImagingNpixel { get; init; }

    /// <summary>Radians per pixel, or null for the workflow's <c>None</c> (derived from the field of view).</summary>
    public required double? ImagingCellsize { get; init; }

    /// <summary>Not passed to the workflow (it always simulates AA*): the estimator's station count.</summary>
    public required int Stations { get; init; }
}

/// <summary>
/// ObsCore and Rucio metadata. OBS_ID and FILE_PREFIX must be unique per run, so they are patterns
/// around <c>{run}</c>: a Job fills in its run id, a CronJob the UTC time of the run.
/// </summary>
public sealed record MetadataSpec
{
    public const string RunPlaceholder = "{run}";

    public required string RucioNamespace { get; init; }
    public required long RucioLifetime { get; init; }
    public required string IvoidAuthority { get; init; }
    public required string IvoidPath { get; init; }
    public required string ObsCollection { get; init; }
    public required string ObsIdPattern { get; init; }
    public required string FilePrefixPattern { get; init; }

    public string ObsIdFor(string run) => ObsIdPattern.Replace(RunPlaceholder, run, StringComparison.Ordinal);

    public string FilePrefixFor(string run) => FilePrefixPattern.Replace(RunPlaceholder, run, StringComparison.Ordinal);
}

public sealed record WorkloadResources
{
    public required Quantity RequestsCpu { get; init; }
    public required Quantity RequestsMemory { get; init; }
    public required Quantity LimitsCpu { get; init; }
    public required Quantity LimitsMemory { get; init; }
    public required int Gpu { get; init; }
}

/// <summary>A required node affinity term (the seed's site label, e.g. <c>hpc In ["true"]</c>).</summary>
public sealed record NodeRequirement(string Key, string Operator, IReadOnlyList<string> Values);

public sealed record TolerationSpec(string? Key, string Operator, string? Value, string? Effect);
