using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>The namespace, its quota and the container defaults that keep it from starving its nodes.</summary>
public class NamespaceTests
{
    [Fact]
    public void Namespace_keeps_the_users_labels_and_enforces_the_configured_pod_security()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:namespace.name", "srcnet-dev"),
            ("srcnet:namespace.labels", "{srcnet.skao.int/environment: dev, team: radio}"),
            ("srcnet:namespace.podSecurity", "privileged"));

        var ns = plan.Single<V1Namespace>();
        Assert.Equal("srcnet-dev", ns.Metadata.Name);
        Assert.Equal("dev", ns.Metadata.Labels["srcnet.skao.int/environment"]);
        Assert.Equal("radio", ns.Metadata.Labels["team"]);
        Assert.Equal("privileged", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("t", ns.Metadata.Labels[Labels.Instance]);
    }

    [Fact]
    public void Namespace_enforces_baseline_pod_security_by_default()
    {
        var ns = PlanStacks.Plan().Single<V1Namespace>();

        Assert.Equal("baseline", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("datalake-ingestion", ns.Metadata.Name);
    }

    [Fact]
    public void Resource_quota_hard_limits_are_the_configured_values()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:quota.requestsCpu", "\"24\""),
            ("srcnet:quota.requestsMemory", "100Gi"),
            ("srcnet:quota.limitsCpu", "\"48\""),
            ("srcnet:quota.limitsMemory", "200Gi"),
            ("srcnet:quota.requestsStorage", "10Ti"),
            ("srcnet:quota.requestsGpu", "2"),
            ("srcnet:quota.pods", "7"),
            ("srcnet:quota.persistentVolumeClaims", "5"));

        var hard = plan.Single<V1ResourceQuota>().Spec.Hard;
        Assert.Equal(
            ["limits.cpu", "limits.memory", "persistentvolumeclaims", "pods", "requests.cpu", "requests.memory", "requests.nvidia.com/gpu", "requests.storage"],
            hard.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(24m, hard["requests.cpu"].ToDecimal());
        Assert.Equal(100m * Gi, hard["requests.memory"].ToDecimal());
        Assert.Equal(48m, hard["limits.cpu"].ToDecimal());
        Assert.Equal(200m * Gi, hard["limits.memory"].ToDecimal());
        Assert.Equal(10m * Gi * 1024, hard["requests.storage"].ToDecimal());
        Assert.Equal(2m, hard["requests.nvidia.com/gpu"].ToDecimal());
        Assert.Equal(7m, hard["pods"].ToDecimal());
        Assert.Equal(5m, hard["persistentvolumeclaims"].ToDecimal());
        Assert.Equal("100Gi", hard["requests.memory"].ToString());
        Assert.Equal("10Ti", hard["requests.storage"].ToString());
    }

    [Fact]
    public void Resource_quota_has_no_storage_or_gpu_limit_unless_set()
    {
        var hard = PlanStacks.Plan().Single<V1ResourceQuota>().Spec.Hard;

        Assert.Equal(
            ["limits.cpu", "limits.memory", "persistentvolumeclaims", "pods", "requests.cpu", "requests.memory"],
            hard.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(20m, hard["requests.cpu"].ToDecimal());
        Assert.Equal(80m * Gi, hard["requests.memory"].ToDecimal());
        Assert.Equal(40m, hard["limits.cpu"].ToDecimal());
        Assert.Equal(160m * Gi, hard["limits.memory"].ToDecimal());
        Assert.Equal(10m, hard["pods"].ToDecimal());
        Assert.Equal(10m, hard["persistentvolumeclaims"].ToDecimal());
    }

    [Fact]
    public void Limit_range_gives_containers_without_resources_the_configured_defaults()
    {
        var plan = PlanStacks.Plan(
            ("srcnet:quota.containerDefaults", "{requestCpu: 250m, requestMemory: 512Mi, limitCpu: \"1\", limitMemory: 2Gi}"));

        var item = Assert.Single(plan.Single<V1LimitRange>().Spec.Limits);
        Assert.Equal("Container", item.Type);
        Assert.Equal(0.25m, item.DefaultRequest["cpu"].ToDecimal());
        Assert.Equal(512m * 1024 * 1024, item.DefaultRequest["memory"].ToDecimal());
        Assert.Equal(1m, item.DefaultProperty["cpu"].ToDecimal());
        Assert.Equal(2m * Gi, item.DefaultProperty["memory"].ToDecimal());
    }

    [Fact]
    public void Limit_range_defaults_without_config_are_half_a_cpu_and_1Gi_up_to_2_cpus_and_4Gi()
    {
        var item = Assert.Single(PlanStacks.Plan().Single<V1LimitRange>().Spec.Limits);

        Assert.Equal(0.5m, item.DefaultRequest["cpu"].ToDecimal());
        Assert.Equal(1m * Gi, item.DefaultRequest["memory"].ToDecimal());
        Assert.Equal(2m, item.DefaultProperty["cpu"].ToDecimal());
        Assert.Equal(4m * Gi, item.DefaultProperty["memory"].ToDecimal());
    }

    private const decimal Gi = 1024m * 1024m * 1024m;
}
