using Alpr.Edge.Storage.Ring;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start-up: the data folder and the ring (budget for 30 days at the expected traffic).</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return ValidateOptionsResult.Fail("Storage:DataDirectory is empty; set a writable folder (--data DIR)");
        }

        if (File.Exists(options.DataDirectory))
        {
            return ValidateOptionsResult.Fail($"Storage:DataDirectory '{options.DataDirectory}' is a file; set a folder (--data DIR)");
        }

        var ring = RingOptionsValidator.Check(options);
        return ring.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(ring);
    }
}
