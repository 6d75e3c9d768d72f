using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Checks <see cref="UplinkOptions"/> at start-up; each message names the key and the fix.</summary>
internal sealed class UplinkOptionsValidator : IValidateOptions<UplinkOptions>
{
    public ValidateOptionsResult Validate(string? name, UplinkOptions options)
    {
        var failures = new List<string>();
        if (!BrokerAddress.TryParse(options.BrokerUrl, out _, out var error))
        {
            failures.Add($"Uplink:BrokerUrl {error} (--broker URL)");
        }

        for (var i = 0; i < options.TrustedBridgeKeyFiles.Length; i++)
        {
            if (Hotlists.HotlistOptionsValidator.KeyFileProblem(options.TrustedBridgeKeyFiles[i]) is { } problem)
            {
                failures.Add($"Uplink:TrustedBridgeKeyFiles:{i} {problem}; copy the bridge's hotlist-signing.pub.pem (alpr-bridge hotlist keygen) to the device and name it here");
            }
        }

        if (options.ClientId is { Length: 0 or > 128 })
        {
            failures.Add("Uplink:ClientId must be 1-128 characters; remove it to use alpr-edge-{DeviceId}");
        }

        CheckPositive(failures, "ConnectTimeout", options.ConnectTimeout, "00:00:10");
        CheckPositive(failures, "OperationTimeout", options.OperationTimeout, "00:00:10");
        CheckPositive(failures, "AckTimeout", options.AckTimeout, "00:00:30");
        CheckPositive(failures, "KeepAlive", options.KeepAlive, "00:00:15");
        CheckPositive(failures, "ReconnectMinDelay", options.ReconnectMinDelay, "00:00:01");
        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            failures.Add($"Uplink:ReconnectMaxDelay is {options.ReconnectMaxDelay}; set it at least Uplink:ReconnectMinDelay (default 00:01:00)");
        }

        if (options.MaxInFlight is < 1 or > 100_000)
        {
            failures.Add($"Uplink:MaxInFlight is {options.MaxInFlight}; set 1 to 100000 (default 200)");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"Uplink:BatchSize is {options.BatchSize}; set 1 to 10000 (default 50)");
        }

        if (!double.IsFinite(options.MaxReadsPerSecond) || options.MaxReadsPerSecond is < 0.1 or > 100_000)
        {
            failures.Add($"Uplink:MaxReadsPerSecond is {options.MaxReadsPerSecond}; set 0.1 to 100000 (default 100)");
        }

        if (options.StatusInterval < TimeSpan.FromSeconds(1) || options.StatusInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Uplink:StatusInterval is {options.StatusInterval}; set 00:00:01 to 01:00:00 (default 00:01:00)");
        }

        UplinkTlsValidation.Check(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value, string fallback)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Uplink:{key} is {value}; set a positive time such as {fallback}");
        }
    }
}
