using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

public class RunIdTests
{
    private static async Task<IDictionary<string, object>> KeepersOf(string yaml)
    {
        var stack = await Stack.OfYaml("dev", yaml);
        return Values.Map(stack.Mocks.Single(Mocks.RandomIdType, "run").Inputs["keepers"]);
    }

    private static string Dev => File.ReadAllText(Stack.FileOf("dev"));

    [Fact]
    public async Task The_run_id_is_a_four_byte_random_id_whose_keepers_are_Cores()
    {
        var stack = await Stack.OfFile("dev");
        var random = stack.Mocks.Single(Mocks.RandomIdType, "run");
        Assert.Equal(4.0, Convert.ToDouble(random.Inputs["byteLength"], System.Globalization.CultureInfo.InvariantCulture));
        var expected = Planner.JobKeepers(stack.Deployed.Environment);
        Assert.Equal(expected.OrderBy(k => k.Key), Values.Map(random.Inputs["keepers"]).Select(kv => new KeyValuePair<string, string>(kv.Key, (string)kv.Value)).OrderBy(k => k.Key));
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
        Assert.Contains(from, Dev, StringComparison.Ordinal);
        var before = await KeepersOf(Dev);
        var after = await KeepersOf(Dev.Replace(from, to, StringComparison.Ordinal));
        Assert.NotEqual(Values.Canonical(before), Values.Canonical(after));
    }

    [Theory]
    [InlineData("    requestsCpu: \"8\"\n", "    requestsCpu: \"10\"\n")]
    [InlineData("      runsToHold: 20\n", "      runsToHold: 30\n")]
    [InlineData("      rucioIngestRseName: CHSRC_XRD_DEV\n", "      rucioIngestRseName: OTHER_RSE\n")]
    [InlineData("      srcnet.skao.int/environment: dev\n", "      srcnet.skao.int/environment: development\n")]
    public async Task A_change_that_does_not_touch_the_run_keeps_the_keepers(string from, string to)
    {
        Assert.Contains(from, Dev, StringComparison.Ordinal);
        var before = await KeepersOf(Dev);
        var after = await KeepersOf(Dev.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(Values.Canonical(before), Values.Canonical(after));
    }

    [Fact]
    public async Task The_job_and_its_ids_carry_the_random_id()
    {
        var stack = await Stack.OfFile("dev");
        var hex = await Stack.Value(stack.Deployed.RunId!.Hex);
        var job = Values.List(stack.Mocks.Single("kubernetes:yaml/v2:ConfigGroup", "workload").Inputs["objs"]).Single();
        Assert.Equal($"karabo-aastar-{hex}", Values.At(job, "metadata", "name"));
        Assert.Equal($"{hex}_SKAMID_Karabo", Values.At(job, "metadata", "annotations", Annotations.ObsId));
    }

    [Fact]
    public async Task A_cronjob_has_no_random_id()
    {
        var stack = await Stack.OfFile("prod");
        Assert.Null(stack.Deployed.RunId);
        Assert.DoesNotContain(stack.Mocks.Resources, r => r.Type == Mocks.RandomIdType);
        var cron = Values.List(stack.Mocks.Single("kubernetes:yaml/v2:ConfigGroup", "workload").Inputs["objs"]).Single();
        Assert.Equal("CronJob", Values.At(cron, "kind"));
    }
}
