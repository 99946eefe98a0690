namespace SrcNetInfra.Cli;

/// <summary>The exit codes scripts rely on (README, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Anything unexpected: an I/O failure, a bug.</summary>
    public const int Failure = 1;
    /// <summary>A usage or config error: the user has to change a flag or a stack file.</summary>
    public const int UsageOrConfig = 2;
    /// <summary><c>srcnet verify</c>: the run is not done yet (no run yet, pending, running, products in staging).</summary>
    public const int RunInProgress = 3;
    /// <summary><c>srcnet verify</c>: the run or its ingestion failed, or what it needs is not deployed.</summary>
    public const int RunFailed = 4;
    /// <summary>Stopped by Ctrl+C (SIGINT), as shells report a process that SIGINT ended: 128 + 2.</summary>
    public const int Interrupted = 130;
}

/// <summary>A usage error with one line that names the flag and what is allowed; exits 2.</summary>
public sealed class UsageException(string message) : Exception(message);
