using System.Text.RegularExpressions;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Container image names as the container runtime reads them (the distribution reference grammar,
/// github.com/distribution/reference regexp.go): a repository's path is lower-case, its optional
/// registry host (a name with a '.' or a ':port', or localhost) may not be; a tag is at most 128
/// word characters, '.' and '-', not starting with '.' or '-'. The API server accepts any string in
/// <c>image</c>, so a wrong one fails only when the kubelet pulls it, hours after a deploy.
/// </summary>
public static partial class ImageReference
{
    [GeneratedRegex(@"^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$")]
    private static partial Regex Host();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$")]
    private static partial Regex PathComponent();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    private static partial Regex Tag();

    /// <summary>Why <paramref name="repository"/> is not an image repository without a tag, or null.</summary>
    public static string? CheckRepository(string repository)
    {
        if (repository.Length is 0 or > 255) return "must be an image repository of 1 to 255 characters";
        var parts = repository.Split('/');
        // The first part is a registry host when it looks like one (distribution's splitDomain).
        var hasHost = parts.Length > 1 && (parts[0].Contains('.') || parts[0].Contains(':') || parts[0] == "localhost");
        if (hasHost && !Host().IsMatch(parts[0])) return $"{UserText.Quote(parts[0])} is not a registry host (name[:port])";
        foreach (var part in parts.Skip(hasHost ? 1 : 0))
        {
            if (part.Contains(':') || part.Contains('@')) return "must not carry a tag or digest; set the tag on its own";
            if (!PathComponent().IsMatch(part))
                return $"path {UserText.Quote(part)} must be lower-case letters and digits, separated by '.', '_', '__' or '-' (registries refuse upper case)";
        }
        return null;
    }

    /// <summary>
    /// Reports a bad repository or tag at the keys <c>repository</c> and <c>tag</c> of
    /// <paramref name="image"/>, with the value as it was given (and an example repository, if any).
    /// A null tag is not checked (unset and required: its reader has said so).
    /// </summary>
    public static void Report(ConfigSection image, string repository, string? tag, Problems problems, string? example = null)
    {
        if (CheckRepository(repository) is { } badRepository)
            problems.Error(image.KeyOf("repository"), $"{badRepository}{(example is null ? "" : $", e.g. {example}")} (got {UserText.Quote(repository)})");
        if (tag is not null && CheckTag(tag) is { } badTag)
            problems.Error(image.KeyOf("tag"), $"{badTag} (got {UserText.Quote(tag)})");
    }

    /// <summary>Why <paramref name="tag"/> is not an image tag, or null.</summary>
    public static string? CheckTag(string tag) =>
        Tag().IsMatch(tag) ? null : "must be an image tag: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'";
}
