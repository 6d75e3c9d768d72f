namespace Alpr.Edge.Bridge.Cli;

/// <summary>Process exit codes of <c>alpr-bridge</c>.</summary>
public static class ExitCodes
{
    /// <summary>Ran and stopped cleanly, or printed help or the version.</summary>
    public const int Success = 0;

    /// <summary>Failed while running (e.g. the web port is taken).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or bad configuration; nothing was started.</summary>
    public const int Usage = 2;
}
