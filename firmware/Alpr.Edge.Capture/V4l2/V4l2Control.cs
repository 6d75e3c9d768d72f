namespace Alpr.Edge.Capture.V4l2;

/// <summary>The camera controls the V4L2 source sets when asked to.</summary>
public enum V4l2Control
{
    /// <summary>Manual exposure time (<c>V4L2_CID_EXPOSURE_ABSOLUTE</c>, in units of 100 µs): short at night under IR to freeze plates.</summary>
    Exposure,

    /// <summary>Analogue gain (<c>V4L2_CID_GAIN</c>), in the driver's own units.</summary>
    Gain,
}
