using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start-up.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return ValidateOptionsResult.Fail("Storage:DataDirectory is empty; set a writable folder (--data DIR)");
        }

        return File.Exists(options.DataDirectory)
            ? ValidateOptionsResult.Fail($"Storage:DataDirectory '{options.DataDirectory}' is a file; set a folder (--data DIR)")
            : ValidateOptionsResult.Success;
    }
}
