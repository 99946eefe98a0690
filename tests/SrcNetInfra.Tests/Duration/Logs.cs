using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Duration;

/// <summary>
/// Logs of runs as the pod would have them, written after the workflow's own prints
/// (i4Ds/Karabo-Pipeline, karabo/workflows/SRCNet_SKA-MID_AAstar.py <c>main</c>: <c>print(f"{datetime.now()} Starting simulation")</c>
/// and the others; karabo/imaging/imager_wsclean.py prints the WSClean command and its whole output):
/// <list type="bullet">
/// <item>prod-cpu-finished.log: the prod stack's dirty+cleaned run on CPUs, saved with <c>kubectl logs --timestamps</c>
/// (Python's buffered stdout reaches the kubelet in bursts, so many lines share a kubelet time).</item>
/// <item>prod-cpu-failed.log: the same stack, failed at the start of cleaning (the ingestor had taken dirty.fits away) with a traceback.</item>
/// <item>dev-gpu-finished.log: a dirty-only run with a GPU (OSKAR's warnings among the lines), saved without timestamps;
/// its first workflow time has no fraction, as <c>str(datetime)</c> writes a zero microsecond.</item>
/// </list>
/// </summary>
internal static class Logs
{
    public static string PathOf(string name) => Path.Combine(Repo.Root, "tests", "SrcNetInfra.Tests", "Duration", "Logs", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public const string ProdFinished = "prod-cpu-finished.log";
    public const string ProdFailed = "prod-cpu-failed.log";
    public const string DevGpu = "dev-gpu-finished.log";
}
