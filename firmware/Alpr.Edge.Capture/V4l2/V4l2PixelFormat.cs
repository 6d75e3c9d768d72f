namespace Alpr.Edge.Capture.V4l2;

/// <summary>The camera pixel formats the V4L2 source can use.</summary>
public enum V4l2PixelFormat
{
    /// <summary>Motion JPEG: each buffer is a JPEG; little USB bandwidth, so the high resolutions run at full rate.</summary>
    Mjpeg,

    /// <summary>YUYV 4:2:2 (Y0 U Y1 V per pixel pair): uncompressed, no JPEG artefacts, but USB 2 limits it to low rates at 720p.</summary>
    Yuyv,
}
