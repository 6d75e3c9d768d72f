using Alpr.Edge.Firmware.Device;
using Alpr.Edge.Hardware.Composition;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>Checks <see cref="CaptureOptions"/> at start-up, each failure naming the key and the fix.</summary>
internal sealed class CaptureOptionsValidator(IOptions<DeviceOptions> device, IOptions<HardwareOptions> hardware) : IValidateOptions<CaptureOptions>
{
    public ValidateOptionsResult Validate(string? name, CaptureOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Source))
        {
            failures.Add("Capture:Source is empty; set a camera (v4l2:///dev/video0, rtsp://…, http://…), a video file, a folder of images or sim://SEED (--source URI)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { device.Value.Camera };
        for (var i = 0; i < options.Cameras.Count; i++)
        {
            var camera = options.Cameras[i];
            if (string.IsNullOrWhiteSpace(camera.Name))
            {
                failures.Add($"Capture:Cameras:{i}:Name is empty; give each camera a name");
            }
            else if (!names.Add(camera.Name))
            {
                failures.Add($"Capture:Cameras:{i}:Name '{camera.Name}' is already used (Device:Camera or another camera); give each camera its own name");
            }

            if (string.IsNullOrWhiteSpace(camera.Source))
            {
                failures.Add($"Capture:Cameras:{i}:Source is empty; set the camera's source as for Capture:Source");
            }
        }

        if (options.StallTimeout < TimeSpan.FromSeconds(1) || options.StallTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Capture:StallTimeout is {options.StallTimeout}; set 00:00:01 to 00:10:00 (default 00:00:10), longer than the time between two frames");
        }

        if (options.ReconnectInitialDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectInitialDelay || options.ReconnectMaxDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"Capture:ReconnectInitialDelay ({options.ReconnectInitialDelay}) and Capture:ReconnectMaxDelay ({options.ReconnectMaxDelay}) must satisfy 0 < initial <= max <= 01:00:00 (defaults 00:00:01 and 00:00:30)");
        }

        if (options.ReconnectJitter is < 0 or > 1 || double.IsNaN(options.ReconnectJitter))
        {
            failures.Add($"Capture:ReconnectJitter is {options.ReconnectJitter}; set 0 to 1 (default 0.2)");
        }

        if (options.Recognize == RecognizeMode.TriggerWindows && !hardware.Value.Inputs.TriggerEnabled)
        {
            failures.Add("Capture:Recognize is TriggerWindows but no vehicle trigger is wired; set Hardware:Inputs:TriggerEnabled=true (with a trigger pin in the pin map) or Capture:Recognize=Always");
        }

        if (options.PreTrigger < TimeSpan.Zero || options.PreTrigger > TimeSpan.FromSeconds(10))
        {
            failures.Add($"Capture:PreTrigger is {options.PreTrigger}; set 00:00:00 to 00:00:10 (default 00:00:01)");
        }

        if (options.PreTriggerFrames is < 0 or > 300)
        {
            failures.Add($"Capture:PreTriggerFrames is {options.PreTriggerFrames}; set 0 to 300 (default 15)");
        }

        if (string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            failures.Add("Capture:FfmpegPath is empty; set ffmpeg (found on PATH) or its full path");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
