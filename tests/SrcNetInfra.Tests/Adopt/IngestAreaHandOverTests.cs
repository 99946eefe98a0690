using k8s.Models;
using SrcNetInfra.Core.Adoption;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Core.Verification;

namespace SrcNetInfra.Tests.Adopt;

/// <summary>
/// The hand-over of a chart-made ingest-area to the stack, step by step along the documented path
/// (README, "Adopt an existing environment"), with a model of what each tool does to the cluster.
/// What is modelled, and from where:
/// <list type="bullet">
/// <item>Helm's upgrade (helm/helm v3.20.2 pkg/kube/client.go, <c>update</c>): objects of the target
/// manifest are created or updated; each object of the current manifest that is not in the target is
/// read live and deleted, unless its live annotations say <c>helm.sh/resource-policy: keep</c>.</item>
/// <item>The chart 0.1.1: its manifest has the Deployment <c>core</c>, and the claim ingest-area
/// only when <c>persistence.existingClaim</c> is empty (inferred from the value's name, docs/ingestor.md;
/// the chart's templates are not available here).</item>
/// <item><c>pulumi up</c> with <c>adoptExisting</c> (upsertExistingObjects): a missing object is created; an
/// existing one is taken over by server-side apply, which sets the stack's fields and leaves the fields
/// other managers set, such as the keep annotation (docs/platform.md#creating-an-object-that-already-exists).</item>
/// </list>
/// The release values are the plan's own (<see cref="IngestorRelease.Values"/>), so a change that gave the
/// chart its claim back, or dropped existingClaim, shows here.
/// </summary>
public class IngestAreaHandOverTests
{
    /// <summary>An object in the model cluster: its annotations, and whether it still holds the ingested data.</summary>
    private sealed class LiveObject(Dictionary<string, string> annotations, bool holdsData = false)
    {
        public Dictionary<string, string> Annotations { get; } = annotations;
        public bool HoldsData { get; } = holdsData;
    }

    /// <summary>Objects by "Kind/name".</summary>
    private sealed class ModelCluster
    {
        public Dictionary<string, LiveObject> Objects { get; } = new(StringComparer.Ordinal);

        /// <summary>The release's manifest of its newest revision, as Helm keeps it.</summary>
        public List<string> ReleaseManifest { get; set; } = [];

        public LiveObject? Claim => Objects.GetValueOrDefault($"PersistentVolumeClaim/{IngestAreaClaim.Name}");
    }

    /// <summary>The chart's objects for a set of values (the inferred chart 0.1.1).</summary>
    private static List<string> ChartManifest(IReadOnlyDictionary<string, object> values)
    {
        var persistence = (IReadOnlyDictionary<string, object>)values["persistence"];
        var manifest = new List<string> { "Deployment/core" };
        if (persistence["enabled"] is true && (persistence.GetValueOrDefault("existingClaim") as string ?? "") == "")
            manifest.Add($"PersistentVolumeClaim/{IngestAreaClaim.Name}");
        return manifest;
    }

    /// <summary>The site's own values: the seed's reference values, with no existingClaim.</summary>
    private static readonly Dictionary<string, object> HandValues = new()
    {
        ["persistence"] = new Dictionary<string, object> { ["enabled"] = true, ["existingClaim"] = "", ["storageClass"] = "cephfs", ["size"] = "20Gi" },
    };

    /// <summary>helm install: every object of the manifest is created, marked as the release's.</summary>
    private static void HelmInstall(ModelCluster cluster, List<string> manifest)
    {
        foreach (var key in manifest)
            cluster.Objects[key] = new LiveObject(new() { [LiveClaim.HelmReleaseAnnotation] = Site.Release }, holdsData: key.StartsWith("PersistentVolumeClaim/", StringComparison.Ordinal));
        cluster.ReleaseManifest = manifest;
    }

    /// <summary>helm upgrade, as pkg/kube/client.go update does it.</summary>
    private static void HelmUpgrade(ModelCluster cluster, List<string> target)
    {
        foreach (var key in target)
            if (!cluster.Objects.ContainsKey(key)) cluster.Objects[key] = new LiveObject(new() { [LiveClaim.HelmReleaseAnnotation] = Site.Release });
        foreach (var key in cluster.ReleaseManifest.Except(target))
        {
            if (!cluster.Objects.TryGetValue(key, out var live)) continue;
            if (live.Annotations.GetValueOrDefault(LiveClaim.ResourcePolicyAnnotation) == LiveClaim.KeepPolicy) continue;
            cluster.Objects.Remove(key);
        }
        cluster.ReleaseManifest = target;
    }

