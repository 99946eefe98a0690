using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The recommended <c>app.kubernetes.io/*</c> labels on every object, so one selector finds an
/// environment's objects (<c>app.kubernetes.io/instance=&lt;stack&gt;</c>), and srcnet's own annotations.
/// </summary>
public static class Labels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string Version = "app.kubernetes.io/version";

    public const string AppName = "srcnet-aastar";
    public const string System = "srcnet";
    public const string Manager = "srcnet-infra";

    /// <summary>Labels for one object; sorted so rendering is byte-identical run after run.</summary>
    public static SortedDictionary<string, string> For(EnvironmentSpec spec, string component, string? version = null)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Name] = AppName,
            [Instance] = spec.Stack,
            [Component] = component,
            [PartOf] = System,
            [ManagedBy] = Manager,
        };
        // An image tag may be longer than a label value may be (63) or end in '.', '_' or '-':
        // then the version label is left out rather than make the API server reject the object.
        if (version is not null && Config.Names.CheckLabelValue(version) is null) labels[Version] = version;
        return labels;
    }
}

/// <summary>Annotation keys srcnet writes; <c>srcnet verify</c> reads them back from the cluster.</summary>
public static class Annotations
{
    public const string Prefix = "srcnet.skao.int/";
    public const string RunId = Prefix + "run-id";
    public const string ObsId = Prefix + "obs-id";
    public const string FilePrefix = Prefix + "file-prefix";
    public const string ObsIdPattern = Prefix + "obs-id-pattern";
    public const string FilePrefixPattern = Prefix + "file-prefix-pattern";
    public const string Products = Prefix + "products";
    public const string ScratchBytes = Prefix + "estimate-scratch-bytes";
    public const string IngestBytes = Prefix + "estimate-ingest-bytes-per-run";
    public const string ScratchRequest = Prefix + "scratch-request";
    public const string RunsToHold = Prefix + "runs-to-hold";

    /// <summary>How many points a campaign has (its Job's completions).</summary>
    public const string CampaignPoints = Prefix + "campaign-points";

    /// <summary>The ConfigMap with a campaign Job's point table: verify reads the points from it.</summary>
    public const string CampaignPointTable = Prefix + "campaign-point-table";

    /// <summary>Makes Pulumi wait until an object reports a condition (the provider's await logic).</summary>
    public const string PulumiWaitFor = "pulumi.com/waitFor";

    /// <summary>How long Pulumi waits for <see cref="PulumiWaitFor"/> before failing the update.</summary>
    public const string PulumiTimeoutSeconds = "pulumi.com/timeoutSeconds";

    /// <summary>How Pulumi deletes an object: <c>orphan</c> leaves what it owns (a CronJob's running Job).</summary>
    public const string PulumiDeletionPropagation = "pulumi.com/deletionPropagationPolicy";

    /// <summary>Tells Pulumi not to wait for a Job to complete: simulations run for hours.</summary>
    public const string PulumiSkipAwait = "pulumi.com/skipAwait";
}
