using System.Globalization;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// <c>START_DATE_AND_TIME</c>: the workflow parses it with <c>pandas.to_datetime(..., utc=True)</c>
/// (docs/workflow.md#environment-variables). The current upstream manifests write ISO
/// (<c>2020-04-26T16:36</c>), older ones <c>04.26.2020T16:36</c>; both are accepted, ISO is the
/// default. Only forms pandas reads unambiguously are allowed, so the run starts when the user meant.
/// </summary>
public static class StartTime
{
    public const string Default = "2020-04-26T16:36";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd' 'HH:mm",
        "yyyy-MM-dd' 'HH:mm:ss",
        "MM.dd.yyyy'T'HH:mm",
    ];

    /// <summary>The instant a start time names, in one form (the text itself when it is not one): two forms of one instant are one start.</summary>
    public static string Instant(string text) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : text;

    /// <summary>Why the text is not a start time the workflow reads as meant, or null.</summary>
    public static string? Check(string text) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"must be a UTC start time as YYYY-MM-DDTHH:MM[:SS] (e.g. {Default}) or MM.DD.YYYYTHH:MM (got {UserText.Quote(text)})";
}
