using k8s;
using k8s.Models;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// One selector (<c>app.kubernetes.io/instance=&lt;stack&gt;</c>) finds an environment's objects, every
/// namespaced object is in the environment's namespace, and two environments in one cluster do not
/// fight over a cluster-wide name.
/// </summary>
public class LabelsTests
{
    private static readonly string[] RecommendedLabels =
    [
        "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component",
        "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by",
    ];

    private static EnvironmentPlan EveryKindPlan(string stack, string ns, string workflowMode = "job") =>
        Planner.Plan(PlanStacks.EnvIn(stack,
            ("srcnet:namespace.name", ns),
            ("srcnet:secret.mode", "externalSecret"),
            ("srcnet:scratch.mode", "sharedClaim"),
            ("srcnet:workflow.mode", workflowMode)));

    /// <summary>Every object's metadata, and the metadata of what the workload makes (Jobs, pods, ephemeral claims).</summary>
    private static IEnumerable<(string What, V1ObjectMeta Meta)> AllMetadata(EnvironmentPlan plan)
    {
        foreach (var o in plan.Objects) yield return (o.ToString(), o.Object.Metadata);
        var pod = plan.Objects.Select(o => o.Object).OfType<V1Job>().SingleOrDefault()?.Spec.Template;
        foreach (var cron in plan.Objects.Select(o => o.Object).OfType<V1CronJob>())
        {
            yield return ("CronJob jobTemplate", cron.Spec.JobTemplate.Metadata);
            pod = cron.Spec.JobTemplate.Spec.Template;
        }
        yield return ("pod template", pod!.Metadata);
        foreach (var v in pod.Spec.Volumes.Where(v => v.Ephemeral is not null))
            yield return ("ephemeral claim template", v.Ephemeral.VolumeClaimTemplate.Metadata);
    }

    [Theory]
    [InlineData("dev", "job")]
    [InlineData("prod-eu", "cronjob")]
    public void Every_object_carries_the_recommended_labels_with_the_stack_as_instance(string stack, string mode)
    {
        var plan = EveryKindPlan(stack, "srcnet-" + stack, mode);

        foreach (var (what, meta) in AllMetadata(plan))
        {
            Assert.NotNull(meta.Labels);
            foreach (var key in RecommendedLabels)
                Assert.True(meta.Labels.ContainsKey(key) && meta.Labels[key].Length > 0, $"{what} has no {key}");
            Assert.Equal(stack, meta.Labels[Labels.Instance]);
            Assert.Equal("srcnet-aastar", meta.Labels[Labels.Name]);
            Assert.Equal("srcnet", meta.Labels[Labels.PartOf]);
            Assert.Equal("srcnet-infra", meta.Labels[Labels.ManagedBy]);
        }
    }

    [Fact]
    public void The_managed_secret_of_pulumi_secret_mode_is_labelled_too()
    {
        var env = PlanStacks.EnvIn("dev",
            ("srcnet:secret.mode", "pulumiSecret"),
            ("srcnet:oidcClientId", "{secure: v1:x}"),
            ("srcnet:oidcClientSecret", "{secure: v1:y}"));
        var plan = Planner.Plan(env);

        var labels = plan.ManagedSecret!.Labels(env.Spec);
        foreach (var key in RecommendedLabels) Assert.True(labels.ContainsKey(key), $"the managed Secret has no {key}");
        Assert.Equal("dev", labels[Labels.Instance]);
    }

    [Theory]
    [InlineData("job")]
    [InlineData("cronjob")]
    public void Every_namespaced_object_is_in_the_configured_namespace(string mode)
    {
        var plan = EveryKindPlan("dev", "radio-sims", mode);
        string[] clusterScoped = ["Namespace", "ClusterRoleBinding"];

        foreach (var o in plan.Objects)
        {
            if (clusterScoped.Contains(o.Kind)) Assert.Null(o.Namespace);
            else Assert.True(o.Namespace == "radio-sims", $"{o} is not in namespace radio-sims");
        }
        Assert.Equal("radio-sims", plan.Objects[0].Name);
        Assert.Equal("radio-sims", plan.Ingestor.Namespace);
        Assert.Equal("radio-sims", plan.Single<V1ClusterRoleBinding>().Subjects.Single().NamespaceProperty);
    }

    [Fact]
    public void Cluster_scoped_names_of_two_environments_in_one_cluster_do_not_collide()
    {
        var a = EveryKindPlan("dev", "srcnet-dev");
        var b = EveryKindPlan("test", "srcnet-test");

        var bindingA = a.Single<V1ClusterRoleBinding>();
        var bindingB = b.Single<V1ClusterRoleBinding>();
        Assert.Contains("srcnet-dev", bindingA.Metadata.Name);
        Assert.Contains("srcnet-test", bindingB.Metadata.Name);

        static IEnumerable<string> ClusterScoped(EnvironmentPlan p) =>
            p.Objects.Where(o => o.Namespace is null).Select(o => $"{o.Kind}/{o.Name}");
        Assert.Empty(ClusterScoped(a).Intersect(ClusterScoped(b)));
    }

    [Fact]
    public void The_cluster_role_binding_gives_the_vault_service_account_auth_delegation()
    {
        var plan = PlanStacks.Plan(("srcnet:namespace.name", "srcnet-dev"), ("srcnet:secret.vault.serviceAccount", "vault-reader"));

        var binding = plan.Single<V1ClusterRoleBinding>();
        Assert.Contains("srcnet-dev", binding.Metadata.Name);
        Assert.Equal("ClusterRole", binding.RoleRef.Kind);
        Assert.Equal("system:auth-delegator", binding.RoleRef.Name);
        Assert.Equal("rbac.authorization.k8s.io", binding.RoleRef.ApiGroup);
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", "vault-reader", "srcnet-dev"), (subject.Kind, subject.Name, subject.NamespaceProperty));
        Assert.Equal("vault-reader", plan.Single<V1ServiceAccount>().Metadata.Name);
    }
}
