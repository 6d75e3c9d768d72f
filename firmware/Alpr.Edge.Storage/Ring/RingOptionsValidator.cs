using System.Globalization;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Storage.Ring;

/// <summary>Checks <see cref="RingOptions"/> at start-up; each message names the key and the fix.</summary>
public sealed class RingOptionsValidator : IValidateOptions<RingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every rule the options break, one message each (empty when valid).</summary>
    public static IReadOnlyList<string> Check(RingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string prefix = RingOptions.KeyPrefix;
        var failures = new List<string>();
        if (options.DiskBudgetBytes <= 0)
        {
            failures.Add($"{prefix}:DiskBudgetBytes must be positive; set the bytes the store may use on the card");
        }

        if (options.MaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:MaxAge must be positive (for example 30.00:00:00)");
        }

        if (options.ExpectedReadsPerDay <= 0 || options.ExpectedBytesPerRead <= 0)
        {
            failures.Add($"{prefix}:ExpectedReadsPerDay and {prefix}:ExpectedBytesPerRead must be positive; set the traffic the device is sized for");
        }

        if (options.PurgeBatchSize is < 1 or > 10_000)
        {
            failures.Add($"{prefix}:PurgeBatchSize must be 1..10000; 256 keeps each step short");
        }

        if (options.MaintenanceInterval <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:MaintenanceInterval must be positive (for example 00:00:05)");
        }

        if (failures.Count == 0)
        {
            var days = CapacityEstimate.DaysAt(options.DiskBudgetBytes, options.ExpectedReadsPerDay, options.ExpectedBytesPerRead);
            if (days < options.MinimumRetention.TotalDays)
            {
                var needed = (long)Math.Ceiling(options.MinimumRetention.TotalDays * options.ExpectedReadsPerDay * (options.ExpectedBytesPerRead + (double)RingOptions.RecordOverheadBytes));
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{prefix}:DiskBudgetBytes {options.DiskBudgetBytes} holds {days:0.0} days at {options.ExpectedReadsPerDay} reads/day of {options.ExpectedBytesPerRead} bytes; " +
                    $"{options.MinimumRetention.TotalDays:0} days need {needed}: raise DiskBudgetBytes or correct ExpectedReadsPerDay / ExpectedBytesPerRead"));
            }
        }

        return failures;
    }
}
