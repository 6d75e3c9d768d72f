using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Firmware.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Hosting;

/// <summary>
/// Registered first, so the store, the hot list and the frame source are opened (and a bad one reported)
/// before the recognition models spend seconds loading; logs what the device runs with and, stopping
/// last, what is still waiting for the bridge.
/// </summary>
internal sealed partial class StartupSummary(
    DeviceStore store,
    InstalledHotlists hotlists,
    IFrameSource source,
    IOptions<DeviceOptions> device,
    ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var reads = store.Count(RecordKind.Read);
        var hits = store.Count(RecordKind.Hit);
        LogStarting(device.Value.DeviceId, source.Camera, store.Path, hotlists.Count, hotlists.Version, reads.NotSent + reads.InFlight, hits.NotSent + hits.InFlight);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        var reads = store.Count(RecordKind.Read);
        var hits = store.Count(RecordKind.Hit);
        LogStopped(reads.Acked, hits.Acked, reads.NotSent + reads.InFlight, hits.NotSent + hits.InFlight);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Device {DeviceId} camera {Camera}: store {StorePath}, {HotlistEntries} hot-list entries (bridge list version {HotlistVersion}), {PendingReads} reads and {PendingHits} hits waiting for the bridge")]
    private partial void LogStarting(string? deviceId, string camera, string storePath, int hotlistEntries, long hotlistVersion, long pendingReads, long pendingHits);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information,
        Message = "Stopped: the bridge holds {AckedReads} reads and {AckedHits} hits; {PendingReads} reads and {PendingHits} hits stay in the store until it acknowledges them")]
    private partial void LogStopped(long ackedReads, long ackedHits, long pendingReads, long pendingHits);
}
