namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// The model's rules that the deployment tests rely on, on resources made up for the purpose, so a
/// wrong rule fails here by name rather than somewhere in a scenario.
/// </summary>
public class EngineModelTests
{
    private static EngineResource Job(string name, bool retain, params string[] ignore) => new(
        "urn:pulumi:dev::srcnet-infra::kubernetes:batch/v1:Job::simulation",
        "kubernetes:batch/v1:Job",
        "simulation",
        new Dictionary<string, object>
        {
            ["metadata"] = new Dictionary<string, object> { ["name"] = name, ["namespace"] = "ns", ["annotations"] = new Dictionary<string, object> { ["a"] = name } },
            ["spec"] = new Dictionary<string, object> { ["template"] = new Dictionary<string, object> { ["image"] = "x" }, ["ttlSecondsAfterFinished"] = 60.0 },
        },
        null, false, retain, ignore, [], []);

    [Fact]
    public void The_old_state_decides_whether_a_replaced_object_stays()
    {
        // pulumi/pulumi step.go DeleteStep.Apply reads s.old.RetainOnDelete: a flag set in the same
        // update that replaces the object protects only the new one.
        var plan = EngineModel.Up([Job("a", retain: false)], [Job("b", retain: true)]);
        Assert.True(plan.Step(Operation.DeleteReplaced, "simulation").ReachesProvider);
        plan = EngineModel.Up([Job("a", retain: true)], [Job("b", retain: false)]);
        Assert.False(plan.Step(Operation.DeleteReplaced, "simulation").ReachesProvider);
    }

    [Fact]
    public void A_change_in_an_ignored_path_is_no_change()
    {
        var old = Job("a", retain: true, "metadata.annotations");
        var changed = old with { Inputs = new Dictionary<string, object>(old.Inputs) { ["metadata"] = new Dictionary<string, object> { ["name"] = "a", ["namespace"] = "ns", ["annotations"] = new Dictionary<string, object> { ["a"] = "other" } } } };
        Assert.Empty(EngineModel.Up([old], [changed]).Changes);
        Assert.Equal(["Update simulation"], EngineModel.Up([old], [changed with { IgnoreChanges = [] }]).Changes);
    }

    [Fact]
    public void A_replacement_under_the_same_name_deletes_first_and_under_a_new_name_creates_first()
    {
        var old = Job("a", retain: false);
        var sameName = old with { Inputs = new Dictionary<string, object>(old.Inputs) { ["spec"] = new Dictionary<string, object> { ["template"] = new Dictionary<string, object> { ["image"] = "y" } } } };
        Assert.Equal(["DeleteReplaced simulation", "CreateReplacement simulation"], EngineModel.Up([old], [sameName]).Changes);
        Assert.Equal(["CreateReplacement simulation", "DeleteReplaced simulation"], EngineModel.Up([old], [Job("b", retain: false)]).Changes);
    }

    [Fact]
    public void A_field_kubernetes_lets_change_is_an_update()
    {
        var old = Job("a", retain: false);
        var ttl = old with { Inputs = new Dictionary<string, object>(old.Inputs) { ["spec"] = new Dictionary<string, object> { ["template"] = new Dictionary<string, object> { ["image"] = "x" }, ["ttlSecondsAfterFinished"] = 120.0 } } };
        Assert.Equal(["Update simulation"], EngineModel.Up([old], [ttl]).Changes);
    }

    [Fact]
    public void A_configmaps_data_cannot_change_in_place_but_its_labels_can()
    {
        static EngineResource Table(string name, string data, string label) => new(
            "urn:pulumi:campaign::srcnet-infra::kubernetes:core/v1:ConfigMap::campaign-points",
            "kubernetes:core/v1:ConfigMap",
            "campaign-points",
            new Dictionary<string, object>
            {
                ["metadata"] = new Dictionary<string, object> { ["name"] = name, ["namespace"] = "ns", ["labels"] = new Dictionary<string, object> { ["l"] = label } },
                ["data"] = new Dictionary<string, object> { ["points"] = data },
            },
            null, false, true, [], [], []);

        var old = Table("a", "x", "1");
        Assert.Equal(["Update campaign-points"], EngineModel.Up([old], [Table("a", "x", "2")]).Changes);
        var sameName = EngineModel.Up([old], [Table("a", "y", "1")]);
        Assert.Equal(["DeleteReplaced campaign-points", "CreateReplacement campaign-points"], sameName.Changes);
        Assert.Equal(["data.points"], sameName.Step(Operation.CreateReplacement, "campaign-points").ReplaceKeys);
        Assert.Equal(["CreateReplacement campaign-points", "DeleteReplaced campaign-points"], EngineModel.Up([old], [Table("b", "y", "1")]).Changes);
    }
}
