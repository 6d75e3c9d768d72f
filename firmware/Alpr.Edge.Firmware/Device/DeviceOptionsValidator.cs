using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Device;

/// <summary>Checks <see cref="DeviceOptions"/> at start-up: ids go into MQTT topics, so only safe characters.</summary>
internal sealed class DeviceOptionsValidator : IValidateOptions<DeviceOptions>
{
    public ValidateOptionsResult Validate(string? name, DeviceOptions options)
    {
        var failures = new List<string>();
        if (!IsName(options.DeviceId))
        {
            failures.Add($"Device:DeviceId '{options.DeviceId}' is not usable in MQTT topics; set 1-64 characters of letters, digits, '-', '_' or '.' (--device-id ID)");
        }

        if (!IsName(options.Camera))
        {
            failures.Add($"Device:Camera '{options.Camera}' is not a usable camera name; set 1-64 characters of letters, digits, '-', '_' or '.'");
        }

        if (options.Latitude.HasValue != options.Longitude.HasValue)
        {
            failures.Add("Device:Latitude and Device:Longitude go together; set both (degrees north/east) or neither");
        }

        if (options.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            failures.Add($"Device:Latitude must be -90..90 degrees north, got {lat}");
        }

        if (options.Longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            failures.Add($"Device:Longitude must be -180..180 degrees east, got {lon}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>True for 1-64 characters of ASCII letters, digits, '-', '_' and '.'.</summary>
    public static bool IsName(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
