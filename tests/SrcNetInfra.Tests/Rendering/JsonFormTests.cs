using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Plan;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>
/// <see cref="JsonForm"/> reads objects without System.Text.Json; what it gives must be exactly the
/// official JSON form (<c>KubernetesJson.Serialize</c>): same keys, same order, same value types.
/// </summary>
public class JsonFormTests
{
    /// <summary>Plans that between them set every optional field srcnet renders, and user text that JSON escapes.</summary>
    public static TheoryData<string> Variants => [.. VariantOverrides.Keys];

    private static readonly Dictionary<string, (string Key, string? Yaml)[]> VariantOverrides = new(StringComparer.Ordinal)
    {
        ["minimal"] = [],
        ["cronjob with time zone and every limit"] =
        [
            ("srcnet:workflow.mode", "cronjob"),
            ("srcnet:workflow.timeZone", "Etc/UTC"),
            ("srcnet:workflow.startingDeadlineSeconds", "600"),
            ("srcnet:workflow.activeDeadlineSeconds", "7200"),
        ],
        ["job with gpu, ttl, affinity and tolerations"] =
        [
            ("srcnet:workflow.resources.gpu", "1"),
            ("srcnet:quota.requestsGpu", "2"),
            ("srcnet:workflow.ttlSecondsAfterFinished", "3600"),
            ("srcnet:workflow.nodeAffinity", "[{key: hpc, operator: In, values: ['true', 'on']}, {key: gpu, operator: Exists}]"),
            ("srcnet:workflow.tolerations", "[{key: hpc, value: 'yes', effect: NoSchedule}, {key: gpu, operator: Exists}]"),
        ],
        ["shared scratch claim, existing secret"] =
        [
            ("srcnet:scratch.mode", "sharedClaim"),
            ("srcnet:scratch.storageClass", "local-path"),
            ("srcnet:secret.mode", "existingSecret"),
        ],
        ["external secrets v1, namespace labels, quota storage"] =
        [
            ("srcnet:secret.vault.apiVersion", "external-secrets.io/v1"),
            ("srcnet:namespace.labels", "{team: 'on', cost-centre: '0042'}"),
            ("srcnet:quota.requestsStorage", "10Ti"),
        ],
        ["text that JSON escapes"] =
        [
            ("srcnet:workflow.metadata.obsCollection", "\"<SKAO> & 'MID' \\u00e9\\u2028 \\\"q\\\"\""),
            ("srcnet:ingestor.config.rucioCfgClientOidcScope", "\"openid + profile \\t\""),
        ],
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_object_has_its_official_json_form(string variant)
    {
        AssertSameAsKubernetesJson(PlanStacks.Plan(VariantOverrides[variant]));
    }

    [Theory]
    [MemberData(nameof(GoldenRenderTests.Stacks), MemberType = typeof(GoldenRenderTests))]
    public void Every_object_of_every_stack_has_its_official_json_form(string stack)
    {
        var check = EnvironmentCheck.RunFile(Repo.StackFile(stack));
        AssertSameAsKubernetesJson(Planner.Plan(check.Environment!));
    }

    [Fact]
    public void A_type_outside_the_kubernetes_model_is_refused_not_guessed()
    {
        var e = Assert.Throws<NotSupportedException>(() => JsonForm.Of(new Unknown { Metadata = new V1ObjectMeta { Name = "x" } }));
        Assert.Contains(nameof(Unknown), e.Message);
    }

    private static void AssertSameAsKubernetesJson(EnvironmentPlan plan)
    {
        Assert.NotEmpty(plan.Objects);
        foreach (var o in plan.Objects)
        {
            var official = KubernetesJson.Serialize(o.Object);
            Assert.Equal(official, JsonSerializer.Serialize(JsonForm.Of(o.Object)));
            Assert.Equal(official, JsonForm.Json(o.Object));
            // The planner digests a Job's spec alone for its run id: the same must hold for a part.
            if (o.Object is V1Job job) Assert.Equal(KubernetesJson.Serialize(job.Spec), JsonForm.Json(job.Spec));
        }
    }
}

/// <summary>A class with a property that has no JSON name: JsonForm must not invent one.</summary>
internal sealed class Unknown
{
    [JsonPropertyName("metadata")] public V1ObjectMeta? Metadata { get; set; }
    public Uri Where { get; set; } = new("https://example.org");
}
