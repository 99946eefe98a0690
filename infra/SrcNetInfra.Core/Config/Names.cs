using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Config;

/// <summary>Kubernetes' rules for names and labels, so a bad name fails here and not at admission.</summary>
public static partial class Names
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^[-._a-zA-Z0-9]+$")]
    private static partial Regex SecretKey();

    /// <summary>Namespaces, Jobs, CronJobs and Helm releases: a DNS-1123 label.</summary>
    public static string? CheckLabelName(string value, int maxLength = 63) =>
        value.Length == 0 ? "must not be empty"
        : value.Length > maxLength ? $"must be at most {maxLength} characters (got {value.Length}: {UserText.Quote(value)})"
        : Dns1123Label().IsMatch(value) ? null
        : $"must be lower-case letters, digits and '-', starting and ending with a letter or digit (got {UserText.Quote(value)})";

    /// <summary>Claims, Secrets, ServiceAccounts, SecretStores: a DNS-1123 subdomain.</summary>
    public static string? CheckObjectName(string value) =>
        value.Length == 0 ? "must not be empty"
        : value.Length > 253 ? $"must be at most 253 characters (got {value.Length})"
        : Dns1123Subdomain().IsMatch(value) ? null
        : $"must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (got {UserText.Quote(value)})";

    public static string? CheckLabelKey(string key)
    {
        var slash = key.LastIndexOf('/');
        var (prefix, name) = slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
        if (prefix is not null && (prefix.Length > 253 || !Dns1123Subdomain().IsMatch(prefix)))
            return $"label key {UserText.Quote(key)} has an invalid prefix; a prefix is a DNS subdomain such as example.org";
        if (name.Length is 0 or > 63 || !LabelName().IsMatch(name))
            return $"label key {UserText.Quote(key)} must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
        return null;
    }

    public static string? CheckLabelValue(string value) =>
        value.Length == 0 || (value.Length <= 63 && LabelName().IsMatch(value))
            ? null
            : $"label value {UserText.Quote(value)} must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

    /// <summary>
    /// Keys inside a Secret's data, as the API server checks them (IsConfigMapKey): letters, digits,
    /// '-', '_' and '.', and not '.', '..' or anything starting with '..' (they would be paths when
    /// the Secret is mounted as files).
    /// </summary>
    public static string? CheckSecretKey(string value) =>
        value.Length is 0 or > 253 || !SecretKey().IsMatch(value)
            ? $"must be 1 to 253 letters, digits, '-', '_' or '.' (got {UserText.Quote(value)})"
            : value is "." or ".." || value.StartsWith("..", StringComparison.Ordinal)
                ? $"must not be '.' or '..' or start with '..' (got {UserText.Quote(value)})"
                : null;
}
