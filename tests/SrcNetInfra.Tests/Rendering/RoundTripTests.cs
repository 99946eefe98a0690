using k8s;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>
/// Every rendered object reads back through the official Kubernetes model (and srcnet's model of
/// the External Secrets resources) with the strict deserializer, which rejects unknown fields, and
/// renders again unchanged: nothing is rendered that the API would not know, and nothing is lost.
/// </summary>
public class RoundTripTests
{
    private static readonly Dictionary<string, Type> CustomResources = new(CustomResourceTypes.Map);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    [InlineData("test")]
    public void Every_object_round_trips_strictly(string stack)
    {
        var rendered = CliRun.AtRoot("render", "--stack", stack).Out;
        var objects = KubernetesYaml.LoadAllFromString(rendered, CustomResources, strict: true);
        Assert.NotEmpty(objects);
        var body = rendered[(rendered.IndexOf("\n---\n", StringComparison.Ordinal) + 1)..];
        Assert.Equal(body, Manifests.Documents(objects));
    }

    [Fact]
    public void Strict_reading_does_reject_an_unknown_field()
    {
        // The check above is only worth something if the strict reader fails on a stray field.
        const string yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  nmae: y\n";
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, CustomResources, strict: true));
    }

    [Fact]
    public void Every_object_is_an_official_type_or_a_known_custom_resource()
    {
        var rendered = CliRun.AtRoot("render", "--stack", "prod").Out;
        var objects = KubernetesYaml.LoadAllFromString(rendered, CustomResources, strict: true);
        Assert.All(objects, o => Assert.True(
            o.GetType().Namespace == "k8s.Models" || CustomResources.ContainsValue(o.GetType()),
            $"{o.GetType()} is neither"));
    }
}
