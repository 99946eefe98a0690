using System.Text;
using SrcNetInfra.Core.Adoption;

namespace SrcNetInfra.Tests.Adopt;

/// <summary>Reading Helm 3's release records (helm/helm v3.20.2 pkg/storage/driver/util.go, decodeRelease).</summary>
public class HelmReleaseRecordTests
{
    private static byte[] Payload(string json, bool gzip = true) => Encoding.ASCII.GetBytes(Site.Encode(json, gzip));

    [Fact]
    public void A_gzipped_record_gives_the_chart_the_status_and_the_revision()
    {
        var record = HelmReleaseRecord.Decode(Payload(Site.ReleaseJson(3, "deployed", "ska-src-dm-di-ingestor", "0.1.1", "kind: Deployment")));

        Assert.Equal(new HelmReleaseRecord("ingestor", 3, "deployed", "ska-src-dm-di-ingestor", "0.1.1"), record);
    }

    [Fact]
    public void A_record_written_before_compression_is_read_as_plain_json_as_Helm_does()
    {
        var record = HelmReleaseRecord.Decode(Payload(Site.ReleaseJson(1, "failed", "nginx", "15.0.0", ""), gzip: false));

        Assert.Equal(("nginx", "failed"), (record!.ChartName, record.Status));
        Assert.False(record.Pending);
        Assert.True(HelmReleaseRecord.Decode(Payload(Site.ReleaseJson(2, "pending-upgrade", "nginx", "1", "")))!.Pending);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("H4sIAAAA")] // a gzip header with nothing behind it
    [InlineData("eyJuYW1lIjogMX0=")] // {"name": 1}: JSON, but not a release
    [InlineData("")]
    public void Anything_else_is_not_a_release(string payload)
    {
        Assert.Null(HelmReleaseRecord.Decode(Encoding.ASCII.GetBytes(payload)));
    }

    [Fact]
    public void What_a_record_says_is_printable_and_short()
    {
        var json = Site.ReleaseJson(1, "deployed", "evil\u001b[31mchart" + new string('x', 100), "1\n2", "");

        var record = HelmReleaseRecord.Decode(Payload(json))!;

        Assert.DoesNotContain('\u001b', record.ChartName);
        Assert.Equal(64, record.ChartName.Length);
        Assert.Equal("1?2", record.ChartVersion);
    }
}
