namespace SrcNetInfra.Core.Verification;

/// <summary>The cluster <c>srcnet verify</c> talks to, for messages that must say which one.</summary>
public sealed record ClusterRef(string Server, string Context)
{
    public override string ToString() => $"{Server} (context {Context})";
}
