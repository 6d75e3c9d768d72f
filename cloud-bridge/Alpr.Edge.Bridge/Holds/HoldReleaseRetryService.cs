using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Holds;

/// <summary>
/// Sends again, every <see cref="RetryEvery"/>, the release of each hold released in the last <see cref="RetryFor"/>
/// to the devices that still hold it: one that was offline, or whose hold event arrived after the release. The
/// command's id is the same each time, so a device applies it once.
/// </summary>
public sealed partial class HoldReleaseRetryService(
    ICentralStore store, DeviceHoldPush push, TimeProvider time, ILogger<HoldReleaseRetryService> logger) : PeriodicService(time)
{
    /// <summary>Time between tries.</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromMinutes(10);

    /// <summary>How long after a release it is retried (the device forgets command ids after 7 days).</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromDays(6);

    /// <inheritdoc />
    protected override TimeSpan Interval => RetryEvery;

    /// <summary>One round of retries; returns the devices the releases were sent to.</summary>
    public async Task<IReadOnlyList<string>> RetryOnceAsync(CancellationToken cancellationToken)
    {
        var since = Time.GetUtcNow() - RetryFor;
        var sent = new List<string>();
        try
        {
            foreach (var hold in (await store.GetHoldsAsync(cancellationToken)).Where(h => h.ReleasedAt >= since))
            {
                var result = await push.ReleaseAsync(hold, cancellationToken);
                sent.AddRange(result.PushedTo);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RetryFailed(logger, ex.Message.ReplaceLineEndings(" "));
        }

        return sent;
    }

    /// <inheritdoc />
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RetryOnceAsync(cancellationToken);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Error, Message = "Retrying hold releases on the devices failed: {Reason}; trying again at the next interval")]
    private static partial void RetryFailed(ILogger logger, string reason);
}
