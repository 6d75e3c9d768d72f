using Alpr.Edge.Capture;
using Alpr.Edge.Firmware.Capture;
using Alpr.Edge.Firmware.Evidence;
using Alpr.Edge.Firmware.Reads;
using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Recognition;

/// <summary>
/// The one owner of recognition state: takes frames from the queue, recognises them, feeds the tracker,
/// and hands each tracked read to the <see cref="ReadProcessor"/>. Closes idle tracks on a tick when no
/// frame arrives, and every open track when the source ends or the device stops.
/// </summary>
internal sealed class RecognitionWorker : BackgroundService
{
    private readonly FrameChannel _channel;
    private readonly IPlateRecognizer _recognizer;
    private readonly PlateTracker _tracker;
    private readonly ReadProcessor _processor;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly RecognitionMetrics _metrics;
    private readonly SightingImageEncoder _images;
    private readonly ILogger<RecognitionWorker> _logger;
    private long _failures;

    // The processor (hot list, store) is taken before the recogniser so that a broken hot list is
    // reported before the models spend seconds loading.
    public RecognitionWorker(
        FrameChannel channel,
        ReadProcessor processor,
        IPlateRecognizer recognizer,
        IOptions<PipelineOptions> options,
        IOptions<TrackingOptions> trackingOptions,
        TimeProvider timeProvider,
        RecognitionMetrics metrics,
        SightingImageEncoder images,
        ILogger<RecognitionWorker> logger)
    {
        _channel = channel;
        _recognizer = recognizer;
        _processor = processor;
        _options = options.Value;
        _timeProvider = timeProvider;
        _tracker = new PlateTracker(trackingOptions.Value, timeProvider);
        _metrics = metrics;
        _images = images;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _channel.Reader;
        Task<bool>? waiting = null;
        try
        {
            while (true)
            {
                waiting ??= reader.WaitToReadAsync(stoppingToken).AsTask();
                try
                {
                    if (!await waiting.WaitAsync(_options.IdleTick, _timeProvider, stoppingToken))
                    {
                        RecognitionLog.SourceFinished(_logger);
                        break;
                    }

                    waiting = null;
                }
                catch (TimeoutException)
                {
                    Report(_tracker.Expire());
                    _processor.FlushDue();
                    continue;
                }

                while (reader.TryRead(out var frame))
                {
                    using (frame)
                    {
                        Recognise(frame, stoppingToken);
                    }

                    _processor.FlushDue();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            while (reader.TryRead(out var left))
            {
                left.Dispose();
            }

            Report(_tracker.Flush());
            _processor.Flush();
        }
    }

    private void Recognise(Frame frame, CancellationToken cancellationToken)
    {
        FrameRecognition recognition;
        var started = _timeProvider.GetTimestamp();
        try
        {
            recognition = _recognizer.Recognize(frame.Image, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _metrics.RecognitionFailed();
            if (_failures++ % 100 == 0)
            {
                RecognitionLog.RecognitionFailed(_logger, ex, frame.Sequence, frame.Camera, _failures);
            }

            Report(_tracker.Observe(frame.Camera, frame.CapturedAt, []));
            return;
        }

        _metrics.FrameRecognised(recognition.Plates.Count, _timeProvider.GetElapsedTime(started));
        Report(_tracker.Observe(frame.Camera, frame.CapturedAt, recognition.Plates, plate => new SightingEvidence(_images.Encode(frame.Image, plate.Box), recognition.StageMilliseconds)));
    }

    private void Report(IReadOnlyList<TrackedRead> reads)
    {
        if (reads.Count == 0)
        {
            return;
        }

        _metrics.TrackedReads(reads.Count);
        foreach (var read in reads)
        {
            _processor.Process(read);
        }
    }
}
