using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Firmware.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>
/// Turns a tracked read into a <see cref="PlateReadMessage"/>, matches it against the hot list, commits
/// the read and its hits to the device store in one transaction, wakes the uplink, and tells the reporters.
/// </summary>
public sealed class ReadProcessor
{
    private readonly DeviceStore _store;
    private readonly Hotlist _hotlist;
    private readonly OutboxSignal _signal;
    private readonly IReadReporter[] _reporters;
    private readonly DeviceOptions _device;
    private readonly TimeProvider _timeProvider;
    private readonly ReadMetrics _metrics;
    private readonly ILogger<ReadProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public ReadProcessor(
        DeviceStore store,
        Hotlist hotlist,
        OutboxSignal signal,
        IEnumerable<IReadReporter> reporters,
        IOptions<DeviceOptions> device,
        TimeProvider timeProvider,
        ReadMetrics metrics,
        ILogger<ReadProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(device);
        _store = store;
        _hotlist = hotlist;
        _signal = signal;
        _reporters = [.. reporters];
        _device = device.Value;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Stores and reports one read (and its hits); returns the read as sent.</summary>
    public PlateReadMessage Process(TrackedRead tracked)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        var read = new PlateReadMessage
        {
            Id = Guid.CreateVersion7(_timeProvider.GetUtcNow()),
            DeviceId = _device.DeviceId!,
            Camera = tracked.Camera,
            Plate = tracked.Text,
            Confidence = Math.Round(tracked.Confidence, 4),
            CapturedAt = tracked.CapturedAt,
            Box = new PlateBox(tracked.Box.X, tracked.Box.Y, tracked.Box.Width, tracked.Box.Height),
            Alternatives = tracked.Alternatives,
            FirmwareVersion = ThisAssembly.AssemblyInformationalVersion,
        };
        var hits = _hotlist.Match(read.Plate, read.Alternatives.Select(a => a.Text))
            .Select(match => new HotlistHitMessage
            {
                Id = Guid.CreateVersion7(_timeProvider.GetUtcNow()),
                Read = read,
                ListName = match.Entry.ListName,
                Category = match.Entry.Category,
                EntryPlate = match.Entry.Plate,
                MatchKind = match.MatchKind,
                CaseNumber = match.Entry.CaseNumber,
                Verification = HitVerification.Unverified,
            })
            .ToList();

        _store.Add(read, hits);
        _signal.Notify();
        _metrics.Stored(hits.Count);
        ReadsLog.ReadStored(_logger, read.Id, new PlateMask(read.Plate), read.Confidence, tracked.Sightings);
        foreach (var hit in hits)
        {
            ReadsLog.HitStored(_logger, hit.Id, new PlateMask(read.Plate), hit.ListName, hit.Category, hit.MatchKind);
        }

        foreach (var reporter in _reporters)
        {
            try
            {
                foreach (var hit in hits)
                {
                    reporter.HitStored(hit);
                }

                reporter.ReadStored(read);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReadsLog.ReporterFailed(_logger, ex, reporter.GetType().Name);
            }
        }

        return read;
    }
}
