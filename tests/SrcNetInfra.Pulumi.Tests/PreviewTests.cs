using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// `pulumi preview` of a stack whose RandomId is new: its hex is unknown until `pulumi up` creates it.
/// What the engine receives is read in the wire form (the SDK's serializer), as the mock's own view
/// drops every top-level input that holds an unknown anywhere (see <see cref="WireInputs"/>).
/// </summary>
public class PreviewTests
{
    private static readonly StackUnderTest Dev = StackUnderTest.File("dev");

    [Fact]
    public async Task A_new_run_is_previewed_with_its_whole_spec_and_only_its_ids_unknown()
    {
        var run = (await ProgramRun.Of(Dev, preview: true, runIdKnown: false)).Succeeded();
        Assert.Single(run.Requests, r => r.Type == "kubernetes:batch/v1:Job" && r.Name == Planner.WorkloadResource);
        var wire = (await run.Resource(Planner.WorkloadResource).Registration.Wire).Inputs;

        var template = RunTemplate.Of(Dev.Plan().Steps.OfType<RunObjectStep>().Single());
        var runDependent = template.RunDependentPaths.Select(p => string.Join(".", p)).ToList();
        // The fields that carry the run id, and no other, wait for it.
        Assert.Equal(runDependent.Order(StringComparer.Ordinal), WireInputs.UnknownPaths(wire).Order(StringComparer.Ordinal));
        // Its name, three annotations (run id, OBS_ID, FILE_PREFIX), the pods' run-id label and two variables.
        Assert.Equal(7, runDependent.Count);
        Assert.Contains("metadata.name", runDependent);
        Assert.Contains($"metadata.annotations.{Annotations.RunId}", runDependent);
        Assert.Contains($"metadata.annotations.{Annotations.ObsId}", runDependent);
        Assert.Contains($"metadata.annotations.{Annotations.FilePrefix}", runDependent);
        Assert.Contains($"spec.template.metadata.labels.{Annotations.RunId}", runDependent);

        // Everything else is Core's Job, known at preview: image, environment, volumes, resources.
        var expected = template.Plain;
        foreach (var path in template.RunDependentPaths) Set(expected, path, WireInputs.Unknown);
        Assert.Equal(Values.Canonical(expected), Values.Canonical(wire));
        var container = Values.List(Values.At(wire, "spec", "template", "spec", "containers")!)[0];
        Assert.Equal("ghcr.io/i4ds/karabo-pipeline:0.34.0", Values.At(container, "image"));
        var env = Values.List(Values.At(container, "env")!);
        Assert.Equal(
            ["OBS_ID", "FILE_PREFIX"],
            env.Where(e => Equals(Values.At(e, "value"), WireInputs.Unknown)).Select(e => (string)Values.At(e, "name")!));
        Assert.Equal("8", env.Where(e => Equals(Values.At(e, "name"), "NUM_TIME_STAMPS")).Select(e => Values.At(e, "value")).Single());
        Assert.NotNull(Values.At(container, "resources", "limits"));
        Assert.NotEmpty(Values.List(Values.At(wire, "spec", "template", "spec", "volumes")!));
    }

    [Fact]
    public async Task The_run_outputs_are_unknown_until_the_run_id_exists()
    {
        var run = (await ProgramRun.Of(Dev, preview: true, runIdKnown: false)).Succeeded();
        foreach (var key in new[] { "runId", "obsId", "filePrefix", "workloadName", "verifyCommand" })
            Assert.False(run.Outputs[key].IsKnown, $"{key} is known");
    }

    [Fact]
    public async Task A_preview_of_an_existing_run_shows_every_field()
    {
        // The RandomId is in the state: the engine hands its hex to the preview.
        var run = (await ProgramRun.Of(Dev, preview: true, runIdKnown: true)).Succeeded();
        var wire = (await run.Resource(Planner.WorkloadResource).Registration.Wire).Inputs;
        Assert.Empty(WireInputs.UnknownPaths(wire));
        Assert.All(run.Outputs.Values, o => Assert.True(o.IsKnown));
    }

    [Fact]
    public async Task A_preview_of_a_cronjob_stack_knows_everything()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("prod"), preview: true, runIdKnown: false)).Succeeded();
        foreach (var registration in run.Registrations)
            Assert.Empty(WireInputs.UnknownPaths((await registration.Wire).Inputs));
    }

    [Fact]
    public async Task A_new_campaign_is_previewed_with_its_point_table_known_and_only_its_jobs_ids_unknown()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("campaign"), preview: true, runIdKnown: false)).Succeeded();
        Assert.Empty(WireInputs.UnknownPaths((await run.Resource(CampaignRun.PointsResource).Registration.Wire).Inputs));
        var wire = (await run.Resource(Planner.WorkloadResource).Registration.Wire).Inputs;
        // The points' OBS_ID and FILE_PREFIX come from the table, not the run id: the Job's name, its
        // run-id annotation and its pods' label are all that wait for the RandomId.
        Assert.Equal(
            ["metadata.annotations." + Annotations.RunId, "metadata.name", "spec.template.metadata.labels." + Annotations.RunId],
            WireInputs.UnknownPaths(wire).Order(StringComparer.Ordinal));
    }

    private static void Set(object tree, IReadOnlyList<object> path, object value)
    {
        var parent = RunTemplate.At(tree, path.Take(path.Count - 1).ToList());
        switch (path[^1])
        {
            case string key:
                ((IDictionary<string, object>)parent)[key] = value;
                break;
            case int index:
                ((System.Collections.IList)parent)[index] = value;
                break;
        }
    }
}
