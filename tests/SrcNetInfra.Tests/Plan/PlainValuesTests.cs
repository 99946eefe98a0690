using System.Text.Json.Nodes;
using k8s;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

public class PlainValuesTests
{
    [Fact]
    public void An_object_becomes_the_maps_and_lists_of_its_json_form()
    {
        var plan = PlanStacks.Plan();
        foreach (var planned in plan.Objects)
        {
            var plain = PlainValues.FromObject(planned.Object);
            var json = JsonNode.Parse(KubernetesJson.Serialize(planned.Object))!;
            Assert.True(JsonNode.DeepEquals(json, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(plain))), planned.ToString());
        }
    }

    [Fact]
    public void Whole_numbers_stay_whole_and_quantities_stay_strings()
    {
        var job = PlainValues.FromObject(PlanStacks.Plan().Job());
        var spec = (Dictionary<string, object>)job["spec"];
        Assert.IsType<int>(spec["backoffLimit"]);
        var quota = PlainValues.FromObject(NamespaceObjects.ResourceQuota(PlanStacks.Env().Spec));
        var hard = (Dictionary<string, object>)((Dictionary<string, object>)quota["spec"])["hard"];
        Assert.Equal("20", hard["requests.cpu"]);
        Assert.Equal("80Gi", hard["requests.memory"]);
    }

    [Fact]
    public void Helm_values_keep_their_order_and_nesting()
    {
        var values = IngestorRelease.Values(PlanStacks.Env());
        var plain = (Dictionary<string, object>)PlainValues.FromValue(values);
        Assert.Equal(["image", "config", "persistence", "secrets"], plain.Keys);
        var secrets = Assert.IsType<List<object>>(plain["secrets"]);
        Assert.Equal("OIDC_CLIENT_ID", ((Dictionary<string, object>)secrets[0])["name"]);
        Assert.Equal("false", ((Dictionary<string, object>)plain["config"])["debug"]);
    }
}
