using SrcNetInfra.Core.Config;

namespace SrcNetInfra.Core.Verification;

/// <summary>
/// The words <c>srcnet verify</c> writes for its states, in the report and in the JSON contract
/// (docs/verify.md#json): one table per enum, all lowercase, a hyphen between words
/// (<c>in-progress</c>). A renamed enum member can then never change what a script reads.
/// </summary>
public static class VerifyWords
{
    public static readonly Words<VerdictKind> Verdict = new(
        (VerdictKind.Succeeded, "succeeded"),
        (VerdictKind.InProgress, "in-progress"),
        (VerdictKind.Failed, "failed"));

    public static readonly Words<RunPhase> Run = new(
        (RunPhase.Pending, "pending"),
        (RunPhase.Unschedulable, "unschedulable"),
        (RunPhase.Running, "running"),
        (RunPhase.Succeeded, "succeeded"),
        (RunPhase.Failed, "failed"));

    public static readonly Words<ProductState> Product = new(
        (ProductState.Ingested, "ingested"),
        (ProductState.Waiting, "waiting"),
        (ProductState.Failed, "failed"),
        (ProductState.Missing, "missing"),
        (ProductState.Expired, "expired"));

    public static readonly Words<PointState> Point = new(
        (PointState.Done, "done"),
        (PointState.Running, "running"),
        (PointState.Waiting, "waiting"),
        (PointState.Failed, "failed"),
        (PointState.Stuck, "stuck"));

    public static readonly Words<HealthWord> Health = new(
        (HealthWord.Ok, "ok"),
        (HealthWord.Attention, "attention"),
        (HealthWord.Unknown, "unknown"));

    public static readonly Words<FindingSeverity> Severity = new(
        (FindingSeverity.Warning, "warning"),
        (FindingSeverity.Notice, "notice"));

    public static readonly Words<LeftoverKind> Leftover = new(
        (LeftoverKind.Failed, "failed"),
        (LeftoverKind.Killed, "killed"),
        (LeftoverKind.Stale, "stale"),
        (LeftoverKind.Unknown, "unknown"));
}
