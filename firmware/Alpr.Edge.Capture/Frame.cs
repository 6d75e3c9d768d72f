using SkiaSharp;

namespace Alpr.Edge.Capture;

/// <summary>
/// One captured frame. The frame owns its bitmap: whoever takes the frame last disposes it.
/// </summary>
public sealed class Frame : IDisposable
{
    /// <summary>Creates a frame that takes ownership of <paramref name="image"/>.</summary>
    public Frame(string camera, long sequence, DateTimeOffset capturedAt, long monotonicTimestamp, SKBitmap image)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentNullException.ThrowIfNull(image);
        Camera = camera;
        Sequence = sequence;
        CapturedAt = capturedAt;
        MonotonicTimestamp = monotonicTimestamp;
        Image = image;
    }

    /// <summary>Camera name from the configuration.</summary>
    public string Camera { get; }

    /// <summary>Sequence number within this camera's stream, from 0.</summary>
    public long Sequence { get; }

    /// <summary>Wall-clock capture time.</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary>Monotonic capture time (<see cref="TimeProvider.GetTimestamp"/> units).</summary>
    public long MonotonicTimestamp { get; }

    /// <summary>The picture (BGRA or RGBA 8888).</summary>
    public SKBitmap Image { get; }

    /// <summary>Optional label such as the source file name.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// This frame under another sequence number (a supervised camera numbers its frames across reconnections); the image moves to
    /// the returned frame, so dispose only that one.
    /// </summary>
    public Frame Renumber(long sequence) =>
        sequence == Sequence ? this : new Frame(Camera, sequence, CapturedAt, MonotonicTimestamp, Image) { Label = Label };

    /// <inheritdoc />
    public void Dispose() => Image.Dispose();
}
