using System.Globalization;
using System.Text.Json.Nodes;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Plan;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Reads <c>srcnet:campaign</c> (docs/campaign.md#config): a name, the points as axes (a list of
/// values per simulation key, combined as a product) or as an explicit list, and how they run.
/// Every point is checked by the rules of <c>srcnet:workflow.simulation</c>: a bad value where it
/// is written, a bad combination (a band whose end is below its start) naming the point.
/// </summary>
internal static class CampaignConfig
{
    /// <summary>At most this many points, so that making them is quick; the point table's 1 MiB (CampaignTableFit) bounds a campaign lower, near 5,000 points (about 180 bytes each).</summary>
    public const int MaxPoints = 10_000;

    /// <summary>The name is part of every point's OBS_ID and FILE_PREFIX and a label value.</summary>
    public const int MaxNameLength = 30;

    /// <summary>Errors about single points name at most this many; the rest are counted in one more line.</summary>
    public const int PointErrorsShown = 10;

    public const string Key = "srcnet:campaign";

    /// <param name="present">Whether the stack sets <c>srcnet:campaign</c> at all.</param>
    public static CampaignSpec? Read(ConfigSection s, bool present, WorkflowSpec workflow, Problems problems)
    {
        if (workflow.Mode != WorkflowMode.Campaign)
        {
            if (present) problems.Warning(Key, $"only applies with srcnet:workflow.mode campaign; mode is {ConfigWords.WorkflowMode.Of(workflow.Mode)}, so it is ignored");
            return null;
        }
        if (!present)
        {
            problems.Error(Key, "is required with srcnet:workflow.mode campaign: a name and the points, as axes (lists of values combined) or points (a list); see README, \"Campaigns\"");
            return null;
        }
        // Not an object: that one error says it all.
        if (s.IsMalformed) return null;

        var name = s.String("name", null, "a short name for the campaign, e.g. mightee-sweep; it is part of every point's OBS_ID");
        if (name.Length > 0 && Names.CheckLabelName(name, MaxNameLength) is { } badName) problems.Error(s.KeyOf("name"), badName);

        var hasAxes = s.Has("axes");
        var hasPoints = s.Has("points");
        var errorsBefore = problems.All.Count(p => p.IsError);
        // The problems of single values are reported up to a limit, like those of points.
        var valueProblems = new Problems();
        var axes = ReadAxes(s.Section("axes"), valueProblems);
        // Axes with no key (every line commented out, or `axes:` alone) would be one point, the stack's own;
        // axes whose keys are all unknown already have their error.
        if (hasAxes && axes is { Count: 0 } && problems.All.Count(p => p.IsError) == errorsBefore)
            problems.Error(s.KeyOf("axes"), $"must list values for at least one simulation key ({string.Join(", ", CampaignKeys.All.Select(k => k.Key))})");
        var listed = ReadPoints(s, workflow.Products, valueProblems);
        ReportValues(valueProblems, problems);
        var (parallelism, _) = s.OptionalIntOrWord("parallelism", "auto", min: 1, max: MaxPoints);
        var retries = s.Int("retriesPerPoint", 0, min: 0, max: 10);
        var maxFailed = s.OptionalInt("maxFailedPoints", min: 0, max: MaxPoints);
        var queue = s.OptionalString("queue");
        s.Done();

        if (queue is not null && (Names.CheckLabelValue(queue) ?? Names.CheckObjectName(queue)) is { } badQueue)
            problems.Error(s.KeyOf("queue"), $"must name a Kueue LocalQueue in the namespace: {badQueue}");
        if (hasAxes && hasPoints)
            problems.Error(Key, "sets both axes and points; give the points as axes (lists of values combined) or as points (a list), not both");
        else if (!hasAxes && !hasPoints)
            problems.Error(Key, "has no points: give axes (lists of values per simulation key, combined) or points (a list of simulation values)");
        if (hasPoints && listed.Count == 0)
            problems.Error(s.KeyOf("points"), "must list at least one point");

        // The points are made only from values that were all read cleanly: a bad value is reported where it is written.
        if (problems.All.Count(p => p.IsError) > errorsBefore) return null;

        var points = hasAxes ? FromAxes(axes!, workflow, problems) : FromList(listed, s.KeyOf("points"), workflow);
        if (points is null) return null;
        // Once, as for srcnet:workflow.products, at the first point that chooses visibility itself.
        if (!workflow.Products.Visibility && points.FirstOrDefault(p => p.Products.Visibility) is { } withVisibility)
            problems.Warning($"{withVisibility.Source}.products", WorkflowConfig.VisibilityWarning);
        CheckPoints(points, problems);
        if (maxFailed is { } m && m > points.Count)
            problems.Error(s.KeyOf("maxFailedPoints"), $"must be at most the number of points, {points.Count} (got {m})");
        CheckJobName(workflow.Name, points.Count, problems);

        var keys = hasAxes
            ? axes!.Select(a => a.Key.Key).ToList()
            : CampaignKeys.All.Where(k => listed.Any(p => p.Values.Any(v => v.Key == k))).Select(k => k.Key).ToList();
        return new CampaignSpec
        {
            Name = name,
            Points = points,
            Keys = keys,
            Parallelism = parallelism,
            RetriesPerPoint = retries,
            MaxFailedPoints = maxFailed,
            Queue = queue,
        };
    }

    /// <summary>One axis: a key and what each of its values does to a point.</summary>
    private sealed record Axis(CampaignKey Key, IReadOnlyList<Func<SimulationSpec, SimulationSpec>> Values);

    /// <summary>One listed point: its values and products, as read.</summary>
    private sealed record ListedPoint(IReadOnlyList<(CampaignKey Key, Func<SimulationSpec, SimulationSpec> Apply)> Values, ProductSelection Products, bool Valid);

    /// <summary>The axes in <see cref="CampaignKeys"/> order; each value checked once, where it is written.</summary>
    private static List<Axis>? ReadAxes(ConfigSection axes, Problems problems)
    {
        var result = new List<Axis>();
        var valid = true;
        foreach (var key in CampaignKeys.All)
        {
            if (!axes.Has(key.Key))
            {
                axes.Allow(key.Key);
                continue;
            }
            if (axes.Items(key.Key) is not { } items)
            {
                valid = false;
                continue;
            }
            if (items.Count == 0)
            {
                problems.Error(axes.KeyOf(key.Key), "must list at least one value");
                valid = false;
                continue;
            }
            var values = new List<Func<SimulationSpec, SimulationSpec>>();
            for (var i = 0; i < items.Count; i++)
            {
                var (itemKey, node) = items[i];
                if (node is null)
                {
                    problems.Error(itemKey, "expected a value, got nothing");
                    valid = false;
                    continue;
                }
                // The value is read as the only key of an object of its own, so that a problem with it
                // is reported at its place in the list: srcnet:campaign.axes.KEY[i].
                var leaf = $"{key.Key}[{i}]";
                var one = new ConfigSection(axes.Path, new JsonObject { [leaf] = node.DeepClone() }, problems);
                if (key.Read(one, leaf, problems) is { } apply) values.Add(apply);
                else valid = false;
            }
            result.Add(new Axis(key, values));
        }
        axes.Done();
        return valid ? result : null;
    }

    private static List<ListedPoint> ReadPoints(ConfigSection s, ProductSelection inherited, Problems problems)
    {
        var points = new List<ListedPoint>();
        foreach (var (key, node) in s.Items("points") ?? [])
        {
            // A list item with nothing in it (a stray dash) is not a point: it would run the stack's own simulation once more.
            if (node is null)
            {
                problems.Error(key, "expected a point (a map of simulation keys), got nothing");
                points.Add(new ListedPoint([], inherited, Valid: false));
                continue;
            }
            points.Add(ReadPoint(new ConfigSection(key, node, problems), inherited, problems));
        }
        return points;
    }

    private static ListedPoint ReadPoint(ConfigSection p, ProductSelection inherited, Problems problems)
    {
        var values = new List<(CampaignKey, Func<SimulationSpec, SimulationSpec>)>();
        var valid = true;
        foreach (var key in CampaignKeys.All)
        {
            if (!p.Has(key.Key))
            {
                p.Allow(key.Key);
                continue;
            }
            if (key.Read(p, key.Key, problems) is { } apply) values.Add((key, apply));
            else valid = false;
        }
        var products = inherited;
        if (p.Has("products"))
        {
            var names = p.StringList("products", inherited.SelectedNames);
            if (ProductSelection.TryParse(names, out var error) is { IsEmpty: false } selection) products = selection;
            else
            {
                problems.Error(p.KeyOf("products"), error ?? "must name at least one of visibility, dirty, cleaned");
                valid = false;
            }
        }
        else
        {
            p.Allow("products");
        }
        p.Done();
        return new ListedPoint(values, products, valid);
    }

    /// <summary>Every combination of the axes' values, the last axis varying fastest; null (with an error) when there are too many.</summary>
    private static List<CampaignPoint>? FromAxes(IReadOnlyList<Axis> axes, WorkflowSpec workflow, Problems problems)
    {
        long count = 1;
        foreach (var axis in axes) count = Math.Min(count * axis.Values.Count, MaxPoints + 1L);
        if (count > MaxPoints)
        {
            var sizes = string.Join(" x ", axes.Select(a => a.Values.Count.ToString(CultureInfo.InvariantCulture)));
            problems.Error($"{Key}.axes", $"combine into more than {MaxPoints:N0} points ({sizes}); split the campaign, or list fewer values");
            return null;
        }

        var points = new List<CampaignPoint>((int)count);
        var position = new int[axes.Count];
        for (var index = 0; index < count; index++)
        {
            var simulation = workflow.Simulation;
            for (var a = 0; a < axes.Count; a++) simulation = axes[a].Values[position[a]](simulation);
            points.Add(new CampaignPoint(index, simulation, workflow.Products, $"{Key}.axes"));
            for (var a = axes.Count - 1; a >= 0; a--)
            {
                if (++position[a] < axes[a].Values.Count) break;
                position[a] = 0;
            }
        }
        return points;
    }

    private static List<CampaignPoint>? FromList(IReadOnlyList<ListedPoint> listed, string pointsKey, WorkflowSpec workflow)
    {
        if (listed.Any(p => !p.Valid)) return null;
        return
        [
            .. listed.Select((p, i) => new CampaignPoint(
                i,
                p.Values.Aggregate(workflow.Simulation, (simulation, v) => v.Apply(simulation)),
                p.Products,
                $"{pointsKey}[{i}]")),
        ];
    }

    /// <summary>
    /// Copies the problems of single values, at most <see cref="PointErrorsShown"/> errors and a count
    /// of the rest: a list of thousands of bad values (one pasted under the wrong key) gets a screen,
    /// not thousands of lines.
    /// </summary>
    private static void ReportValues(Problems values, Problems problems)
    {
        int errors = 0, warnings = 0;
        foreach (var problem in values.All)
            if ((problem.IsError ? ++errors : ++warnings) <= PointErrorsShown) problems.AddRange([problem]);
        if (errors > PointErrorsShown)
            problems.Error(Key, $"{errors - PointErrorsShown} more values are invalid (only the first {PointErrorsShown} are listed)");
        if (warnings > PointErrorsShown)
            problems.Warning(Key, $"{warnings - PointErrorsShown} more warnings about values (only the first {PointErrorsShown} are listed)");
    }

    /// <summary>
    /// What only a whole point can break: the band (its three values may come from the axes and the
    /// stack), and two points that are the same run (they would make the same data twice).
    /// </summary>
    private static void CheckPoints(IReadOnlyList<CampaignPoint> points, Problems problems)
    {
        var bad = new List<(string Key, string Message)>();
        var seen = new Dictionary<(SimulationSpec, ProductSelection), int>();
        foreach (var point in points)
        {
            var s = point.Simulation;
            if (Band.Check(s.StartFreqHz, s.EndFreqHz, s.FreqIncHz, setting => setting.Key) is { } band)
                bad.Add((point.Source, $"point {point.Index}: {band.Setting.Key} {band.Reason}"));
            // Start times in two forms of one instant are one observation (the workflow parses them alike).
            var run = (s with { StartDateAndTime = StartTime.Instant(s.StartDateAndTime) }, point.Products);
            if (!seen.TryAdd(run, point.Index))
                bad.Add((point.Source, $"point {point.Index} is the same run as point {seen[run]}: every point must differ in a simulation value or its products"));
        }
        foreach (var (key, message) in bad.Take(PointErrorsShown)) problems.Error(key, message);
        if (bad.Count > PointErrorsShown)
            problems.Error(Key, $"{bad.Count - PointErrorsShown} more points are invalid (only the first {PointErrorsShown} are listed)");
    }

    /// <summary>
    /// The API server refuses an Indexed Job whose pods' host names, <c>&lt;job&gt;-&lt;index&gt;</c>,
    /// would not be DNS labels of at most 63 characters (docs/campaign.md#what-kubernetes-checks).
    /// </summary>
    private static void CheckJobName(string workflowName, int points, Problems problems)
    {
        // A name already refused for its length has its error; a second about host names would repeat it.
        if (problems.All.Any(p => p.IsError && p.Key == "srcnet:workflow.name")) return;
        var longest = SimulationRun.JobName(workflowName, RunIdentity.Placeholder).Length + 1 + (points - 1).ToString(CultureInfo.InvariantCulture).Length;
        if (longest > 63)
            problems.Error("srcnet:workflow.name",
                $"is too long for a campaign of {points} points: its pods' host names, <name>-<run id>-<index>, would have {longest} characters, " +
                $"more than 63; shorten it to at most {workflowName.Length - (longest - 63)} characters");
    }
}
