using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Plan;

/// <summary>
/// The shell scripts the simulation's and the janitor's containers run (Plan/Scripts/*.sh, embedded
/// as resources), and the environment variables they read. A container runs one as
/// <c>/bin/sh -c &lt;script&gt; &lt;name&gt; [args...]</c>: the script's text is the same for every
/// stack, and every user value reaches it as an environment variable or an argument, never as
/// part of its text. The hand-over protocol is described in docs/handover.md.
/// </summary>
public static partial class ContainerScripts
{
    /// <summary>
    /// Runs the workflow command given as its arguments in a run-private directory on the ingest
    /// claim, then hands the products over to staging (data before metadata) and records the run
    /// in the ledger. Needs OBS_ID, FILE_PREFIX (or the two patterns) and RUCIO_NAMESPACE.
    /// </summary>
    public static string Run { get; } = Load("run.sh");

    /// <summary>Removes expired products from processed/, expired run directories and old ledger entries.</summary>
    public static string Janitor { get; } = Load("janitor.sh");

    /// <summary>
    /// Runs one point of a campaign: reads its line of the point table for the pod's completion index,
    /// exports the point's variables, adds its products to the command and hands over to <see cref="Run"/>
    /// (docs/campaign.md#the-point-table).
    /// </summary>
    public static string Point { get; } = Load("point.sh");

    /// <summary>The scripts' <c>$0</c>: the word every log line of theirs starts with.</summary>
    public const string RunName = "srcnet-run";
    public const string JanitorName = "srcnet-janitor";
    public const string PointName = "srcnet-point";

    /// <summary>The file of the campaign's point table, in its ConfigMap's volume. Point only.</summary>
    public const string CampaignPointsVariable = "SRCNET_CAMPAIGN_POINTS";

    /// <summary>
    /// A point's products in its table line, as product names separated by ','; the point script
    /// turns them into the workflow's flags. Point only (a field of the table, not of the pod).
    /// </summary>
    public const string PointProductsField = "SRCNET_PRODUCTS";

    /// <summary>The Job controller's variable with the pod's completion index (docs/campaign.md#what-kubernetes-checks).</summary>
    public const string CompletionIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>Where the ingest claim is mounted in the container; default /ingest. Both scripts.</summary>
    public const string IngestRootVariable = "SRCNET_INGEST_ROOT";

    /// <summary>The ingestor's staging root (products go to &lt;it&gt;/&lt;scope&gt;/); default &lt;root&gt;/staging. Run only.</summary>
    public const string StagingDirVariable = "SRCNET_STAGING_DIR";

    /// <summary>The ingestor's metadata_suffix, without the dot; default meta. Both scripts.</summary>
    public const string MetadataSuffixVariable = "SRCNET_METADATA_SUFFIX";

    /// <summary>Seconds between heartbeats of a running run; default 60. Run only.</summary>
    public const string HeartbeatSecondsVariable = "SRCNET_HEARTBEAT_SECONDS";

    /// <summary>A numeric group every handed-over product is given (chgrp); unset: the files keep root's group. Run only.</summary>
    public const string IngestGidVariable = "SRCNET_INGEST_GID";

    /// <summary>
    /// A CronJob run's OBS_ID and FILE_PREFIX patterns: when OBS_ID is not set, the script puts
    /// its run id (UTC start and the pod name's random suffix) at every <c>{run}</c>. Run only.
    /// </summary>
    public const string ObsIdPatternVariable = "SRCNET_OBS_ID_PATTERN";
    public const string FilePrefixPatternVariable = "SRCNET_FILE_PREFIX_PATTERN";

    /// <summary>How long a product stays in processed/ (a <see cref="IsDuration">duration</see>); default 30d. Janitor only.</summary>
    public const string RetentionVariable = "SRCNET_RETENTION";

    /// <summary>How long a failed or killed run's directory is kept for inspection; default 7d. Janitor only.</summary>
    public const string FailedRunRetentionVariable = "SRCNET_FAILED_RUN_RETENTION";

    /// <summary>A running run without a heartbeat for this long was killed outright; default 3h. Janitor only.</summary>
    public const string StaleRunAfterVariable = "SRCNET_STALE_RUN_AFTER";

    /// <summary>How long the ledger remembers a finished run (and so refuses to run it again); default 400d. Janitor only.</summary>
    public const string LedgerRetentionVariable = "SRCNET_LEDGER_RETENTION";

    /// <summary>
    /// The variables the run script reads besides the workflow's own contract (OBS_ID, FILE_PREFIX,
    /// RUCIO_NAMESPACE) and the pod name (<see cref="SimulationRun.PodNameVariable"/>, else HOSTNAME).
    /// It sets OUT_DIR for the workflow itself.
    /// </summary>
    public static readonly IReadOnlyList<string> RunVariables =
    [
        IngestRootVariable, StagingDirVariable, MetadataSuffixVariable, HeartbeatSecondsVariable, IngestGidVariable,
        ObsIdPatternVariable, FilePrefixPatternVariable,
    ];

    /// <summary>The variables the janitor reads (besides the pod name, which its lock records).</summary>
    public static readonly IReadOnlyList<string> JanitorVariables =
    [
        IngestRootVariable, MetadataSuffixVariable, RetentionVariable, FailedRunRetentionVariable, StaleRunAfterVariable, LedgerRetentionVariable,
    ];

    /// <summary>The variables (and table fields) the point script reads besides the run script's and the pod name.</summary>
    public static readonly IReadOnlyList<string> PointVariables = [CampaignPointsVariable, PointProductsField, IngestRootVariable, HeartbeatSecondsVariable];

    /// <summary>
    /// A campaign point's container arguments after <c>/bin/sh -c</c>: the point script, its name, the
    /// run script, then the workflow command without its product flags (they come from the point).
    /// </summary>
    public static IReadOnlyList<string> PointArgs(IEnumerable<string> workflowCommand) => [Point, PointName, Run, .. workflowCommand];

    /// <summary>The run script's container arguments after <c>/bin/sh -c</c>: the script, its name, then the workflow command.</summary>
    public static IReadOnlyList<string> RunArgs(IEnumerable<string> workflowCommand) => [Run, RunName, .. workflowCommand];

    /// <summary>The janitor's container arguments after <c>/bin/sh -c</c>.</summary>
    public static IReadOnlyList<string> JanitorArgs() => [Janitor, JanitorName];

    /// <summary>
    /// True for a duration the janitor accepts: a whole number from 1 to 999999 without leading
    /// zeros, then m (minutes), h (hours) or d (days), e.g. 90m, 12h, 30d. The janitor exits 2 on
    /// anything else, so config validation can reject it first.
    /// </summary>
    public static bool IsDuration(string value) => Duration().IsMatch(value);

    [GeneratedRegex(@"^[1-9][0-9]{0,5}[mhd]\z")]
    private static partial Regex Duration();

    private static string Load(string name) => EmbeddedText.Read($"SrcNetInfra.Core.Plan.Scripts.{name}");
}
