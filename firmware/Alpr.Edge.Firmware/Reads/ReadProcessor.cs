using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Storage.Evidence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Reads;

/// <summary>
/// Turns a tracked read into a <see cref="PlateReadMessage"/>, matches it against the hot list, and hands the
/// read, its hits and its evidence (plate crop, overview, site) to the <see cref="ReadBatcher"/>: a read with a hit
/// is committed at once, others in small batches. Once committed, the uplink is woken and the reporters are told.
/// </summary>
public sealed class ReadProcessor
{
    private readonly ReadBatcher _batcher;
    private readonly InstalledHotlists _hotlists;
    private readonly IReadReporter[] _reporters;
    private readonly DeviceOptions _device;
    private readonly TimeProvider _timeProvider;
    private readonly ReadMetrics _metrics;
    private readonly ILogger<ReadProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public ReadProcessor(
        ReadBatcher batcher,
        InstalledHotlists hotlists,
        IEnumerable<IReadReporter> reporters,
        IOptions<DeviceOptions> device,
        TimeProvider timeProvider,
        ReadMetrics metrics,
        ILogger<ReadProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(device);
        _batcher = batcher;
        _hotlists = hotlists;
        _reporters = [.. reporters];
        _device = device.Value;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Stores (or queues for its batch) and reports one read and its hits; returns the read as sent.</summary>
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
            Sightings = tracked.Sightings,
            StageMilliseconds = tracked.StageMilliseconds?.ToDictionary(s => s.Key, s => Math.Round(s.Value, 1)),
            Latitude = _device.Latitude,
            Longitude = _device.Longitude,
            FirmwareVersion = ThisAssembly.AssemblyInformationalVersion,
        };
        var evidence = new ReadEvidence
        {
            PlateCropJpeg = tracked.Images?.PlateCropJpeg ?? default,
            OverviewJpeg = tracked.Images?.OverviewJpeg ?? default,
            Site = _device.Latitude is { } lat && _device.Longitude is { } lon ? new GeoPosition(lat, lon) : null,
        };

        // A hit goes to officers at once: it carries the images itself (reads keep theirs on the device).
        var hits = _hotlists.Match(read.Plate, [.. read.Alternatives.Select(a => a.Text)], _timeProvider.GetUtcNow())
            .Select(match => HotlistHitFactory.Create(match, read, Guid.CreateVersion7(_timeProvider.GetUtcNow())) with
            {
                PlateCropJpeg = evidence.PlateCropJpeg.IsEmpty ? null : evidence.PlateCropJpeg,
                OverviewJpeg = evidence.OverviewJpeg.IsEmpty ? null : evidence.OverviewJpeg,
            })
            .ToList();
        _batcher.Add(new ReadToStore(read, hits, evidence), () => Stored(read, hits, tracked.Sightings));
        return read;
    }

    /// <summary>Commits queued reads whose batch delay has passed (call it after every frame and on idle ticks).</summary>
    public void FlushDue() => _batcher.FlushDue();

    /// <summary>Commits every queued read (the source ended or the device is stopping).</summary>
    public void Flush() => _batcher.Flush();

    private void Stored(PlateReadMessage read, List<HotlistHitMessage> hits, int sightings)
    {
        _metrics.Stored(hits.Count);
        ReadsLog.ReadStored(_logger, read.Id, new PlateMask(read.Plate), read.Confidence, sightings);
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
    }
}
