using System.Globalization;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// The namespace's quota must admit what runs at once: one simulation pod plus the ingestor's pod,
/// whose containers get the LimitRange's defaults. Defaults (docs/workflow.md#reference-scheduling and QuotaConfig): the simulation
/// requests 16 CPU / 64Gi with limits 32 / 128Gi; a default container requests 500m / 1Gi with limits
/// 2 / 4Gi; so the quota needs requests 16.5 CPU / 65Gi and limits 34 CPU / 132Gi.
/// </summary>
public class QuotaFitTests
{
    [Theory]
    [InlineData("srcnet:quota.requestsCpu", "16", "16.5")]
    [InlineData("srcnet:quota.requestsCpu", "16400m", "16.5")]
    [InlineData("srcnet:quota.requestsMemory", "64Gi", "65Gi")]
    [InlineData("srcnet:quota.limitsCpu", "33", "34")]
    [InlineData("srcnet:quota.limitsMemory", "131Gi", "132Gi")]
    public void A_quota_below_the_simulation_plus_the_ingestor_is_an_error(string key, string quota, string needed)
    {
        var error = Expect.Error(Stacks.Check(key, quota), key, "less than what the namespace runs at once");
        Assert.Contains($"= {needed};", error.Message, StringComparison.Ordinal);
        Assert.Contains("srcnet:quota.containerDefaults", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet:quota.requestsCpu", "16.5")]
    [InlineData("srcnet:quota.requestsCpu", "16500m")]
    [InlineData("srcnet:quota.requestsMemory", "65Gi")]
    [InlineData("srcnet:quota.limitsCpu", "34")]
    [InlineData("srcnet:quota.limitsMemory", "132Gi")]
    public void A_quota_of_exactly_the_simulation_plus_the_ingestor_is_accepted(string key, string quota) =>
        Expect.Clean(Stacks.Check(key, quota));

    [Theory]
    [InlineData("srcnet:quota.containerDefaults.requestCpu", "4.5", "srcnet:quota.containerDefaults.limitCpu", "4.5", "srcnet:quota.requestsCpu", "20.5")]
    [InlineData("srcnet:quota.containerDefaults.requestMemory", "17Gi", "srcnet:quota.containerDefaults.limitMemory", "17Gi", "srcnet:quota.requestsMemory", "81Gi")]
    [InlineData("srcnet:quota.containerDefaults.limitCpu", "9", null, null, "srcnet:quota.limitsCpu", "41")]
    [InlineData("srcnet:quota.containerDefaults.limitMemory", "33Gi", null, null, "srcnet:quota.limitsMemory", "161Gi")]
    public void Container_defaults_count_for_the_ingestor(string defaultKey, string value, string? limitKey, string? limit, string quotaKey, string needed)
    {
        // Quota defaults: requests 20 CPU / 80Gi, limits 40 CPU / 160Gi. A raised default request comes
        // with an equal default limit, so that only the quota is broken.
        var overrides = limitKey is null ? new[] { (defaultKey, (string?)value) } : [(defaultKey, value), (limitKey, limit)];
        var error = Expect.Error(Stacks.Check(overrides), quotaKey, "less than what the namespace runs at once");
        Assert.Contains($"ingestor {value}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"= {needed};", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet:workflow.resources.requests.cpu", "21", "srcnet:quota.requestsCpu")]
    [InlineData("srcnet:workflow.resources.requests.memory", "80Gi", "srcnet:quota.requestsMemory")]
    [InlineData("srcnet:workflow.resources.limits.cpu", "39", "srcnet:quota.limitsCpu")]
    [InlineData("srcnet:workflow.resources.limits.memory", "157Gi", "srcnet:quota.limitsMemory")]
    public void A_simulation_larger_than_the_quota_is_an_error_at_the_quota(string key, string value, string quotaKey)
    {
        var error = Expect.Error(Stacks.Check(key, value), quotaKey, "raise the quota or lower srcnet:workflow.resources");
        Assert.Contains($"simulation {value}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet:workflow.resources.limits.cpu", "8", "requests.cpu 16")]
    [InlineData("srcnet:workflow.resources.limits.cpu", "15999m", "requests.cpu 16")]
    [InlineData("srcnet:workflow.resources.limits.memory", "32Gi", "requests.memory 64Gi")]
    [InlineData("srcnet:quota.containerDefaults.limitCpu", "250m", "requestCpu 500m")]
    [InlineData("srcnet:quota.containerDefaults.limitMemory", "512Mi", "requestMemory 1Gi")]
    public void A_limit_below_its_request_is_an_error(string key, string limit, string request)
    {
        var error = Expect.Error(Stacks.Check(key, limit), key, "a limit must be at least its request");
        Assert.Contains(request, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srcnet:workflow.resources.limits.cpu", "16")]
    [InlineData("srcnet:workflow.resources.limits.memory", "64Gi")]
    [InlineData("srcnet:quota.containerDefaults.limitCpu", "0.5")]
    [InlineData("srcnet:quota.containerDefaults.limitMemory", "1024Mi")]
    public void A_limit_equal_to_its_request_is_accepted(string key, string limit) =>
        Expect.Clean(Stacks.Check(key, limit));

    [Theory]
    [InlineData("srcnet:quota.pods", "1", "must be at least 2")]
    [InlineData("srcnet:quota.persistentVolumeClaims", "1", "must be at least 2")]
    public void Two_pods_and_two_claims_are_needed(string key, string value, string fragment)
    {
        Expect.Error(Stacks.Check(key, value), key, fragment);
        Expect.Clean(Stacks.Check(key, "2"));
    }

    [Fact]
    public void A_storage_quota_below_both_claims_is_an_error()
    {
        var sizing = Stacks.Check().Environment!.Sizing;
        var needed = sizing.ScratchRequest.Value + sizing.IngestRequest.Value;
        var below = (needed - 1).ToString(CultureInfo.InvariantCulture);

        var error = Expect.Error(Stacks.Check("srcnet:quota.requestsStorage", below), "srcnet:quota.requestsStorage", "less than the claims request together");
        Assert.Contains($"scratch {sizing.ScratchRequest.Text}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"ingest area {sizing.IngestRequest.Text}", error.Message, StringComparison.Ordinal);

        Expect.Clean(Stacks.Check("srcnet:quota.requestsStorage", needed.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_storage_quota_counts_explicit_sizes()
    {
        Expect.Error(Stacks.Check(("srcnet:quota.requestsStorage", "1Ti"), ("srcnet:scratch.size", "1Ti"), ("srcnet:ingestor.persistence.size", "1Gi")),
            "srcnet:quota.requestsStorage", "1Ti + ingest area 1Gi");
        Expect.Clean(Stacks.Check(("srcnet:quota.requestsStorage", "1025Gi"), ("srcnet:scratch.size", "1Ti"), ("srcnet:ingestor.persistence.size", "1Gi")));
    }

    [Fact]
    public void A_gpu_quota_below_the_simulations_gpus_is_an_error()
    {
        var error = Expect.Error(Stacks.Check(("srcnet:workflow.resources.gpu", "2"), ("srcnet:quota.requestsGpu", "1")),
            "srcnet:quota.requestsGpu", "less than the 2 GPU(s)");
        Assert.Contains("srcnet:workflow.resources.gpu", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2", null)] // no GPU quota: not limited
    [InlineData("0", "0")]
    public void A_gpu_quota_that_fits_is_accepted(string gpu, string? quota) =>
        Expect.Clean(Stacks.Check(("srcnet:workflow.resources.gpu", gpu), ("srcnet:quota.requestsGpu", quota)));

    [Fact]
    public void A_shared_scratch_claim_with_a_cronjob_is_a_warning() =>
        Expect.Warning(Stacks.Check(("srcnet:scratch.mode", "sharedClaim"), ("srcnet:workflow.mode", "cronjob")), "srcnet:scratch.mode", "pile up");

    [Theory]
    [InlineData("sharedClaim", "job")]
    [InlineData("ephemeral", "cronjob")]
    public void Other_scratch_and_mode_combinations_are_accepted(string scratch, string mode) =>
        Expect.Clean(Stacks.Check(("srcnet:scratch.mode", scratch), ("srcnet:workflow.mode", mode)));

    [Fact]
    public void Cross_check_errors_are_all_reported_at_once()
    {
        var result = Stacks.Check(
            ("srcnet:quota.pods", "1"),
            ("srcnet:quota.persistentVolumeClaims", "1"),
            ("srcnet:quota.requestsCpu", "1"),
            ("srcnet:quota.limitsMemory", "1Gi"),
            ("srcnet:workflow.resources.limits.memory", "32Gi"));
        Assert.False(result.Ok);
        Assert.Equal(
            ["srcnet:quota.limitsMemory", "srcnet:quota.persistentVolumeClaims", "srcnet:quota.pods", "srcnet:quota.requestsCpu", "srcnet:workflow.resources.limits.memory"],
            result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }
}
