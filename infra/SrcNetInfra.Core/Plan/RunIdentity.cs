using System.Security.Cryptography;
using System.Text;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// What makes a Job run a distinct run. The Pulumi program gives these to a RandomId as keepers, so
/// the run id (and with it the Job's name, OBS_ID and FILE_PREFIX) changes exactly when a run-defining
/// input changes, and stays put across a no-op <c>pulumi up</c>. Offline, <see cref="DeterministicId"/>
/// derives a stand-in id from the same keepers.
/// </summary>
public static class RunIdentity
{
    /// <summary>Bytes of the RandomId: 8 hex digits keep Job names short and collisions unlikely.</summary>
    public const int IdBytes = 4;

    /// <summary>Stands for the run id where a value must not depend on it (the Job digest).</summary>
    public const string Placeholder = "00000000";

    /// <summary>
    /// The keepers, sorted by name. Besides the named inputs, <c>jobTemplate</c> is a digest of the
    /// whole Job as it would be rendered: Job specs are immutable, so any change to them (resources,
    /// placement, scratch size) must make a new Job under a new name rather than a failed update.
    /// </summary>
    public static SortedDictionary<string, string> Keepers(Model.EnvironmentSpec spec, string jobDigest)
    {
        var w = spec.Workflow;
        var keepers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            // The Job is named after the workflow: a renamed Job is a new run, and must not reuse an OBS_ID.
            ["name"] = w.Name,
            ["image"] = w.Image.Reference,
            ["products"] = w.Products.ToString(),
            ["runNumber"] = w.RunNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["jobTemplate"] = jobDigest,
        };
        foreach (var (name, value) in SimulationRun.ContractEnvironment(spec))
        {
            keepers["env." + name] = value;
        }
        return keepers;
    }

    /// <summary>A stable id from the keepers, for rendering without Pulumi (Pulumi draws a random one).</summary>
    public static string DeterministicId(IReadOnlyDictionary<string, string> keepers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(keepers))))[..(IdBytes * 2)];

    public static string Digest(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Canonical(IReadOnlyDictionary<string, string> keepers) =>
        string.Join("\n", keepers.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}"));
}
