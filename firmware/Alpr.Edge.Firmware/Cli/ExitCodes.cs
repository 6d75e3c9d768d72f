namespace Alpr.Edge.Firmware.Cli;

/// <summary>Process exit codes of <c>alpr-edge</c>.</summary>
public static class ExitCodes
{
    /// <summary>Ran and stopped cleanly.</summary>
    public const int Success = 0;

    /// <summary>Failed while running (a stage crashed, the recogniser could not load).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or configuration; nothing ran.</summary>
    public const int BadUsage = 2;
}
