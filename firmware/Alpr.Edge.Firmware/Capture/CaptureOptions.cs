namespace Alpr.Edge.Firmware.Capture;

/// <summary>Where frames come from (config section <c>Capture</c>).</summary>
public sealed class CaptureOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Capture";

    /// <summary><c>sim://SEED[?fps=..&amp;frames=..&amp;plates=A,B]</c> for the simulated street camera, or a folder of images.</summary>
    public string Source { get; set; } = "sim://1";
}
