using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace SrcNetInfra.Core.Adoption;

/// <summary>
/// One revision of a Helm release as Helm 3 stores it: a Secret of type <c>helm.sh/release.v1</c>
/// named <c>sh.helm.release.v1.NAME.vREVISION</c>, labelled <c>owner=helm</c>, <c>name=NAME</c>,
/// <c>status</c> and <c>version</c>, whose <c>release</c> key holds the release as JSON, gzipped and
/// base64-encoded (helm/helm v3.20.2 pkg/storage/driver/secrets.go, newSecretsObject;
/// pkg/storage/driver/util.go, encodeRelease and decodeRelease; docs/platform.md#helm-releases-in-the-cluster).
/// Only the chart's identity, the status and the revision are kept: never the values, which may hold secrets.
/// </summary>
public sealed record HelmReleaseRecord(string Name, int Revision, string Status, string ChartName, string ChartVersion)
{
    public const string SecretType = "helm.sh/release.v1";
    public const string PayloadKey = "release";

    /// <summary>The label selector of every revision of a release.</summary>
    public static string Selector(string release) => $"owner=helm,name={release}";

    /// <summary>Statuses in which Helm refuses an upgrade (pkg/action/upgrade.go, prepareUpgrade: errPending).</summary>
    public bool Pending => Status.StartsWith("pending-", StringComparison.Ordinal);

    /// <summary>
    /// Reads the <c>release</c> key of a release Secret (the bytes after the API's own base64). Null when
    /// it is not a Helm 3 release record: the caller reports that it could not be read.
    /// </summary>
    public static HelmReleaseRecord? Decode(byte[] payload)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Encoding.ASCII.GetString(payload));
        }
        catch (FormatException)
        {
            return null;
        }
        try
        {
            // Helm reads records written before compression as plain JSON (decodeRelease: the gzip magic check).
            if (bytes.Length > 3 && bytes[0] == 0x1f && bytes[1] == 0x8b && bytes[2] == 0x08)
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            var metadata = Property(Property(root, "chart"), "metadata");
            var name = String(root, "name");
            var chart = String(metadata, "name");
            if (name is null || chart is null) return null;
            var revision = Property(root, "version") is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var r) ? r : 0;
            return new HelmReleaseRecord(
                Printable(name), revision, Printable(String(Property(root, "info"), "status") ?? "unknown"), Printable(chart), Printable(String(metadata, "version") ?? ""));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            return null;
        }
    }

    /// <summary>What a record says is printed: control characters become '?', and it is cut at 64 characters.</summary>
    private static string Printable(string text)
    {
        var clean = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length <= 64 ? clean : clean[..63] + "…";
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? String(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
}
