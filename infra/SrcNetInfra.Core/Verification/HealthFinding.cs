namespace SrcNetInfra.Core.Verification;

/// <summary>How much a finding about the ingest area matters.</summary>
public enum FindingSeverity
{
    /// <summary>Something is failing or will fail: products do not move, ingestion failed, the next run has no room.</summary>
    Warning,
    /// <summary>Worth a look, nothing is failing now: directories of earlier runs left for inspection or clean-up.</summary>
    Notice,
}

/// <summary>
/// One thing about the ingest area a person should know. Findings never change verify's verdict
/// or exit code: they are about the area, not about the run being verified.
/// </summary>
/// <param name="Kind"><c>stuck</c>, <c>failed-processing</c>, <c>space</c> or <c>leftover</c>.</param>
public sealed record HealthFinding(string Kind, FindingSeverity Severity, string Message)
{
    /// <summary>The severity as the report and the JSON write it: warning, notice.</summary>
    public string SeverityName => VerifyWords.Severity.Of(Severity);
}
