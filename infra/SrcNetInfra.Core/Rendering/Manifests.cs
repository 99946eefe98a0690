using System.Text;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Rendering;

/// <summary>
/// The plan's Kubernetes objects as one multi-document YAML, in apply order, ready for
/// <c>kubectl apply -f -</c>. Byte-identical for the same plan: nothing here reads the clock,
/// the machine or a random source, and every map is sorted or ordered by construction.
/// </summary>
public static class Manifests
{
    public const string ValuesFileName = "ingestor-values.yaml";
    public const string ReleaseFileName = "ingestor-release.yaml";
    public const string ManifestsFileName = "manifests.yaml";

    public static string Render(EnvironmentPlan plan)
    {
        var yaml = new StringBuilder();
        foreach (var line in Header(plan)) yaml.Append(YamlWriter.Comment(line));
        return yaml.Append(Documents(plan.Objects.Select(o => (object)o.Object))).ToString();
    }

    /// <summary>Objects as YAML documents in their JSON form, each after a <c>---</c> line.</summary>
    public static string Documents(IEnumerable<object> objects)
    {
        var yaml = new StringBuilder();
        foreach (var o in objects)
        {
            yaml.Append("---\n");
            YamlWriter.AppendDocument(yaml, JsonForm.Of(o));
        }
        return yaml.ToString();
    }

    private static IEnumerable<string> Header(EnvironmentPlan plan)
    {
        var spec = plan.Spec;
        var release = plan.Ingestor;
        yield return $"srcnet render, stack {spec.Stack}: what `pulumi up` deploys into namespace {spec.Namespace.Name},";
        yield return spec.Ingestor.Manage
            ? $"and the ingestor release, which it installs after the claim {IngestAreaClaim.Name} (given to the chart as its existingClaim):"
            : $"but not the ingestor release (srcnet:ingestor.manage is false while it is adopted), which would be upgraded with:";
        yield return $"  {release.HelmCommand(ValuesFileName)}";
        yield return $"  (srcnet render --stack {spec.Stack} --out DIR writes {ValuesFileName} and {ReleaseFileName})";
        if (plan.ManagedSecret is { } secret)
        {
            yield return "";
            yield return $"Secret {secret.Name} is created by `pulumi up` from the Pulumi secrets " +
                         string.Join(" and ", secret.ConfigKeyBySecretKey.Values) + "; its values are never rendered.";
            // From files, not --from-literal: a literal would stay in shell history and the process list.
            yield return $"Without Pulumi, create it first from files holding the values (then delete them):";
            yield return $"  kubectl create secret generic {secret.Name} -n {secret.Namespace} " +
                         string.Join(" ", secret.ConfigKeyBySecretKey.Keys.Select(k => $"--from-file={k}=./{k}"));
        }
        if (plan.Run.RunId is { } runId && plan.Steps.OfType<RunObjectStep>().Single().RenderedRunIdGiven)
        {
            yield return "";
            yield return $"Run id {runId} was given with --run-id: this is the Job `pulumi up` deployed with stack output runId {runId}.";
        }
        else if (plan.Run.RunId is { } derived)
        {
            yield return "";
            yield return $"Run id {derived} is derived from the run's inputs; `pulumi up` draws a random one (stack output runId).";
            yield return $"Render a deployed run exactly with --run-id <runId>.";
        }
    }
}
