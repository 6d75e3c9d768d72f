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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>True for 1-64 characters of ASCII letters, digits, '-', '_' and '.'.</summary>
    public static bool IsName(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
