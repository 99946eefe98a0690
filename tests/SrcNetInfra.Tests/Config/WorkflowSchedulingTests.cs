namespace SrcNetInfra.Tests.Config;

/// <summary>
/// How the simulation is scheduled: Job or CronJob (and the keys that only apply to one of them), the
/// cron schedule the CronJob controller accepts, node affinity and tolerations as Kubernetes checks them.
/// </summary>
public class WorkflowSchedulingTests
{
    private static Core.Validation.CheckResult CronJob(params (string Key, string? Yaml)[] overrides) =>
        Stacks.Check([("srcnet:workflow.mode", "cronjob"), .. overrides]);

    // ----- schedule ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("0 * * * *")]
    [InlineData("@hourly")]
    [InlineData("@daily")]
    [InlineData("@midnight")]
    [InlineData("@annually")]
    [InlineData("*/15 2-4 * * 1-5")]
    [InlineData("30 6 1 */2 MON")]
    [InlineData("0 0 * * SUN")]
    [InlineData("0 0 ? * 0")]        // robfig reads '?' as '*' (parser.go getRange)
    [InlineData("@every 1h30m")]     // ParseStandard takes @every (parser.go parseDescriptor)
    [InlineData("0 12 1-7 * 6")]
    public void A_kubernetes_schedule_is_accepted(string schedule)
    {
        var result = CronJob(("srcnet:workflow.schedule", $"\"{schedule}\""));
        Expect.Clean(result);
        Assert.Equal(schedule, result.Environment!.Spec.Workflow.Schedule);
    }

    [Theory]
    [InlineData("0 0 * * * *")]      // six fields: seconds are not Kubernetes cron
    [InlineData("0 * * *")]          // four fields
    [InlineData("@every_minute")]
    [InlineData("@every forever")]
    [InlineData("every hour")]
    [InlineData("61 * * * *")]
    [InlineData("0 25 * * *")]
    [InlineData("TZ=UTC 0 * * * *")]
    [InlineData("CRON_TZ=Europe/Zurich 0 * * * *")]
    [InlineData("")]
    // Cron dialects the API server's parser (robfig/cron v3 ParseStandard) does not know, although
    // Cronos and Quartz do: Sunday as 7, last (L), weekday (W), nth (#).
    [InlineData("0 0 * * 7")]
    [InlineData("0 0 * * 5-7")]
    [InlineData("0 0 L * *")]
    [InlineData("0 0 15W * *")]
    [InlineData("0 0 * * 5#3")]
    [InlineData("0 0 * * 5L")]
    [InlineData("*/0 * * * *")]
    [InlineData("5-1 * * * *")]
    [InlineData("1-2-3 * * * *")]
    [InlineData("0 0 0 * *")]
    public void A_schedule_the_cronjob_controller_rejects_is_an_error(string schedule)
    {
        var error = Expect.Error(CronJob(("srcnet:workflow.schedule", $"\"{schedule}\"")), "srcnet:workflow.schedule", "e.g. '0 * * * *' or @hourly");
        Assert.Contains($"(got '{schedule}')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 * * 7", "Sunday is 0")]
    [InlineData("0 0 L * *", "L, W and # are not cron syntax")]
    [InlineData("TZ=UTC 0 * * * *", "srcnet:workflow.timeZone")]
    public void A_refused_schedule_says_why(string schedule, string why) =>
        Expect.Error(CronJob(("srcnet:workflow.schedule", $"\"{schedule}\"")), "srcnet:workflow.schedule", why);

    [Theory]
    [InlineData("0 0 31 2 *")]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4,6,9,11 *")]
    public void A_schedule_that_never_fires_is_a_warning(string schedule) =>
        Expect.Warning(CronJob(("srcnet:workflow.schedule", $"\"{schedule}\"")), "srcnet:workflow.schedule", "never fires");

    [Fact]
    public void The_leap_day_fires_and_is_no_warning() =>
        Expect.Clean(CronJob(("srcnet:workflow.schedule", "\"0 0 29 2 *\"")));

    [Theory]
    [InlineData("Etc/UTC")]
    [InlineData("Europe/Zurich")]
    [InlineData("America/Argentina/Buenos_Aires")]
    public void An_iana_time_zone_is_accepted_for_a_cronjob(string zone) =>
        Expect.Clean(CronJob(("srcnet:workflow.timeZone", zone)));

    [Theory]
    [InlineData("UTC+2")]
    [InlineData("Europe/Zürich")]
    [InlineData("/etc/localtime")]
    [InlineData("Mars/Olympus_Mons")]   // the right form, but no such zone
    [InlineData("Europe/Zurichh")]
    public void A_time_zone_that_is_not_an_iana_name_is_an_error(string zone) =>
        Expect.Error(CronJob(("srcnet:workflow.timeZone", zone)), "srcnet:workflow.timeZone", "IANA time zone such as Etc/UTC");

