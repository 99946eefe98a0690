using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// <c>srcnet:campaign</c>: points from axes or a list, each checked by the simulation's own rules,
/// and a problem named by the key and the point a user has to change.
/// </summary>
public class CampaignConfigTests
{
    /// <summary>A small campaign that fits the default quota: 2 RA x 2 Dec inside the MIGHTEE field.</summary>
    internal static readonly (string Key, string? Yaml)[] Sweep =
    [
        .. Stacks.Tiny,
        ("srcnet:workflow.mode", "campaign"),
        ("srcnet:workflow.resources", "{requests: {cpu: '2', memory: 8Gi}, limits: {cpu: '4', memory: 16Gi}}"),
        ("srcnet:campaign.name", "sweep"),
        ("srcnet:campaign.axes", "{phaseCenterRaDeg: [150.0, 150.2], phaseCenterDecDeg: [2.0, 2.4]}"),
    ];

    private static CheckResult Campaign(params (string Key, string? Yaml)[] overrides) => Stacks.Check([.. Sweep, .. overrides]);

    private static CampaignSpec Spec(CheckResult result)
    {
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Environment!.Spec.Campaign!;
    }

    [Theory]
    [InlineData("5", "expected an object of keys, got")]
    [InlineData("[a, b]", "expected an object of keys, got")]
    public void A_campaign_that_is_not_an_object_is_one_error(string yaml, string message)
    {
        var result = Stacks.Check([.. Stacks.Tiny, ("srcnet:workflow.mode", "campaign"), ("srcnet:campaign", yaml)]);
        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("srcnet:campaign", error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Axes_combine_as_a_product_with_the_last_key_varying_fastest()
    {
        var campaign = Spec(Campaign());
        Assert.Equal("sweep", campaign.Name);
        Assert.Equal(["phaseCenterRaDeg", "phaseCenterDecDeg"], campaign.Keys);
        Assert.Equal(
            [(150.0, 2.0), (150.0, 2.4), (150.2, 2.0), (150.2, 2.4)],
            campaign.Points.Select(p => (p.Simulation.PhaseCenterRaDeg, p.Simulation.PhaseCenterDecDeg)));
        Assert.Equal([0, 1, 2, 3], campaign.Points.Select(p => p.Index));
        // Everything the axes do not set is the stack's own simulation.
        Assert.All(campaign.Points, p => Assert.Equal(1, p.Simulation.NumTimeStamps));
    }

    [Fact]
    public void Axes_are_combined_in_a_fixed_key_order_whatever_the_file_order()
    {
        // Pulumi hands config to the program as JSON with sorted keys; the file may list them in any order.
        var written = Spec(Campaign(("srcnet:campaign.axes", "{phaseCenterDecDeg: [2.0, 2.4], phaseCenterRaDeg: [150.0, 150.2]}")));
        var sorted = Spec(Campaign());
        Assert.Equal(sorted.Points.Select(p => p.Simulation), written.Points.Select(p => p.Simulation));
    }

    [Fact]
    public void Listed_points_set_their_own_values_and_products()
    {
        var campaign = Spec(Campaign(
            ("srcnet:campaign.axes", null),
            ("srcnet:campaign.points", "[{phaseCenterRaDeg: 150.1}, {imagingNpixel: 32, products: [dirty, cleaned]}]")));
        Assert.Equal(2, campaign.Points.Count);
        Assert.Equal(150.1, campaign.Points[0].Simulation.PhaseCenterRaDeg);
        Assert.Equal("dirty", campaign.Points[0].Products.ToString());
        Assert.Equal(32, campaign.Points[1].Simulation.ImagingNpixel);
        Assert.Equal("dirty,cleaned", campaign.Points[1].Products.ToString());
        Assert.Equal(["phaseCenterRaDeg", "imagingNpixel"], campaign.Keys);
    }

    [Fact]
    public void An_axis_value_the_simulation_would_refuse_is_named_by_its_place()
    {
        var result = Campaign(("srcnet:campaign.axes", "{phaseCenterRaDeg: [150.0, 360.5]}"));
        Expect.Error(result, "srcnet:campaign.axes.phaseCenterRaDeg[1]", "0 <= RA < 360 (got 360.5)");
    }

    [Fact]
    public void A_start_time_in_a_point_is_checked_like_the_stacks()
    {
        var result = Campaign(("srcnet:campaign.axes", null), ("srcnet:campaign.points", "[{startDateAndTime: '2020-13-01T00:00'}]"));
        Expect.Error(result, "srcnet:campaign.points[0].startDateAndTime", "must be a UTC start time");
    }

    [Fact]
    public void A_band_broken_by_a_combination_names_the_point_and_the_key()
    {
        // Each start is fine on its own; with the stack's end (1.375 GHz) the second is not a band.
        var result = Campaign(("srcnet:campaign.axes", "{startFreqHz: [1.304e9, 1.4e9]}"));
        var error = Expect.Error(result, "srcnet:campaign.axes", "point 1: endFreqHz must be greater than startFreqHz");
        Assert.Contains("1400000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_bad_points_are_listed_up_to_a_limit_and_counted()
    {
        var starts = string.Join(", ", Enumerable.Range(0, 15).Select(i => $"{1.4e9 + i * 1e6:R}"));
        var result = Campaign(("srcnet:campaign.axes", $"{{startFreqHz: [{starts}]}}"));
        Assert.False(result.Ok);
        Assert.Equal(CampaignConfig.PointErrorsShown + 1, result.Errors.Count());
        Assert.Contains(result.Errors, e => e.Message.Contains("5 more points are invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_bad_values_are_listed_up_to_a_limit_and_counted()
    {
        // An axis of 2,000 declinations in degrees of RA (a list pasted under the wrong key) is a screen of
        // errors, not 2,000 lines; the same for bad values of listed points.
        var values = string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"{100 + i * 0.01:R}"));
        var axes = Campaign(("srcnet:campaign.axes", $"{{phaseCenterDecDeg: [{values}]}}"));
        Assert.Equal(CampaignConfig.PointErrorsShown + 1, axes.Errors.Count());
        Assert.Equal("srcnet:campaign.axes.phaseCenterDecDeg[9]", axes.Errors.ElementAt(CampaignConfig.PointErrorsShown - 1).Key);
        Assert.Contains(axes.Errors, e => e.Key == "srcnet:campaign" && e.Message == "1990 more values are invalid (only the first 10 are listed)");

        var points = string.Join(", ", Enumerable.Range(0, 30).Select(i => $"{{imagingNpixel: -{i + 1}}}"));
        var listed = Campaign(("srcnet:campaign.axes", null), ("srcnet:campaign.points", $"[{points}]"));
        Assert.Equal(CampaignConfig.PointErrorsShown + 1, listed.Errors.Count());
        Assert.Contains(listed.Errors, e => e.Key == "srcnet:campaign" && e.Message.StartsWith("20 more values are invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_point_that_selects_visibility_gets_the_measurement_set_warning()
    {
        // As srcnet:workflow.products with visibility does: one warning, at the first such point.
        var result = Campaign(
            ("srcnet:campaign.axes", null),
            ("srcnet:campaign.points", "[{phaseCenterRaDeg: 150.1}, {phaseCenterRaDeg: 150.2, products: [visibility]}, {products: [visibility, dirty]}]"));
        Expect.Warning(result, "srcnet:campaign.points[1].products", "MeasurementSet, which is a directory");
    }

    [Fact]
    public void Many_warnings_about_values_are_listed_up_to_a_limit_and_counted()
    {
        // A cell size YAML reads as a number is a warning per value: 30 of them are a screen, not 30 lines.
        var cells = string.Join(", ", Enumerable.Range(1, 30).Select(i => $"{i}.0e-6"));
        var result = Campaign(("srcnet:campaign.axes", $"{{imagingCellsize: [{cells}]}}"), ("srcnet:scratch.mode", "emptyDir"));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(CampaignConfig.PointErrorsShown + 1, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Key == "srcnet:campaign" && p.Message.StartsWith("20 more warnings about values", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shared_scratch_claim_with_a_campaign_is_a_warning()
    {
        // One claim, sized for one point, for every point at once and what each leaves behind.
        var warning = Expect.Warning(Campaign(("srcnet:scratch.mode", "sharedClaim")), "srcnet:scratch.mode", "points at once share one claim");
        Assert.Contains("use emptyDir", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_points_that_are_the_same_run_are_refused()
    {
        var result = Campaign(("srcnet:campaign.axes", "{phaseCenterRaDeg: [150.0, 150.0]}"));
        Expect.Error(result, "srcnet:campaign.axes", "point 1 is the same run as point 0");
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("2024-01-01 00:00")]
    [InlineData("01.01.2024T00:00")]
    public void Two_start_times_of_one_instant_are_the_same_run(string other)
    {
        // The workflow reads every allowed form with pandas.to_datetime: one instant is one observation.
        var result = Campaign(("srcnet:campaign.axes", $"{{startDateAndTime: ['2024-01-01T00:00', '{other}']}}"));
        Expect.Error(result, "srcnet:campaign.axes", "point 1 is the same run as point 0");
    }

    [Fact]
    public void Unknown_axis_keys_get_a_suggestion_and_the_allowed_keys()
    {
        var result = Campaign(("srcnet:campaign.axes", "{phaseCentreRaDeg: [150.0]}"));
        var error = Expect.Error(result, "srcnet:campaign.axes.phaseCentreRaDeg", "did you mean 'phaseCenterRaDeg'?");
        Assert.Contains("imagingCellsize", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Axes_or_points_but_not_both_and_not_neither()
    {
        Expect.Error(Campaign(("srcnet:campaign.points", "[{phaseCenterRaDeg: 150.1}]")), "srcnet:campaign", "sets both axes and points");
        Expect.Error(Campaign(("srcnet:campaign.axes", null)), "srcnet:campaign", "has no points");
        Expect.Error(Campaign(("srcnet:campaign.axes", "{phaseCenterRaDeg: []}")), "srcnet:campaign.axes.phaseCenterRaDeg", "at least one value");
    }

    [Fact]
    public void Too_many_points_are_refused_before_they_are_made()
    {
        static string Values(double from) => "[" + string.Join(", ", Enumerable.Range(0, 200).Select(i => $"{from + i * 0.005:R}")) + "]";
        var result = Campaign(("srcnet:campaign.axes", $"{{phaseCenterRaDeg: {Values(149.5)}, phaseCenterDecDeg: {Values(1.5)}}}"));
        Expect.Error(result, "srcnet:campaign.axes", "more than 10,000 points (200 x 200)");
    }

    [Fact]
    public void Campaign_mode_needs_the_section_and_other_modes_ignore_it()
    {
        Expect.Error(Stacks.Check(("srcnet:workflow.mode", "campaign")), "srcnet:campaign", "is required with srcnet:workflow.mode campaign");
        Expect.Warning(Stacks.Check(("srcnet:campaign.name", "sweep")), "srcnet:campaign", "only applies with srcnet:workflow.mode campaign");
    }

    [Fact]
    public void The_name_is_a_short_dns_label()
    {
        Expect.Error(Campaign(("srcnet:campaign.name", "Sweep_1")), "srcnet:campaign.name", "lower-case letters, digits and '-'");
        Expect.Error(Campaign(("srcnet:campaign.name", new string('a', 31))), "srcnet:campaign.name", "at most 30 characters");
    }

    [Fact]
    public void The_workflow_name_must_leave_room_for_the_index_in_pod_host_names()
    {
        // 12 points, indexes up to 11: 51 + '-' + 8 hex + '-' + 2 digits = 63 is a DNS label; 52 makes 64, and the
        // API server would refuse the Job.
        var twelve = ("srcnet:campaign.axes", "{numTimeStamps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}");
        var onTheNode = ("srcnet:scratch.mode", "emptyDir");
        Expect.Clean(Campaign(twelve, onTheNode, ("srcnet:workflow.name", new string('a', 51))));
        Expect.Error(Campaign(twelve, onTheNode, ("srcnet:workflow.name", new string('a', 52))), "srcnet:workflow.name", "shorten it to at most 51 characters");
        // A name already too long for any workload gets that one error, not a second about host names.
        Assert.Single(Campaign(onTheNode, ("srcnet:workflow.name", new string('a', 63))).Errors);
    }

    [Fact]
    public void Queue_retries_and_failed_points_are_checked()
    {
        Expect.Error(Campaign(("srcnet:campaign.queue", "Team_Queue")), "srcnet:campaign.queue", "Kueue LocalQueue");
        Expect.Error(Campaign(("srcnet:campaign.retriesPerPoint", "11")), "srcnet:campaign.retriesPerPoint", "between 0 and 10");
        Expect.Error(Campaign(("srcnet:campaign.maxFailedPoints", "5")), "srcnet:campaign.maxFailedPoints", "at most the number of points, 4");
        Expect.Error(Campaign(("srcnet:campaign.parallelism", "some")), "srcnet:campaign.parallelism", "whole number or auto");
    }

    [Fact]
    public void Every_campaign_key_is_a_variable_of_the_workflow_contract()
    {
        var contract = Core.Plan.SimulationRun.ContractEnvironment(Stacks.Check().Environment!.Spec).Select(v => v.Key).ToList();
        Assert.All(CampaignKeys.All, k => Assert.Contains(k.Variable, contract));
        Assert.Equal(CampaignKeys.All.Count, CampaignKeys.All.Select(k => k.Variable).Distinct().Count());
    }
}