    /// <summary>pulumi up: each object step is created, or taken over with the stack's annotations added to what is there.</summary>
    private static void PulumiUp(ModelCluster cluster, EnvironmentPlan plan)
    {
        foreach (var step in plan.Steps.OfType<ObjectStep>())
        {
            var key = $"{step.Object.Kind}/{step.Object.Metadata.Name}";
            var stackAnnotations = step.Object.Metadata.Annotations ?? new Dictionary<string, string>();
            if (cluster.Objects.TryGetValue(key, out var live))
                foreach (var (k, v) in stackAnnotations) live.Annotations[k] = v;
            else
                cluster.Objects[key] = new LiveObject(new Dictionary<string, string>(stackAnnotations));
        }
        if (plan.Steps.OfType<ReleaseStep>().SingleOrDefault() is { } release)
            HelmUpgrade(cluster, ChartManifest(release.Release.Values));
    }

    /// <summary>What srcnet adopt would read from the model cluster.</summary>
    private static AdoptionObservation Observe(ModelCluster cluster, CheckedEnvironment env) => new(
        new ClusterRef("model", "model"),
        NamespaceExists: true,
        ExistingObjects: new HashSet<string>(),
        IngestArea: cluster.Claim is { } claim
            ? new LiveClaim("cephfs", ["ReadWriteMany"], env.Sizing.IngestRequest.Text, claim.Annotations)
            : null,
        Secret: new LiveSecret(new HashSet<string> { "oidc-client-id", "oidc-client-secret" }, null),
        Release: new HelmReleaseRecord(Site.Release, 1, "deployed", Site.Chart, "0.1.1"));

    /// <summary>Runs a command adopt printed on the model: only the annotate command exists here.</summary>
    private static void Run(ModelCluster cluster, string command)
    {
        Assert.Equal($"kubectl annotate persistentvolumeclaim {IngestAreaClaim.Name} -n {Site.Namespace} {LiveClaim.ResourcePolicyAnnotation}={LiveClaim.KeepPolicy}", command);
        cluster.Claim!.Annotations[LiveClaim.ResourcePolicyAnnotation] = LiveClaim.KeepPolicy;
    }

    private static ModelCluster HandMadeSite()
    {
        var cluster = new ModelCluster();
        HelmInstall(cluster, ChartManifest(HandValues));
        Assert.True(cluster.Claim!.HoldsData);
        return cluster;
    }

    [Fact]
    public void Along_the_documented_path_the_claim_and_its_data_stay_through_every_step()
    {
        var cluster = HandMadeSite();
        var first = Site.Environment(Site.StackYaml(adoptExisting: true, manage: false));
        var second = Site.Environment(Site.StackYaml(adoptExisting: false, manage: true));
        var paths = new AdoptionPaths("prod", "stacks/Pulumi.prod.yaml", "adopt-prod.json");

        // 1. srcnet adopt: the chart's claim is not kept, a blocker with the command that keeps it.
        var report = Adoption.Decide(Planner.Plan(first), Observe(cluster, first), paths);
        var blocker = Assert.Single(report.Blockers);
        Run(cluster, blocker.Command!);
        Assert.True(Adoption.Decide(Planner.Plan(first), Observe(cluster, first), paths).Ready);

        // 2. The first pulumi up (adoptExisting, manage false): the claim is taken over, the release untouched.
        var firstPlan = Planner.Plan(first);
        Assert.Empty(firstPlan.Steps.OfType<ReleaseStep>());
        PulumiUp(cluster, firstPlan);
        Assert.True(cluster.Claim!.HoldsData);
        Assert.Equal(LiveClaim.KeepPolicy, cluster.Claim.Annotations[LiveClaim.ResourcePolicyAnnotation]);
        Assert.Contains($"PersistentVolumeClaim/{IngestAreaClaim.Name}", cluster.ReleaseManifest);

        // 3. pulumi import changes only Pulumi's state.

        // 4. The second pulumi up (manage true): the release's values give the chart the stack's claim,
        //    the claim leaves the release's manifest, and Helm leaves it because it is kept.
        var secondPlan = Planner.Plan(second);
        var release = Assert.Single(secondPlan.Steps.OfType<ReleaseStep>());
        Assert.DoesNotContain($"PersistentVolumeClaim/{IngestAreaClaim.Name}", ChartManifest(release.Release.Values));
        PulumiUp(cluster, secondPlan);
        Assert.True(cluster.Claim!.HoldsData);
        Assert.Contains("Deployment/core", cluster.Objects.Keys);
        Assert.Equal(["Deployment/core"], cluster.ReleaseManifest);
    }

    [Fact]
    public void Skipping_the_keep_step_loses_the_claim_in_the_second_pulumi_up_which_is_why_adopt_blocks()
    {
        var cluster = HandMadeSite();
        var first = Site.Environment(Site.StackYaml(adoptExisting: true, manage: false));
        var second = Site.Environment(Site.StackYaml(adoptExisting: false, manage: true));

        Assert.False(Adoption.Decide(Planner.Plan(first), Observe(cluster, first), new AdoptionPaths("prod", null, "a.json")).Ready);
        PulumiUp(cluster, Planner.Plan(first));
        Assert.NotNull(cluster.Claim);
        PulumiUp(cluster, Planner.Plan(second));

        Assert.Null(cluster.Claim);
    }
}
