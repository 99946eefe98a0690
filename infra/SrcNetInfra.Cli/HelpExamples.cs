namespace SrcNetInfra.Cli;

/// <summary>
/// Examples shown after a verb's <c>--help</c>. System.CommandLine's help has no examples section,
/// and putting them in the description would repeat them in the top-level command list.
/// </summary>
public static class HelpExamples
{
    public static readonly IReadOnlyDictionary<string, string[]> ByVerb = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["estimate"] =
        [
            "srcnet estimate",
            "srcnet estimate --stack prod --npixel 8192",
            "srcnet estimate --time-steps 3600 --products visibility,cleaned --json",
            "srcnet estimate --stack prod --calibration chsrc-cpu",
        ],
        ["render"] =
        [
            "srcnet render --stack dev | kubectl diff -f -",
            "srcnet render --stack prod --out out/prod",
            "srcnet render --stack dev --run-id 1a2b3c4d",
        ],
        ["validate"] =
        [
            "srcnet validate",
            "srcnet validate --stack prod",
            "srcnet validate --config-file stacks/Pulumi.pr-42.yaml",
        ],
        ["summary"] =
        [
            "srcnet summary --stack prod",
            "srcnet summary --stack prod --markdown --base-render /tmp/base/prod",
        ],
        ["calibrate"] =
        [
            "srcnet calibrate --stack dev",
            "srcnet calibrate --stack dev --log run.log --name chsrc-cpu --node-type cpu-128c",
            "srcnet calibrate --stack prod --run 20261125T130000Z-x7k2p-SKAMID-Karabo --force",
        ],
        ["verify"] =
        [
            "srcnet verify --stack dev",
            "srcnet verify --stack prod --run 20261125T130000Z-x7k2p-SKAMID-Karabo --json",
            "srcnet verify --stack dev --context kind-srcnet --timeout 10s",
        ],
        ["adopt"] =
        [
            "srcnet adopt --stack prod",
            "srcnet adopt --stack prod --context site --out /tmp/adopt-prod.json --force --json",
        ],
    };

    public static void Write(TextWriter output, string verb)
    {
        if (!ByVerb.TryGetValue(verb, out var examples)) return;
        output.WriteLine("Examples:");
        foreach (var example in examples) output.WriteLine("  " + example);
        output.WriteLine();
    }
}
