using Pulumi;
using Pulumi.Testing;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>Core's plan as the engine receives it: one resource per step, its real type, stable name and inputs.</summary>
public class DeclarationTests
{
    public static TheoryData<string> Stacks => ["campaign", "dev", "prod", "test"];

    private const string ProviderType = Mocks.ProviderType;

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_object_of_the_plan_is_registered_once_with_its_type_name_and_Cores_inputs(string name)
    {
        var stack = StackUnderTest.File(name);
        var run = (await ProgramRun.Of(stack)).Succeeded();
        var plan = stack.Plan(RunId(run));

        foreach (var planned in plan.Objects)
        {
            var request = Assert.Single(run.Requests, r => r.Name == planned.ResourceName);
            Assert.Equal(planned.TypeToken, request.Type);
            Assert.Equal(Values.Canonical(PlainValues.FromObject(planned.Object)), Values.Canonical(request.Inputs));
        }
        // Nothing else reaches Kubernetes but the ingestor's release.
        Assert.Equal(
            plan.Objects.Select(o => o.ResourceName).Append("ingestor").Order(StringComparer.Ordinal),
            run.KubernetesRequests.Select(r => r.Name!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Each_step_waits_for_the_step_before_it(string name)
    {
        var stack = StackUnderTest.File(name);
        var run = (await ProgramRun.Of(stack)).Succeeded();
        // The run id waits for nothing and nothing waits for it but its Job, which uses its value.
        var chain = stack.Plan().Steps.Where(s => s is not RunIdStep).Select(s => s.ResourceName).ToList();

        Assert.Empty(run.Resource(chain[0]).DependsOn);
        for (var i = 1; i < chain.Count; i++)
            Assert.Equal([chain[i - 1]], run.Resource(chain[i]).DependsOn);
        if (stack.Plan().Steps.OfType<RunIdStep>().Any()) Assert.Empty(run.Resource(Planner.RunIdResource).DependsOn);
    }

    [Fact]
    public async Task The_release_comes_after_the_ingest_area_and_the_secret_and_the_job_after_the_release()
    {
        var run = (await ProgramRun.Of(StackUnderTest.File("dev"))).Succeeded();
        Assert.Equal(["oidc-client"], run.Resource("ingest-area").DependsOn);
        Assert.Equal("kubernetes:external-secrets.io/v1:ExternalSecret", run.Resource("oidc-client").Type);
        Assert.Equal(["ingest-area"], run.Resource("ingestor").DependsOn);
        // The janitor works on the ingest area the release was given; the Job comes last.
        Assert.Equal(["ingestor"], run.Resource("janitor").DependsOn);
        Assert.Equal(["janitor"], run.Resource(Planner.WorkloadResource).DependsOn);
        // The Job also depends on the run id, through its name: a property dependency the engine records.
        Assert.Contains((await run.Resource(Planner.WorkloadResource).Registration.Wire).Dependencies, r => r.GetResourceName() == Planner.RunIdResource);
    }

    [Fact]
    public async Task A_shared_scratch_claim_comes_after_the_release_and_before_the_job()
    {
        var stack = StackUnderTest.File("test").With("  srcnet:scratch:\n    mode: ephemeral\n", "  srcnet:scratch:\n    mode: sharedClaim\n");
        var run = (await ProgramRun.Of(stack)).Succeeded();
        Assert.Equal(["janitor"], run.Resource("scratch").DependsOn);
        Assert.Equal(["scratch"], run.Resource(Planner.WorkloadResource).DependsOn);
        Assert.Equal("temporal-scratch", Values.At(run.Request("kubernetes:core/v1:PersistentVolumeClaim", "scratch").Inputs, "metadata", "name"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_kubernetes_resource_is_given_the_stacks_provider(string name)
    {
        var run = (await ProgramRun.Of(StackUnderTest.File(name))).Succeeded();
        var provider = Assert.Single(run.Requests, r => r.Type == ProviderType);
        Assert.Equal(EnvironmentStack.ProviderName, provider.Name);
        Assert.NotEmpty(run.KubernetesRequests);
        // What the engine receives: a reference to that provider (its URN and id).
        Assert.All(run.KubernetesRequests, r => Assert.Contains($"{ProviderType}::{EnvironmentStack.ProviderName}::", r.Provider, StringComparison.Ordinal));
        // What the SDK registers it with: the provider resource itself.
        Assert.All(run.Declared.Where(d => d.Type.StartsWith("kubernetes:", StringComparison.Ordinal)), d => Assert.Equal(EnvironmentStack.ProviderName, d.Provider));
    }

    [Fact]
    public async Task The_stack_refuses_a_kubernetes_resource_without_an_explicit_provider()
    {
        var mocks = new Mocks(null, runIdKnown: true);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() =>
            Deployment.TestAsync<StackWithAStrayObject>(mocks, new TestOptions { StackName = "dev", ProjectName = ProgramRun.ProjectName, IsPreview = false })));
        Assert.Contains("kubernetes:core/v1:ConfigMap stray has no explicit provider: it would deploy to the current kubeconfig context", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(mocks.Requests, r => r.Name == "stray");
    }

    /// <summary>A program with the stack's options that declares an object the way a careless change would.</summary>
    private sealed class StackWithAStrayObject : global::Pulumi.Stack
    {
        public StackWithAStrayObject() : base(EnvironmentStack.Options())
        {
            _ = new global::Pulumi.Kubernetes.Core.V1.ConfigMap("stray");
        }
    }

    [Fact]
    public async Task The_provider_takes_the_context_as_cluster_identity_and_the_namespace_from_config()
    {
        var stack = StackUnderTest.File("test").With("  srcnet:deploy:\n", "  srcnet:deploy:\n    kubeContext: test-cluster\n");
        var provider = (await ProgramRun.Of(stack)).Succeeded().Request(ProviderType, EnvironmentStack.ProviderName);
        Assert.Equal("test-cluster", provider.Inputs["context"]);
        Assert.Equal("test-cluster", provider.Inputs["clusterIdentifier"]);
        Assert.Equal("srcnet-test", provider.Inputs["namespace"]);
        // A Secret's data is updated in place: pulumi-kubernetes v4.32.0 provider/pkg/provider/diff.go
        // (forceNewProperties) replaces a Secret on stringData/data changes only without it.
        // Provider config travels as text: the SDK sends a bool setting as JSON ("true").
        Assert.Equal("true", provider.Inputs["enableSecretMutable"]);
        Assert.False(provider.Inputs.ContainsKey("renderYamlToDirectory"));
    }

    [Fact]
    public async Task Without_a_context_the_provider_names_no_cluster_of_its_own()
    {
        var provider = (await ProgramRun.Of(StackUnderTest.File("test"))).Succeeded().Request(ProviderType, EnvironmentStack.ProviderName);
        Assert.False(provider.Inputs.ContainsKey("context"));
        Assert.False(provider.Inputs.ContainsKey("clusterIdentifier"));
    }

    [Fact]
    public async Task A_stack_that_renders_yaml_leaves_out_the_release()
    {
        // pulumi-kubernetes cannot render a Helm release to files (#1716); srcnet render writes its values.
        var stack = StackUnderTest.File("test").With("  srcnet:deploy:\n", "  srcnet:deploy:\n    renderYamlToDirectory: out/test\n");
        var run = (await ProgramRun.Of(stack)).Succeeded();
        Assert.Equal("out/test", run.Request(ProviderType, EnvironmentStack.ProviderName).Inputs["renderYamlToDirectory"]);
        Assert.DoesNotContain(run.Requests, r => r.Type == "kubernetes:helm.sh/v3:Release");
        // Without the release, the janitor follows the ingest area directly.
        Assert.Equal(["ingest-area"], run.Resource("janitor").DependsOn);
        Assert.Equal(["janitor"], run.Resource(Planner.WorkloadResource).DependsOn);
    }

    private static string? RunId(ProgramRun run) =>
        run.Requests.SingleOrDefault(r => r.Type == Mocks.RandomIdType) is { } random ? Mocks.HexFor(random.Inputs["keepers"]) : null;
}
