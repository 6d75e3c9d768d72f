namespace Alpr.Edge.Firmware.Capture;

/// <summary>The frame queue between capture and recognition (config section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Pipeline";

    /// <summary>Frames waiting for recognition; when full the oldest is dropped (and counted).</summary>
    public int ChannelCapacity { get; set; } = 4;

    /// <summary>How often the recognition worker closes idle tracks when no frame arrives.</summary>
    public TimeSpan IdleTick { get; set; } = TimeSpan.FromMilliseconds(250);
}
