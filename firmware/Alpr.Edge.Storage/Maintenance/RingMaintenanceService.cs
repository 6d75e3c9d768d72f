using Alpr.Edge.Storage.Diagnostics;
using Alpr.Edge.Storage.Ring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Storage.Maintenance;

/// <summary>
/// Keeps the ring within its budget and age in the background: on every
/// <see cref="RingOptions.MaintenanceInterval"/> it runs bounded purge steps until there is no more work
/// (each step takes the store's lock briefly, so capture interleaves), then checkpoints the WAL. At start
/// it logs how many days the budget holds at the measured rate.
/// </summary>
public sealed class RingMaintenanceService : BackgroundService
{
    private readonly EncryptedStore _store;
    private readonly RingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RingMaintenanceService> _logger;

    /// <summary>Creates the service.</summary>
    public RingMaintenanceService(EncryptedStore store, IOptions<RingOptions> options, TimeProvider timeProvider, ILogger<RingMaintenanceService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var capacity = _store.GetStats().Capacity;
        StoreLog.Capacity(_logger, _options.DiskBudgetBytes, capacity.Days, capacity.ReadsPerDay, capacity.BytesPerRead, capacity.Measured ? "measured" : "configured");
        if (capacity.Measured && capacity.Days < _options.MinimumRetention.TotalDays)
        {
            StoreLog.CapacityShort(_logger, capacity.Days, _options.MinimumRetention.TotalDays);
        }

        return base.StartAsync(cancellationToken);
    }

    /// <summary>Runs purge steps until one reports no more work or the token is cancelled; returns the steps run.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var steps = 0;
        PurgeResult result;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = _store.PurgeStep();
            steps++;
            await Task.Yield();
        }
        while (result.MoreWork);

        _store.Checkpoint();
        return steps;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.MaintenanceInterval, _timeProvider);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    StoreLog.MaintenanceFailed(_logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
