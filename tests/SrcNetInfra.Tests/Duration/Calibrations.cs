using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Tests.Duration;

/// <summary>Calibrations for the tests: the seed's example run on a 16-CPU node, with round stage times.</summary>
internal static class Calibrations
{
    public static readonly CalibratedRun SeedRun = new(
        "prod", "ghcr.io/i4ds/karabo-pipeline:0.34.0", new ProductSelection(false, true, true),
        144, 1.304e9, 1.375e9, 17_750_000, 24, 2024, 150.12, 2.21, "8", "16", "64Gi", "128Gi", 0);

    public static readonly IReadOnlyDictionary<RunStage, double> SeedSeconds = new Dictionary<RunStage, double>
    {
        [RunStage.Startup] = 30,
        [RunStage.Simulation] = 170,
        [RunStage.DirtyImage] = 60,
        [RunStage.DirtyMetadata] = 2,
        [RunStage.CleanedImage] = 456,
        [RunStage.CleanedMetadata] = 2,
    };

    public static Calibration Seed(string name = "seed-cpu") =>
        new(name, "CHSRC_XRD_DEV", "cpu-64c", SeedRun, SeedSeconds, true, "log file prod.log", new DateTime(2026, 11, 25, 13, 1, 12, DateTimeKind.Utc));

    /// <summary>A shape with the seed's sky (same phase centre and band, so the same sources).</summary>
    public static RunShape Shape(int timeSteps = 24, int npixel = 2024, long channels = 4, ProductSelection? products = null, int gpus = 0) =>
        new(144, channels, timeSteps, npixel, SeedRun.Shape().Sources, products ?? SeedRun.Products, gpus, 16);
}
