using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

public class ResourceTests
{
    private const string ConfigGroupType = "kubernetes:yaml/v2:ConfigGroup";
    private const string ReleaseType = "kubernetes:helm.sh/v3:Release";

    public static TheoryData<string> Stacks => ["dev", "prod", "test"];

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_object_of_the_plan_is_registered_in_its_lifecycle_group(string stackName)
    {
        var stack = await Stack.OfFile(stackName);
        var runId = stack.Deployed.RunId is null ? null : await Stack.Value(stack.Deployed.RunId.Hex);
        var plan = Planner.Plan(stack.Deployed.Environment, runId);

        foreach (var lifecycle in Enum.GetValues<Lifecycle>())
        {
            var expected = plan.In(lifecycle).Select(o => Values.Canonical(PlainValues.FromObject(o.Object))).ToList();
            var registered = stack.Mocks.Resources.Where(r => r.Type == ConfigGroupType && r.Name == EnvironmentStack.GroupName(lifecycle)).ToList();
            if (expected.Count == 0)
            {
                Assert.Empty(registered);
                continue;
            }
            var group = Assert.Single(registered);
            var objs = Values.List(group.Inputs["objs"]).Select(Values.Canonical).ToList();
            Assert.Equal(expected, objs);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_groups_the_release_and_the_provider_have_the_expected_types(string stackName)
    {
        var stack = await Stack.OfFile(stackName);
        var types = stack.Mocks.Resources.Select(r => $"{r.Type} {r.Name}").ToHashSet();
        Assert.Contains("pulumi:providers:kubernetes kubernetes", types);
        Assert.Contains($"{ConfigGroupType} namespace", types);
        Assert.Contains($"{ConfigGroupType} limits", types);
        Assert.Contains($"{ConfigGroupType} secret-access", types); // every stack file uses externalSecret
        Assert.Contains($"{ConfigGroupType} workload", types);
        Assert.Contains($"{ReleaseType} ingestor", types);
        var isJob = stack.Deployed.Environment.Spec.Workflow.Mode == Core.Model.WorkflowMode.Job;
        Assert.Equal(isJob, types.Contains($"{Mocks.RandomIdType} run"));
    }

    [Fact]
    public async Task Groups_are_applied_in_order_and_the_workload_waits_for_the_release()
    {
        var stack = await Stack.OfFile("dev");
        var after = stack.Deployed.DependsOn;
        Assert.Equal("namespace", after["limits"]);
        Assert.Equal("limits", after["secret-access"]);
        Assert.Equal("secret-access", after["ingestor"]);
        Assert.Equal("ingestor", after["workload"]);
        Assert.False(after.ContainsKey("namespace"));
    }

    [Fact]
    public async Task A_shared_scratch_claim_comes_after_the_release_and_before_the_workload()
    {
        var yaml = File.ReadAllText(Stack.FileOf("test")).Replace("  srcnet:scratch:\n    mode: ephemeral\n", "  srcnet:scratch:\n    mode: sharedClaim\n", StringComparison.Ordinal);
        var stack = await Stack.OfYaml("test", yaml);
        Assert.Equal("ingestor", stack.Deployed.DependsOn["scratch"]);
        Assert.Equal("scratch", stack.Deployed.DependsOn["workload"]);
        var claim = Values.List(stack.Mocks.Single(ConfigGroupType, "scratch").Inputs["objs"]).Single();
        Assert.Equal("temporal-scratch", Values.At(claim, "metadata", "name"));
    }

    [Fact]
    public async Task Prod_protects_what_holds_ingested_data()
    {
        var stack = await Stack.OfFile("prod");
        Assert.True(stack.Deployed.Options["ingestor"].Protect);
        Assert.True(stack.Deployed.Options["namespace"].Protect);
        Assert.False(stack.Deployed.Options["workload"].Protect ?? false);
        Assert.False(stack.Deployed.Options["limits"].Protect ?? false);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("test")]
    public async Task Test_and_dev_stacks_tear_down_completely(string stackName)
    {
        var stack = await Stack.OfFile(stackName);
        Assert.All(stack.Deployed.Options, o => Assert.False(o.Value.Protect ?? false, $"{o.Key} is protected"));
        Assert.All(stack.Deployed.Options, o => Assert.False(o.Value.RetainOnDelete ?? false, $"{o.Key} is retained"));
    }

    [Fact]
    public async Task The_job_does_not_make_pulumi_wait_for_the_simulation()
    {
        var stack = await Stack.OfFile("dev");
        var job = Values.List(stack.Mocks.Single(ConfigGroupType, "workload").Inputs["objs"]).Single();
        Assert.Equal("Job", Values.At(job, "kind"));
        Assert.Equal("true", Values.At(job, "metadata", "annotations", Annotations.PulumiSkipAwait));
    }

    [Fact]
    public async Task Every_kubernetes_resource_uses_the_stacks_provider()
    {
        // Options are not visible to the engine's mocks, so this reads the options the program gave.
        var stack = await Stack.OfFile("dev");
        var provider = stack.Deployed.Provider;
        foreach (var (name, options) in stack.Deployed.Options.Where(o => o.Key is not ("kubernetes" or "run")))
        {
            switch (options)
            {
                case global::Pulumi.ComponentResourceOptions component:
                    Assert.Contains(provider, component.Providers);
                    break;
                case global::Pulumi.CustomResourceOptions custom:
                    Assert.Same(provider, custom.Provider);
                    break;
            }
        }
        var release = stack.Mocks.Single("kubernetes:helm.sh/v3:Release", "ingestor");
        Assert.Contains("pulumi:providers:kubernetes::kubernetes", release.Provider, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_takes_the_context_and_the_namespace_from_config()
    {
        var yaml = File.ReadAllText(Stack.FileOf("test")) + "    kubeContext: test-cluster\n";
        var stack = await Stack.OfYaml("test", yaml);
        var provider = stack.Mocks.Single("pulumi:providers:kubernetes", "kubernetes");
        Assert.Equal("test-cluster", provider.Inputs["context"]);
        Assert.Equal("srcnet-test", provider.Inputs["namespace"]);
        Assert.False(provider.Inputs.ContainsKey("renderYamlToDirectory"));
    }

    [Fact]
    public async Task A_stack_that_renders_yaml_leaves_out_the_helm_release()
    {
        // pulumi-kubernetes cannot render a Helm release to files (#1716); srcnet render writes its values.
        var yaml = File.ReadAllText(Stack.FileOf("test")) + "    renderYamlToDirectory: out/test\n";
        var stack = await Stack.OfYaml("test", yaml);
        var provider = stack.Mocks.Single("pulumi:providers:kubernetes", "kubernetes");
        Assert.Equal("out/test", provider.Inputs["renderYamlToDirectory"]);
        Assert.DoesNotContain(stack.Mocks.Resources, r => r.Type == ReleaseType);
        Assert.Null(stack.Deployed.Ingestor);
        Assert.Equal("secret-access", stack.Deployed.DependsOn["workload"]);
    }
}
