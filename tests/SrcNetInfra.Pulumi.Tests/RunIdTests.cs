using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>The run id: a RandomId whose keepers come from Core, and the Job fields that follow its hex.</summary>
public class RunIdTests
{
    private static readonly StackUnderTest Dev = StackUnderTest.File("dev");

    private static async Task<IDictionary<string, object>> KeepersOf(StackUnderTest stack) =>
        Values.Map((await ProgramRun.Of(stack)).Succeeded().Request(Mocks.RandomIdType, Planner.RunIdResource).Inputs["keepers"]);

    [Fact]
    public async Task The_run_id_is_a_four_byte_random_id_whose_keepers_are_Cores()
    {
        var random = (await ProgramRun.Of(Dev)).Succeeded().Request(Mocks.RandomIdType, Planner.RunIdResource);
        Assert.Equal(4.0, random.Inputs["byteLength"]);
        Assert.Equal(
            Planner.JobKeepers(Dev.Environment()).Select(kv => $"{kv.Key}={kv.Value}"),
            Values.Map(random.Inputs["keepers"]).Select(kv => $"{kv.Key}={kv.Value}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("      imagingNpixel: 1024\n", "      imagingNpixel: 2048\n")]
    [InlineData("      numTimeStamps: 8\n", "      numTimeStamps: 16\n")]
    [InlineData("    products: [dirty]\n", "    products: [dirty, cleaned]\n")]
    [InlineData("      tag: 0.34.0\n", "      tag: 0.35.0\n")]
    [InlineData("    mode: job\n", "    mode: job\n    runNumber: 1\n")]
    [InlineData("      requests: {cpu: \"4\", memory: 16Gi}\n", "      requests: {cpu: \"6\", memory: 16Gi}\n")]
    public async Task A_run_defining_change_changes_the_keepers(string from, string to)
    {
        var before = await KeepersOf(Dev);
        var after = await KeepersOf(Dev.With(from, to));
        Assert.NotEqual(Values.Canonical(before), Values.Canonical(after));
    }

    [Theory]
    [InlineData("    requestsCpu: \"8\"\n", "    requestsCpu: \"10\"\n")]
    [InlineData("      runsToHold: 20\n", "      runsToHold: 30\n")]
    [InlineData("      rucioIngestRseName: CHSRC_XRD_DEV\n", "      rucioIngestRseName: OTHER_RSE\n")]
    [InlineData("      srcnet.skao.int/environment: dev\n", "      srcnet.skao.int/environment: development\n")]
    public async Task A_change_that_does_not_touch_the_run_keeps_the_keepers(string from, string to)
    {
        var before = await KeepersOf(Dev);
        var after = await KeepersOf(Dev.With(from, to));
        Assert.Equal(Values.Canonical(before), Values.Canonical(after));
    }

    [Fact]
    public async Task The_job_and_its_ids_carry_the_random_id()
    {
        var run = (await ProgramRun.Of(Dev)).Succeeded();
        var hex = Mocks.HexFor(run.Request(Mocks.RandomIdType, Planner.RunIdResource).Inputs["keepers"]);
        // Else a Job named by Core's offline id would look like one named by the RandomId.
        Assert.NotEqual(Dev.Plan().Run.RunId, hex);
        var job = run.Request("kubernetes:batch/v1:Job", Planner.WorkloadResource).Inputs;
        Assert.Equal($"karabo-aastar-{hex}", Values.At(job, "metadata", "name"));
        Assert.Equal(hex, Values.At(job, "metadata", "annotations", Annotations.RunId));
        Assert.Equal($"{hex}_SKAMID_Karabo", Values.At(job, "metadata", "annotations", Annotations.ObsId));
        Assert.Equal($"{hex}-SKAMID-Karabo", Values.At(job, "metadata", "annotations", Annotations.FilePrefix));
        Assert.Equal(hex, Values.At(job, "spec", "template", "metadata", "labels", Annotations.RunId));
        var container = Values.List(Values.At(job, "spec", "template", "spec", "containers")!)[0];
        var env = Values.List(Values.At(container, "env")!);
        Assert.Contains(env, e => Equals(Values.At(e, "name"), "OBS_ID") && Equals(Values.At(e, "value"), $"{hex}_SKAMID_Karabo"));
        Assert.Contains(env, e => Equals(Values.At(e, "name"), "FILE_PREFIX") && Equals(Values.At(e, "value"), $"{hex}-SKAMID-Karabo"));
    }
}
