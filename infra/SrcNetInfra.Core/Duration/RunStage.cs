using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Duration;

/// <summary>
/// The steps of a run as the workflow's log marks them: each starts at a timestamped line the
/// workflow prints (i4Ds/Karabo-Pipeline, karabo/workflows/SRCNet_SKA-MID_AAstar.py, <c>main</c>:
/// <c>print(f"{datetime.now()} Starting simulation")</c> and so on) and ends at the next one.
/// <see cref="Startup"/> runs from the first line of the pod's log (our run marker) to the first of
/// the workflow's, and is only known from a log with the kubelet's timestamps.
/// </summary>
public enum RunStage
{
    Startup,
    Simulation,
    VisibilityMetadata,
    DirtyImage,
    DirtyMetadata,
    CleanedImage,
    CleanedMetadata,
}

public static class RunStages
{
    /// <summary>The line that ends the last step of a run that finished.</summary>
    public const string FinishedMessage = "Simulation workflow finished";

    /// <summary>The stages in the order a run goes through them.</summary>
    public static IReadOnlyList<RunStage> All { get; } = Enum.GetValues<RunStage>();

    /// <summary>The name in calibration files and JSON: simulation, dirtyImage, ...</summary>
    public static string Key(RunStage stage) => stage switch
    {
        RunStage.Startup => "startup",
        RunStage.Simulation => "simulation",
        RunStage.VisibilityMetadata => "visibilityMetadata",
        RunStage.DirtyImage => "dirtyImage",
        RunStage.DirtyMetadata => "dirtyMetadata",
        RunStage.CleanedImage => "cleanedImage",
        RunStage.CleanedMetadata => "cleanedMetadata",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static RunStage? FromKey(string key) => All.Cast<RunStage?>().FirstOrDefault(s => Key(s!.Value) == key);

    /// <summary>For people: "dirty image", "cleaned image metadata".</summary>
    public static string Describe(RunStage stage) => stage switch
    {
        RunStage.Startup => "start-up",
        RunStage.Simulation => "simulation",
        RunStage.VisibilityMetadata => "visibility metadata",
        RunStage.DirtyImage => "dirty image",
        RunStage.DirtyMetadata => "dirty image metadata",
        RunStage.CleanedImage => "cleaned image",
        RunStage.CleanedMetadata => "cleaned image metadata",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>The workflow's line that starts the stage; none for <see cref="RunStage.Startup"/>.</summary>
    public static string? LogMessage(RunStage stage) => stage switch
    {
        RunStage.Simulation => "Starting simulation",
        RunStage.VisibilityMetadata => "Creating visibility metadata",
        RunStage.DirtyImage => "Creating dirty image",
        RunStage.DirtyMetadata => "Creating dirty image metadata",
        RunStage.CleanedImage => "Creating cleaned image",
        RunStage.CleanedMetadata => "Creating cleaned image metadata",
        _ => null,
    };

    /// <summary>The workflow's stages a run with these products goes through (start-up aside).</summary>
    public static IReadOnlyList<RunStage> For(ProductSelection products)
    {
        var stages = new List<RunStage> { RunStage.Simulation };
        if (products.Visibility) stages.Add(RunStage.VisibilityMetadata);
        if (products.Dirty || products.Cleaned) stages.Add(RunStage.DirtyImage);
        if (products.Dirty) stages.Add(RunStage.DirtyMetadata);
        if (products.Cleaned)
        {
            stages.Add(RunStage.CleanedImage);
            stages.Add(RunStage.CleanedMetadata);
        }
        return stages;
    }
}
