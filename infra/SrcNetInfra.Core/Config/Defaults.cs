namespace SrcNetInfra.Core.Config;

/// <summary>
/// Defaults that the config readers and <c>srcnet estimate</c> (without a stack) share, so an
/// estimate of "the defaults" is the estimate of a stack that leaves these keys unset.
/// </summary>
public static class Defaults
{
    /// <summary>srcnet:scratch.headroom: running out of /tmp fails a run hours in, so be generous.</summary>
    public const double ScratchHeadroom = 1.5;

    /// <summary>srcnet:ingestor.persistence.headroom.</summary>
    public const double IngestHeadroom = 1.2;

    /// <summary>srcnet:ingestor.persistence.runsToHold: the ingestor never empties its folders.</summary>
    public const int RunsToHold = 10;
}
