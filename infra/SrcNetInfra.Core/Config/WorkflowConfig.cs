using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Reads <c>srcnet:workflow</c>. Defaults are the seed's example job (docs/workflow.md#environment-variables); the image tag and
/// the node placement are the site's to state.
/// </summary>
internal static partial class WorkflowConfig
{
    public static readonly string[] PullPolicies = ["IfNotPresent", "Always", "Never"];
    public static readonly string[] AffinityOperators = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"];
    public static readonly string[] TolerationOperators = ["Equal", "Exists"];
    public static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    // A CronJob's Jobs are named <cronjob>-<11 digits>, and a Job gets -<8 hex digits>: 52 keeps both within 63.
    public const int MaxNameLength = 52;

    [GeneratedRegex(@"^[A-Za-z0-9._-]*$")]
    private static partial Regex SafeWord();

    [GeneratedRegex(@"^/[A-Za-z0-9._/-]*$")]
    private static partial Regex SafePath();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,25}$")]
    private static partial Regex RucioScope();


    public static WorkflowSpec Read(ConfigSection s, Problems problems)
    {
        var mode = s.Choice("mode", WorkflowMode.Job, ConfigWords.WorkflowMode);

        var name = s.String("name", "karabo-aastar");
        if (Names.CheckLabelName(name, MaxNameLength) is { } badName) problems.Error(s.KeyOf("name"), badName);

        var schedule = ReadSchedule(s, mode, problems);
        var timeZone = s.OptionalString("timeZone");
        if (timeZone is not null && TimeZones.Check(timeZone) is { } badZone)
            problems.Error(s.KeyOf("timeZone"), badZone);
        else if (mode == WorkflowMode.CronJob && CronSchedule.Check(schedule) is null
                 && ClockChanges.Warning(schedule, timeZone, Duration.ScheduleInterval.Shortest(schedule)) is { } clocks)
            problems.Warning(s.KeyOf("timeZone"), clocks);

        var image = ReadImage(s.Section("image"), problems);
        var products = ReadProducts(s, problems);
        var simulation = ReadSimulation(s.Section("simulation"), problems);
        var metadata = ReadMetadata(s.Section("metadata"), problems);

        var outDir = s.String("outDir", "/ingest/staging");
        if (!SafePath().IsMatch(outDir) || !(outDir + "/").StartsWith("/ingest/", StringComparison.Ordinal) || outDir.Contains("..", StringComparison.Ordinal))
            problems.Error(s.KeyOf("outDir"), $"must be a path inside the ingest area mounted at /ingest, e.g. /ingest/staging (got {UserText.Quote(outDir)})");
        else if (outDir.TrimEnd('/') != "/ingest/staging")
            problems.Warning(s.KeyOf("outDir"), $"the ingestor picks up products from staging/ of the ingest area; {outDir} may never be ingested");

        var resources = ReadResources(s.Section("resources"));
        var affinity = s.List("nodeAffinity", r => ReadNodeRequirement(r, problems));
        var tolerations = s.List("tolerations", r => ReadToleration(r, problems));

        var runNumber = s.Int("runNumber", 0, min: 0);
        var ttl = s.OptionalInt("ttlSecondsAfterFinished", min: 0);
        var (deadline, deadlineAuto) = s.OptionalIntOrWord("activeDeadlineSeconds", "auto", min: 1);
        var calibration = s.OptionalString("calibration");
        if (calibration is not null && !Duration.CalibrationFile.IsName(calibration))
            problems.Error(s.KeyOf("calibration"), $"must name a file in calibrations/ without .yaml: {Duration.CalibrationFile.NameRule} (got {UserText.Quote(calibration)})");
        var successfulHistory = s.Int("successfulJobsHistoryLimit", 3, min: 0, max: 100);
        var failedHistory = s.Int("failedJobsHistoryLimit", 3, min: 0, max: 100);
        var startingDeadline = s.OptionalInt("startingDeadlineSeconds", min: 10);
        var cache = ReadSkyModelCache(s.Section("skyModelCache"), mode, problems);

        if (mode != WorkflowMode.CronJob)
        {
            var word = ConfigWords.WorkflowMode.Of(mode);
            foreach (var key in new[] { "successfulJobsHistoryLimit", "failedJobsHistoryLimit", "startingDeadlineSeconds", "timeZone" })
                if (s.Has(key)) problems.Warning(s.KeyOf(key), $"only applies to mode cronjob; mode is {word}, so it is ignored");
        }
        else if (s.Has("runNumber"))
        {
            problems.Warning(s.KeyOf("runNumber"), "only applies to modes job and campaign (a CronJob names each run by its UTC time); it is ignored");
        }

        s.Done();
        return new WorkflowSpec
        {
            Mode = mode,
            Name = name,
            Schedule = schedule,
            TimeZone = timeZone,
            Image = image,
            Products = products,
            Simulation = simulation,
            Metadata = metadata,
            OutDir = outDir,
            Resources = resources,
            NodeAffinity = affinity,
            Tolerations = tolerations,
            RunNumber = runNumber,
            TtlSecondsAfterFinished = ttl,
            ActiveDeadlineSeconds = deadline,
            SuccessfulJobsHistoryLimit = successfulHistory,
            FailedJobsHistoryLimit = failedHistory,
            StartingDeadlineSeconds = startingDeadline,
            SkyModelCache = cache,
            ActiveDeadlineAuto = deadlineAuto,
            Calibration = calibration,
        };
    }

    private static string ReadSchedule(ConfigSection s, WorkflowMode mode, Problems problems)
    {
        var schedule = s.String("schedule", "0 * * * *");
        if (mode != WorkflowMode.CronJob)
        {
            if (s.Has("schedule")) problems.Warning(s.KeyOf("schedule"), $"only applies to mode cronjob; mode is {ConfigWords.WorkflowMode.Of(mode)}, so it is ignored");
            return schedule;
        }
        if (CronSchedule.Check(schedule) is { } bad)
            problems.Error(s.KeyOf("schedule"), $"{bad}; e.g. '0 * * * *' or @hourly (got {UserText.Quote(schedule)})");
        else if (CronSchedule.NeverFires(schedule))
            problems.Warning(s.KeyOf("schedule"), $"never fires: no date matches it (got {UserText.Quote(schedule)})");
        return schedule;
    }

    private static ContainerImage ReadImage(ConfigSection s, Problems problems)
    {
        var repository = s.String("repository", "ghcr.io/i4ds/karabo-pipeline");
        var tag = s.String("tag", null, "pin a karabo-pipeline image tag with karabo >= 0.34.0");
        var pullPolicy = s.Choice("pullPolicy", "IfNotPresent", PullPolicies);
        s.Done();
        // An empty tag is unset: String has reported it as required.
        ImageReference.Report(s, repository, tag.Length > 0 ? tag : null, problems, example: "ghcr.io/i4ds/karabo-pipeline");
        if (tag == "latest")
            problems.Warning(s.KeyOf("tag"), "'latest' changes under a running stack; pin a version (karabo >= 0.34.0)");
        return new ContainerImage(repository, tag, pullPolicy);
    }

    private static ProductSelection ReadProducts(ConfigSection s, Problems problems)
    {
        var names = s.StringList("products", ProductSelection.Default.SelectedNames);
        var selection = ProductSelection.TryParse(names, out var error);
        if (selection is null)
        {
            problems.Error(s.KeyOf("products"), error!);
            return ProductSelection.Default;
        }
        if (selection.IsEmpty)
            problems.Error(s.KeyOf("products"), "must name at least one of visibility, dirty, cleaned (the workflow fails at start without one)");
        if (selection.Visibility)
            problems.Warning(s.KeyOf("products"), VisibilityWarning);
        return selection;
    }

    internal const string VisibilityWarning =
        "visibility ingests a MeasurementSet, which is a directory; the datalake's ingestor may not accept hierarchical products";

    private static SimulationSpec ReadSimulation(ConfigSection s, Problems problems)
    {
        var skyModel = s.Choice("skyModel", "MIGHTEE_L1", "MIGHTEE_L1");
        var spec = new SimulationSpec
        {
            SkyModel = skyModel,
            PhaseCenterRaDeg = s.Number(SimulationSettings.PhaseCenterRaDeg),
            PhaseCenterDecDeg = s.Number(SimulationSettings.PhaseCenterDecDeg),
            StartFreqHz = s.Number(SimulationSettings.StartFreqHz),
            EndFreqHz = s.Number(SimulationSettings.EndFreqHz),
            FreqIncHz = s.Number(SimulationSettings.FreqIncHz),
            ObsLengthHours = s.Number(SimulationSettings.ObsLengthHours),
            NumTimeStamps = s.Int(SimulationSettings.NumTimeStamps),
            StartDateAndTime = s.String("startDateAndTime", StartTime.Default),
            ImagingNpixel = s.Int(SimulationSettings.ImagingNpixel),
            ImagingCellsize = ReadCellsize(s, problems),
            Stations = s.Int(SimulationSettings.Stations),
        };
        s.Done();

        if (Band.Check(spec.StartFreqHz, spec.EndFreqHz, spec.FreqIncHz, setting => setting.Key) is { } band)
            problems.Error(s.KeyOf(band.Setting.Key), band.Reason);
        if (StartTime.Check(spec.StartDateAndTime) is { } badTime)
            problems.Error(s.KeyOf("startDateAndTime"), badTime);
        if (spec.Stations != SimulationSettings.Stations.Default)
            problems.Warning(s.KeyOf("stations"), $"the workflow always simulates SKA-Mid AA* (144 stations); {spec.Stations} only changes the estimate");
        return spec;
    }

    private static double? ReadCellsize(ConfigSection s, Problems problems)
    {
        var text = s.String("imagingCellsize", "None");
        if (TryCellsize(text, out var cell)) return cell;
        problems.Error(s.KeyOf("imagingCellsize"), CellsizeRule(text));
        return null;
    }

    /// <summary>IMAGING_CELLSIZE: <c>None</c> (null) or radians per pixel, above 0 and below pi.</summary>
    internal static bool TryCellsize(string text, out double? cell)
    {
        cell = null;
        if (text == "None") return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v > 0 && v < Math.PI)) return false;
        cell = v;
        return true;
    }

    internal static string CellsizeRule(string text) =>
        $"must be a cell size in radians per pixel (> 0) or None to derive it from the field of view (got {UserText.Quote(text)})";

    private static MetadataSpec ReadMetadata(ConfigSection s, Problems problems)
    {
        var scope = s.String("rucioNamespace", "testing");
        if (!RucioScope().IsMatch(scope))
            problems.Error(s.KeyOf("rucioNamespace"), $"must be a Rucio scope: 1 to 25 letters, digits, '_', '.' or '-' (got {UserText.Quote(scope)})");
        var lifetime = s.Number("rucioLifetime", 31_536_000, v => v >= 1 && v == Math.Floor(v) && v <= long.MaxValue / 2 ? null : "must be a whole number of seconds, at least 1");
        var authority = s.String("ivoidAuthority", "test.skao");
        var path = s.String("ivoidPath", "/~");
        var collection = s.String("obsCollection", "SKAO/SKAMID");
        var obsId = ReadRunPattern(s, "obsIdPattern", "{run}_SKAMID_Karabo", problems);
        var filePrefix = ReadRunPattern(s, "filePrefixPattern", "{run}-SKAMID-Karabo", problems);
        s.Done();
        if (authority.Length == 0) problems.Error(s.KeyOf("ivoidAuthority"), "must not be empty (the publisher DID's authority, e.g. test.skao)");
        if (collection.Length == 0) problems.Error(s.KeyOf("obsCollection"), "must not be empty (the ObsCore collection, e.g. SKAO/SKAMID)");
        return new MetadataSpec
        {
            RucioNamespace = scope,
            RucioLifetime = (long)lifetime,
            IvoidAuthority = authority,
            IvoidPath = path,
            ObsCollection = collection,
            ObsIdPattern = obsId,
            FilePrefixPattern = filePrefix,
        };
    }

    /// <summary>
    /// OBS_ID and FILE_PREFIX patterns: exactly one <c>{run}</c>, so every run is unique in Rucio,
    /// and otherwise only characters that are safe in a file name and in the CronJob's shell line.
    /// </summary>
    private const int MaxRunPatternText = 100;

    private static string ReadRunPattern(ConfigSection s, string key, string fallback, Problems problems)
    {
        var pattern = s.String(key, fallback);
        var parts = pattern.Split(MetadataSpec.RunPlaceholder);
        if (parts.Length != 2)
            problems.Error(s.KeyOf(key), $"must contain {MetadataSpec.RunPlaceholder} exactly once, so that every run is unique (got {UserText.Quote(pattern)})");
        else if (!parts.All(p => SafeWord().IsMatch(p)))
            problems.Error(s.KeyOf(key), $"may only hold letters, digits, '.', '_', '-' around {MetadataSpec.RunPlaceholder} (got {UserText.Quote(pattern)})");
        // Each becomes a file name on the ingest claim (the run's directory and ledger entry, the products),
        // which a filesystem limits to 255 bytes; {run} is at most 41 (a campaign's) and a product adds ~20.
        else if (parts[0].Length + parts[1].Length > MaxRunPatternText)
            problems.Error(s.KeyOf(key), $"may hold at most {MaxRunPatternText} characters around {MetadataSpec.RunPlaceholder} (got {parts[0].Length + parts[1].Length}): it is part of file names, which may have at most 255");
        return pattern;
    }

    /// <summary>
    /// On by default for a CronJob (a download every hour, from outside the cluster), off for a Job;
    /// a site without egress to the catalogue's object store needs it on and filled.
    /// </summary>
    private static SkyModelCacheSpec? ReadSkyModelCache(ConfigSection s, WorkflowMode mode, Problems problems)
    {
        var enabled = s.Choice("enabled", "auto", "auto", "true", "false");
        var size = s.Quantity("size", "1Gi")!;
        var storageClass = s.OptionalString("storageClass");
        var accessMode = s.Choice("accessMode", "ReadWriteMany", IngestorConfig.AccessModes);
        s.Done();
        if (storageClass is not null && Names.CheckObjectName(storageClass) is { } badClass) problems.Error(s.KeyOf("storageClass"), badClass);
        if (!StorageRequest.TryParseBytes(size.Text, out var bytes) || bytes < 1)
            problems.Error(s.KeyOf("size"), $"must be a storage size such as 1Gi (got {UserText.Quote(size.Text)})");
        var on = enabled == "true" || (enabled == "auto" && mode == WorkflowMode.CronJob);
        return on ? new SkyModelCacheSpec(size, storageClass, accessMode) : null;
    }

    private static WorkloadResources ReadResources(ConfigSection s)
    {
        var requests = s.Section("requests");
        var requestsCpu = requests.Quantity("cpu", "16")!;
        var requestsMemory = requests.Quantity("memory", "64Gi")!;
        requests.Done();
        var limits = s.Section("limits");
        var limitsCpu = limits.Quantity("cpu", "32")!;
        var limitsMemory = limits.Quantity("memory", "128Gi")!;
        limits.Done();
        var gpu = s.Int("gpu", 0, min: 0, max: 64);
        s.Done();
        return new WorkloadResources
        {
            RequestsCpu = requestsCpu,
            RequestsMemory = requestsMemory,
            LimitsCpu = limitsCpu,
            LimitsMemory = limitsMemory,
            Gpu = gpu,
        };
    }

    private static NodeRequirement ReadNodeRequirement(ConfigSection s, Problems problems)
    {
        var key = s.String("key", null, "the node label to require, e.g. hpc");
        var op = s.Choice("operator", "In", AffinityOperators);
        var values = s.StringList("values", []);
        s.Done();
        if (key.Length > 0 && Names.CheckLabelKey(key) is { } bad) problems.Error(s.KeyOf("key"), bad);
        if (op is "In" or "NotIn" && values.Count == 0)
            problems.Error(s.KeyOf("values"), $"operator {op} needs at least one value, e.g. [\"true\"]");
        if (op is "Exists" or "DoesNotExist" && values.Count > 0)
            problems.Error(s.KeyOf("values"), $"must be empty with operator {op}");
        if (op is "Gt" or "Lt" && (values.Count != 1 || !long.TryParse(values[0], CultureInfo.InvariantCulture, out _)))
            problems.Error(s.KeyOf("values"), $"operator {op} needs exactly one whole number");
        return new NodeRequirement(key, op, values);
    }

    private static TolerationSpec ReadToleration(ConfigSection s, Problems problems)
    {
        var key = s.OptionalString("key");
        var op = s.Choice("operator", "Equal", TolerationOperators);
        var value = s.OptionalString("value");
        var effect = s.OptionalString("effect");
        s.Done();
        if (effect is not null && !TaintEffects.Contains(effect))
            problems.Error(s.KeyOf("effect"), $"must be one of {string.Join(", ", TaintEffects)}, or unset for every effect (got {UserText.Quote(effect)})");
        if (op == "Exists" && value is not null)
            problems.Error(s.KeyOf("value"), "must be unset with operator Exists");
        if (op == "Equal" && key is null)
            problems.Error(s.KeyOf("key"), "is required with operator Equal (only Exists may tolerate every taint)");
        if (key is not null && Names.CheckLabelKey(key) is { } bad) problems.Error(s.KeyOf("key"), bad);
        // The API server checks a toleration's value as a label value.
        if (value is not null && Names.CheckLabelValue(value) is { } badValue) problems.Error(s.KeyOf("value"), badValue);
        return new TolerationSpec(key, op, value, effect);
    }
}
