namespace Alpr.Edge.Firmware.Capture;

/// <summary>Where frames come from and how cameras are watched (config section <c>Capture</c>).</summary>
public sealed class CaptureOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Capture";

    /// <summary>
    /// The device's camera, named <c>Device:Camera</c>: <c>v4l2:///dev/video0?…</c>, <c>rtsp://…</c>, <c>http(s)://…</c> (MJPEG), a video
    /// file, a folder of images, or <c>sim://SEED[?…]</c> for the simulated street camera (see docs/cameras.md).
    /// </summary>
    public string Source { get; set; } = "sim://1";

    /// <summary>Further cameras on the same device, each with its own name and source; all feed the same recognition queue.</summary>
    public List<CameraOptions> Cameras { get; set; } = [];

    /// <summary>No frame for this long means the camera stalled: it is closed and reopened.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reopening a camera that went away; doubles per failed attempt.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each wait is spread by up to this fraction either way, so cameras do not retry in step.</summary>
    public double ReconnectJitter { get; set; } = 0.2;

    /// <summary>
    /// <see cref="RecognizeMode.Always"/> recognises every frame; <see cref="RecognizeMode.TriggerWindows"/> only frames around a vehicle
    /// trigger (needs <c>Hardware:Inputs:TriggerEnabled</c>): from <see cref="PreTrigger"/> before it became active until
    /// <c>Hardware:Inputs:TriggerWindowHold</c> after it released. Frames outside are counted as skipped.
    /// </summary>
    public RecognizeMode Recognize { get; set; } = RecognizeMode.Always;

    /// <summary>How far back before a trigger frames are still recognised (kept in a small per-camera buffer meanwhile).</summary>
    public TimeSpan PreTrigger { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many frames per camera are kept for <see cref="PreTrigger"/>.</summary>
    public int PreTriggerFrames { get; set; } = 15;

    /// <summary>The ffmpeg program that decodes network cameras and video files (Debian package <c>ffmpeg</c>).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";
}
