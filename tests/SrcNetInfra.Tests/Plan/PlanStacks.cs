using System.Text.Json.Nodes;
using k8s.Models;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Plan;

/// <summary>
/// Checked environments and their plans for the plan tests. <see cref="Minimal"/> states only the
/// keys without a default; a test changes what it is about with dotted-key overrides whose values
/// are YAML (a scalar, or a flow list or map), read by the same <see cref="StackFile"/> reader as a
/// real stack file, so values are typed exactly as in <c>Pulumi.&lt;stack&gt;.yaml</c>.
/// </summary>
internal static class PlanStacks
{
    public const string Stack = "t";

    public const string Minimal = MinimalStack.Yaml;

    /// <summary>A simulation big enough that both volume requests are well above the 1Gi floor.</summary>
    public static readonly (string Key, string? Yaml)[] Big =
    [
        ("srcnet:workflow.simulation.numTimeStamps", "2000"),
        ("srcnet:workflow.simulation.imagingNpixel", "8192"),
        ("srcnet:workflow.products", "[visibility, dirty, cleaned]"),
    ];

    /// <summary>A simulation as small as the estimator allows: both requests fall to the 1Gi floor.</summary>
    public static readonly (string Key, string? Yaml)[] Tiny =
    [
        ("srcnet:workflow.simulation.numTimeStamps", "1"),
        ("srcnet:workflow.simulation.imagingNpixel", "16"),
        ("srcnet:workflow.products", "[dirty]"),
        ("srcnet:ingestor.persistence.runsToHold", "1"),
    ];

    /// <summary>The checked environment of <see cref="Minimal"/> with the overrides; fails the test on any config error.</summary>
    public static CheckedEnvironment Env(params (string Key, string? Yaml)[] overrides) => EnvIn(Stack, overrides);

    public static CheckedEnvironment EnvIn(string stack, params (string Key, string? Yaml)[] overrides)
    {
        var values = Parse(Minimal);
        foreach (var (key, yaml) in overrides) StackValues.Set(values, key, yaml);
        return Check(stack, values);
    }

    /// <summary>The checked environment of a whole stack file's text.</summary>
    public static CheckedEnvironment EnvFromYaml(string yaml, string stack = Stack) => Check(stack, Parse(yaml));

    public static EnvironmentPlan Plan(params (string Key, string? Yaml)[] overrides) => Planner.Plan(Env(overrides));

    public static (string Key, string? Yaml)[] With(this (string Key, string? Yaml)[] first, params (string Key, string? Yaml)[] more) =>
        [.. first, .. more];

    // ----- finding things in a plan --------------------------------------------------------------

    public static T Single<T>(this EnvironmentPlan plan) where T : class =>
        Assert.Single(plan.Objects.Select(o => o.Object).OfType<T>());

    public static V1Job Job(this EnvironmentPlan plan) => plan.Single<V1Job>();

    public static V1CronJob CronJob(this EnvironmentPlan plan) => plan.Single<V1CronJob>();

    /// <summary>The simulation's pod spec, whether it runs as a Job or a CronJob.</summary>
    public static V1PodSpec Pod(this EnvironmentPlan plan) =>
        plan.Objects.Select(o => o.Object).OfType<V1Job>().SingleOrDefault()?.Spec.Template.Spec
        ?? plan.CronJob().Spec.JobTemplate.Spec.Template.Spec;

    public static V1Container Container(this EnvironmentPlan plan) => Assert.Single(plan.Pod().Containers);

    public static V1Volume Volume(this EnvironmentPlan plan, string name) =>
        Assert.Single(plan.Pod().Volumes, v => v.Name == name);

    /// <summary>The container's environment as a map; fails when a name occurs twice.</summary>
    public static IReadOnlyDictionary<string, string> EnvVars(this EnvironmentPlan plan)
    {
        var env = plan.Container().Env;
        Assert.Equal(env.Count, env.Select(e => e.Name).Distinct().Count());
        return env.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The command the run script runs (<c>/bin/sh -c &lt;run script&gt; srcnet-run &lt;workflow command...&gt;</c>),
    /// after checking that the container runs the run script.
    /// </summary>
    public static IReadOnlyList<string> WorkflowCommand(this EnvironmentPlan plan)
    {
        var container = plan.Container();
        Assert.Equal(["/bin/sh", "-c"], container.Command);
        Assert.Equal(ContainerScripts.Run, container.Args[0]);
        Assert.Equal(ContainerScripts.RunName, container.Args[1]);
        return [.. container.Args.Skip(2)];
    }

    /// <summary>A nested map of the Helm values by a dotted path, e.g. <c>config.debug</c>.</summary>
    public static object Value(this EnvironmentPlan plan, string dottedPath)
    {
        object node = plan.Ingestor.Values;
        foreach (var part in dottedPath.Split('.'))
        {
            var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(node);
            Assert.True(map.ContainsKey(part), $"Helm values have no {dottedPath} (missing '{part}')");
            node = map[part];
        }
        return node;
    }

    // ----- plumbing -------------------------------------------------------------------------------

    private static CheckedEnvironment Check(string stack, Dictionary<string, JsonNode?> values)
    {
        var result = EnvironmentCheck.Run(stack, values);
        var errors = string.Join("\n", result.Errors.Select(p => p.ToString()));
        Assert.True(result.Ok, "the test stack has config errors:\n" + errors);
        return result.Environment!;
    }

    private static Dictionary<string, JsonNode?> Parse(string yaml) => StackValues.Parse(yaml, $"Pulumi.{Stack}.yaml");
}
