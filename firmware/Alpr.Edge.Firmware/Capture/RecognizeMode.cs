namespace Alpr.Edge.Firmware.Capture;

/// <summary>Which frames go to recognition.</summary>
public enum RecognizeMode
{
    /// <summary>Every frame (the queue still drops the oldest when recognition falls behind).</summary>
    Always,

    /// <summary>Only frames inside windows around vehicle-trigger activations.</summary>
    TriggerWindows,
}
