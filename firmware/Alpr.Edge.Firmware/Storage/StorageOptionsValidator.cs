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

        var ring = new List<string>(RingOptionsValidator.Check(options));
        if (options.ReadBatchSize is < 1 or > 1000)
        {
            ring.Add($"Storage:ReadBatchSize must be 1..1000 reads, got {options.ReadBatchSize}");
        }

        if (options.ReadBatchDelay < TimeSpan.Zero || options.ReadBatchDelay > TimeSpan.FromMinutes(1))
        {
            ring.Add($"Storage:ReadBatchDelay must be 00:00:00..00:01:00 (how long a read may wait for its batch), got {options.ReadBatchDelay}");
        }

        return ring.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(ring);
    }
}
