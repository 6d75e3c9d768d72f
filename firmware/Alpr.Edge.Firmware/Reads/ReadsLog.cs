using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>Read and hit log messages (event ids 3000-3099). Plates are masked.</summary>
internal static partial class ReadsLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Read {ReadId} stored: {MaskedPlate} confidence {Confidence:0.000} from {Sightings} sightings")]
    public static partial void ReadStored(ILogger logger, Guid readId, PlateMask maskedPlate, double confidence, int sightings);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Hot-list hit {HitId} stored: {MaskedPlate} on list {ListName} ({Category}), match {MatchKind}; unverified")]
    public static partial void HitStored(ILogger logger, Guid hitId, PlateMask maskedPlate, string listName, string category, string matchKind);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Reporter {Reporter} failed")]
    public static partial void ReporterFailed(ILogger logger, Exception exception, string reporter);
}
