using Alpr.Edge.Hotlists.Bundles;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>Hot-list log messages (event ids 3100-3119). No plate text.</summary>
internal static partial class HotlistLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Hot list version {Version} installed from {Origin}: {Entries} entries ({Patterns} patterns, {Dropped} already expired left out), issued {IssuedAt:u} by {Issuer}, key {KeyId}; compiled in {CompileMs} ms")]
    public static partial void Installed(ILogger logger, long version, string origin, int entries, int patterns, int dropped, DateTimeOffset? issuedAt, string issuer, string? keyId, long compileMs);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Hot-list bundle from {Origin} rejected ({Reason}): {Detail}")]
    public static partial void Rejected(ILogger logger, string origin, BundleRejectionReason reason, string detail);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Hot-list bundle from {Origin} not installed: {Detail}")]
    public static partial void AlreadyRunning(ILogger logger, string origin, string detail);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Debug, Message = "Hot-list bundle from {Origin} is the one running (version {Version}); nothing to do")]
    public static partial void SameBundle(ILogger logger, string origin, long version);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Hot list version {Version} runs but could not be saved to {Path}; a restart would run the previous one")]
    public static partial void NotSaved(ILogger logger, Exception exception, long version, string path);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Local hot list {Path} loaded: {Entries} entries ({Patterns} patterns)")]
    public static partial void LocalLoaded(ILogger logger, string path, int entries, int patterns);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "No hot list: no local file (Hotlists:File / --hotlist) and no list from the bridge yet; reads are kept and sent, nothing alerts")]
    public static partial void NoHotlist(ILogger logger);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "No trusted hot-list keys (Hotlists:TrustedKeyFiles): lists published by the bridge will be refused")]
    public static partial void NoTrustedKeys(ILogger logger);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Error, Message = "Hot-list bundle from {Origin} failed while installing; the running list stays")]
    public static partial void InstallFailed(ILogger logger, Exception exception, string origin);
}
