namespace Alpr.Edge.Bridge.Storage;

/// <summary>The transfer watch's queries: the last transfer per device, and its alerts, the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>When the bridge last received a read or hit from each device that has sent one.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastTransfersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            SELECT device_id, max(received_at) FROM (
                SELECT device_id, received_at FROM reads
                UNION ALL SELECT device_id, received_at FROM hits) AS transfers
            GROUP BY device_id;
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var transfers = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            transfers[reader.GetString(0)] = ReadTime(reader, 1);
        }

        return transfers;
    }

    /// <summary>Stores a transfer alert; false when one for the same device and last transfer is already stored.</summary>
    public async Task<bool> AddTransferAlertAsync(TransferAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            INSERT INTO transfer_alerts (device_id, raised_at, last_transfer_at, oldest_untransferred_at)
            VALUES (@device, @raised, @last, @oldest)
            ON CONFLICT (device_id, last_transfer_at) DO NOTHING;
            """);
        Add(command, "@device", alert.DeviceId);
        Add(command, "@raised", TimeParameter(alert.RaisedAt));
        Add(command, "@last", TimeParameter(alert.LastTransferAt));
        Add(command, "@oldest", alert.OldestUntransferredAt is { } oldest ? TimeParameter(oldest) : null);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The latest transfer alerts, newest raised first.</summary>
    public async Task<IReadOnlyList<TransferAlert>> GetTransferAlertsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            SELECT device_id, raised_at, last_transfer_at, oldest_untransferred_at FROM transfer_alerts
            ORDER BY raised_at DESC, id DESC LIMIT @limit;
            """);
        Add(command, "@limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var alerts = new List<TransferAlert>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(new TransferAlert(reader.GetString(0), ReadTime(reader, 1), ReadTime(reader, 2), reader.IsDBNull(3) ? null : ReadTime(reader, 3)));
        }

        return alerts;
    }
}
