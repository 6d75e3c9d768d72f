using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage.Sqlite;

/// <summary>Device events and device status in the central store.</summary>
public sealed partial class SqliteCentralStore
{
    /// <inheritdoc />
    public async Task<bool> AddEventAsync(DeviceEventMessage deviceEvent, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO events (id, device_id, kind, severity, occurred_at, received_at, payload)
            VALUES ($id, $device, $kind, $severity, $occurred, $received, $payload)
            ON CONFLICT (id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$id", IdText(deviceEvent.Id));
        command.Parameters.AddWithValue("$device", deviceEvent.DeviceId);
        command.Parameters.AddWithValue("$kind", deviceEvent.Kind);
        command.Parameters.AddWithValue("$severity", deviceEvent.Severity);
        command.Parameters.AddWithValue("$occurred", TimeText(deviceEvent.OccurredAt));
        command.Parameters.AddWithValue("$received", TimeText(receivedAt));
        command.Parameters.AddWithValue("$payload", Json(deviceEvent, ContractsJson.Default.DeviceEventMessage));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> GetRecentEventsAsync(int limit, string? deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = deviceId is null
            ? "SELECT payload, received_at FROM events ORDER BY occurred_at DESC, rowid DESC LIMIT $limit;"
            : "SELECT payload, received_at FROM events WHERE device_id = $device ORDER BY occurred_at DESC, rowid DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        if (deviceId is not null)
        {
            command.Parameters.AddWithValue("$device", deviceId);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(Parse(reader.GetString(0), ContractsJson.Default.DeviceEventMessage), ParseTime(reader.GetString(1))));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task SetDeviceAvailabilityAsync(string deviceId, string availability, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(availability);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO devices (device_id, availability, availability_at) VALUES ($device, $availability, $at)
            ON CONFLICT (device_id) DO UPDATE SET availability = excluded.availability, availability_at = excluded.availability_at;
            """;
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$availability", availability);
        command.Parameters.AddWithValue("$at", TimeText(receivedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SetDeviceHealthAsync(DeviceHealthMessage health, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO devices (device_id, health, health_at) VALUES ($device, $health, $at)
            ON CONFLICT (device_id) DO UPDATE SET health = excluded.health, health_at = excluded.health_at;
            """;
        command.Parameters.AddWithValue("$device", health.DeviceId);
        command.Parameters.AddWithValue("$health", Json(health, ContractsJson.Default.DeviceHealthMessage));
        command.Parameters.AddWithValue("$at", TimeText(receivedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeviceSummary>> GetDevicesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT device_id, availability, availability_at, health, health_at FROM devices ORDER BY device_id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<DeviceSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(StoredJson.ReadDevice(reader, column => ParseTime(reader.GetString(column))));
        }

        return devices;
    }
}