    // The CronJob controller's robfig/cron walks the zone's wall clock (v3.0.1 spec_test.go: "1am
    // nightly job (runs twice)" on 2012-11-04 and "2am nightly job (skipped)" on 2012-03-11, New York).
    [Fact]
    public void A_nightly_run_inside_both_clock_changes_is_warned_of_twice_over() =>
        Expect.Warning(CronJob(("srcnet:workflow.schedule", "\"30 2 * * *\""), ("srcnet:workflow.timeZone", "Europe/Zurich")), "srcnet:workflow.timeZone",
            "it fires at a time that happens twice when summer time ends (2026-10-25 02:30 in Europe/Zurich): the CronJob controller runs it at both, one run more that night; " +
            "and it fires at a time that does not exist when summer time begins (2026-03-29 02:30 in Europe/Zurich): that day has no run; choose a time outside the clock change, or timeZone Etc/UTC");

    [Fact]
    public void A_run_in_the_repeated_hour_only_is_warned_of_once()
    {
        // New York: 01:00-02:00 repeats on 2026-11-01; 01:30 is never skipped (02:00-03:00 is, in March).
        var result = CronJob(("srcnet:workflow.schedule", "\"30 1 * * *\""), ("srcnet:workflow.timeZone", "America/New_York"));
        var warning = Expect.Warning(result, "srcnet:workflow.timeZone", "happens twice when summer time ends (2026-11-01 01:30 in America/New_York)");
        Assert.DoesNotContain("does not exist", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 * * * *", "Europe/Zurich")]     // hourly: the repeated hour is one more hourly run, as it should be
    [InlineData("@hourly", "Europe/Zurich")]
    [InlineData("30 12 * * *", "Europe/Zurich")]   // nowhere near the change
    [InlineData("30 2 * * *", "Etc/UTC")]          // no summer time
    [InlineData("30 2 * * *", "Asia/Tokyo")]       // none either
    [InlineData("@every 24h", "Europe/Zurich")]    // an interval, not a time of day
    public void Schedules_that_miss_the_clock_changes_are_not_warned_of(string schedule, string zone) =>
        Expect.Clean(CronJob(("srcnet:workflow.schedule", $"\"{schedule}\""), ("srcnet:workflow.timeZone", zone)));

    [Fact]
    public void Local_is_refused_as_the_api_server_does() =>
        Expect.Error(CronJob(("srcnet:workflow.timeZone", "Local")), "srcnet:workflow.timeZone", "'Local' is the controller's own zone");

    [Theory]
    [InlineData("srcnet:workflow.successfulJobsHistoryLimit", "-1", "must be between 0 and 100")]
    [InlineData("srcnet:workflow.failedJobsHistoryLimit", "101", "must be between 0 and 100")]
    [InlineData("srcnet:workflow.startingDeadlineSeconds", "9", "must be at least 10")]
    public void Cronjob_limits(string key, string yaml, string fragment) =>
        Expect.Error(CronJob((key, yaml)), key, fragment);

    // ----- keys that only apply to one mode ---------------------------------------------------------------

    [Theory]
    [InlineData("srcnet:workflow.schedule", "\"0 * * * *\"")]
    [InlineData("srcnet:workflow.timeZone", "Etc/UTC")]
    [InlineData("srcnet:workflow.successfulJobsHistoryLimit", "3")]
    [InlineData("srcnet:workflow.failedJobsHistoryLimit", "5")]
    [InlineData("srcnet:workflow.startingDeadlineSeconds", "600")]
    public void A_cronjob_key_in_job_mode_is_a_warning(string key, string yaml) =>
        Expect.Warning(Stacks.Check(key, yaml), key, "only applies to mode cronjob");

    [Fact]
    public void An_invalid_schedule_in_job_mode_is_only_a_warning()
    {
        // It is ignored in job mode; the warning says so rather than asking to fix an unused value.
        Expect.Warning(Stacks.Check("srcnet:workflow.schedule", "\"@every_minute\""), "srcnet:workflow.schedule", "ignored");
    }

    [Fact]
    public void A_run_number_in_cronjob_mode_is_a_warning() =>
        Expect.Warning(CronJob(("srcnet:workflow.runNumber", "3")), "srcnet:workflow.runNumber", "only applies to modes job and campaign");

    [Fact]
    public void A_run_number_in_job_mode_is_accepted()
    {
        var result = Stacks.Check("srcnet:workflow.runNumber", "3");
        Expect.Clean(result);
        Assert.Equal(3, result.Environment!.Spec.Workflow.RunNumber);
    }

    // ----- node affinity ---------------------------------------------------------------------------------------

    private const string Affinity = "srcnet:workflow.nodeAffinity";

    [Theory]
    [InlineData("[{key: hpc, values: [\"true\"]}]")] // operator defaults to In
    [InlineData("[{key: hpc, operator: NotIn, values: [gpu, \"false\"]}]")]
    [InlineData("[{key: hpc, operator: Exists}]")]
    [InlineData("[{key: node.kubernetes.io/instance-type, operator: DoesNotExist, values: []}]")]
    [InlineData("[{key: cpu-count, operator: Gt, values: [\"32\"]}]")]
    [InlineData("[{key: cpu-count, operator: Lt, values: [128]}]")]
    public void Valid_node_requirements_are_accepted(string yaml) => Expect.Clean(Stacks.Check(Affinity, yaml));

    [Fact]
    public void Node_requirements_are_read_in_order()
    {
        var result = Stacks.Check(Affinity, "[{key: hpc, operator: In, values: [\"true\"]}, {key: gpu, operator: Exists}]");
        Expect.Clean(result);
        var affinity = result.Environment!.Spec.Workflow.NodeAffinity;
        Assert.Equal(2, affinity.Count);
        Assert.Equal(("hpc", "In"), (affinity[0].Key, affinity[0].Operator));
        Assert.Equal(["true"], affinity[0].Values);
        Assert.Equal(("gpu", "Exists"), (affinity[1].Key, affinity[1].Operator));
    }

    [Theory]
    [InlineData("[{values: [\"true\"]}]", "[0].key", "is required")]
    [InlineData("[{key: hpc, operator: Equal, values: [\"true\"]}]", "[0].operator", "must be one of In, NotIn, Exists, DoesNotExist, Gt, Lt")]
    [InlineData("[{key: hpc}]", "[0].values", "operator In needs at least one value")]
    [InlineData("[{key: hpc, operator: NotIn, values: []}]", "[0].values", "operator NotIn needs at least one value")]
    [InlineData("[{key: hpc, operator: Exists, values: [\"true\"]}]", "[0].values", "must be empty with operator Exists")]
    [InlineData("[{key: hpc, operator: DoesNotExist, values: [x]}]", "[0].values", "must be empty with operator DoesNotExist")]
    [InlineData("[{key: cpus, operator: Gt, values: [many]}]", "[0].values", "operator Gt needs exactly one whole number")]
    [InlineData("[{key: cpus, operator: Lt, values: [\"1\", \"2\"]}]", "[0].values", "operator Lt needs exactly one whole number")]
    [InlineData("[{key: cpus, operator: Gt}]", "[0].values", "operator Gt needs exactly one whole number")]
    [InlineData("[{key: \"-hpc\", values: [\"true\"]}]", "[0].key", "starting and ending with a letter or digit")]
    [InlineData("[{key: hpc, values: [\"true\"]}, {key: Not_A/Label, values: [x]}]", "[1].key", "invalid prefix")]
    public void Node_requirement_rules(string yaml, string itemKey, string fragment) =>
        Expect.Error(Stacks.Check(Affinity, yaml), Affinity + itemKey, fragment);

    // ----- tolerations ---------------------------------------------------------------------------------------

    private const string Tolerations = "srcnet:workflow.tolerations";

    [Theory]
    [InlineData("[{key: hpc, value: \"true\", effect: NoSchedule}, {key: hpc, operator: Equal, value: \"true\", effect: NoExecute}]")]
    [InlineData("[{key: hpc, operator: Exists}]")]
    [InlineData("[{operator: Exists}]")] // tolerates every taint
    [InlineData("[{key: gpu, value: a100, effect: PreferNoSchedule}]")]
    public void Valid_tolerations_are_accepted(string yaml) => Expect.Clean(Stacks.Check(Tolerations, yaml));

    [Theory]
    [InlineData("[{key: hpc, value: \"true\", effect: NoRun}]", "[0].effect", "must be one of NoSchedule, PreferNoSchedule, NoExecute")]
    [InlineData("[{key: hpc, value: \"true\", effect: noschedule}]", "[0].effect", "NoSchedule, PreferNoSchedule, NoExecute")]
    [InlineData("[{key: hpc, operator: Exists, value: \"true\"}]", "[0].value", "must be unset with operator Exists")]
    [InlineData("[{value: \"true\", effect: NoSchedule}]", "[0].key", "is required with operator Equal")]
    [InlineData("[{key: hpc, operator: In, value: \"true\"}]", "[0].operator", "must be one of Equal, Exists")]
    [InlineData("[{key: hpc, value: \"true\"}, {key: \"bad key\", value: x}]", "[1].key", "label key 'bad key'")]
    public void Toleration_rules(string yaml, string itemKey, string fragment) =>
        Expect.Error(Stacks.Check(Tolerations, yaml), Tolerations + itemKey, fragment);
}
