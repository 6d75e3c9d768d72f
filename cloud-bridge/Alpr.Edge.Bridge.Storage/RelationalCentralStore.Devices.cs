using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Device events and device status, the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>Stores a device event; false when an event with the same id was already stored.</summary>
    public Task<bool> AddEventAsync(DeviceEventMessage deviceEvent, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        InsertOneAsync(EventInsertSql, deviceEvent, (command, e) => BindEvent(command, e, receivedAt), cancellationToken);

    /// <summary>The most recent device events, newest first, of one device or of all when <paramref name="deviceId"/> is null.</summary>
    public Task<IReadOnlyList<StoredEvent>> GetRecentEventsAsync(int limit, string? deviceId, CancellationToken cancellationToken) =>
        GetEventsAsync(null, null, deviceId, Math.Max(0, limit), cancellationToken);

    /// <summary>Device events of <paramref name="kind"/> since <paramref name="since"/>, newest first, at most <see cref="MaxEventsOfKind"/>.</summary>
    public Task<IReadOnlyList<StoredEvent>> GetEventsOfKindAsync(string kind, DateTimeOffset since, string? deviceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return GetEventsAsync(kind, since, deviceId, MaxEventsOfKind, cancellationToken);
    }

    /// <summary>Most events <see cref="GetEventsOfKindAsync"/> returns.</summary>
    public const int MaxEventsOfKind = 10_000;

    private async Task<IReadOnlyList<StoredEvent>> GetEventsAsync(
        string? kind, DateTimeOffset? since, string? deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var conditions = new List<string>();
        await using var command = Command(connection, string.Empty);
        if (deviceId is not null)
        {
            conditions.Add("device_id = @device");
            Add(command, "@device", deviceId);
        }

        if (kind is not null)
        {
            conditions.Add("kind = @kind");
            Add(command, "@kind", kind);
        }

        if (since is { } from)
        {
            conditions.Add("occurred_at >= @since");
            Add(command, "@since", TimeParameter(from));
        }

        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"SELECT payload, received_at FROM events {where} ORDER BY occurred_at DESC, {InsertionOrder} DESC LIMIT @limit;";
        Add(command, "@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StoredEvent(StoredJson.Read(reader.GetString(0), ContractsJson.Default.DeviceEventMessage), ReadTime(reader, 1)));
        }

        return events;
    }

    /// <summary>Keeps a device's availability (<c>online</c>, <c>offline</c>, <c>stopped</c>).</summary>
    public Task SetDeviceAvailabilityAsync(string deviceId, string availability, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(availability);
        return UpsertDeviceAsync(deviceId, "availability", "@value", availability, receivedAt, cancellationToken);
    }

    /// <summary>Keeps a device's latest periodic status.</summary>
    public Task SetDeviceHealthAsync(DeviceHealthMessage health, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        return UpsertDeviceAsync(
            health.DeviceId, "health", Json("@value"), StoredJson.Write(health, ContractsJson.Default.DeviceHealthMessage), receivedAt, cancellationToken);
    }

    /// <summary>Every device heard from, by id (byte order), with its availability and latest status.</summary>
    public async Task<IReadOnlyList<DeviceSummary>> GetDevicesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT device_id, availability, availability_at, health, health_at FROM devices ORDER BY device_id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var devices = new List<DeviceSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            devices.Add(StoredJson.ReadDevice(reader, column => ReadTime(reader, column)));
        }

        return devices;
    }

    /// <summary>Sets <paramref name="column"/> (to <paramref name="valueSql"/>, over parameter <c>@value</c>) and its <c>_at</c> time of one device, adding the device when new.</summary>
    private async Task UpsertDeviceAsync(
        string deviceId, string column, string valueSql, string value, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"""
            INSERT INTO devices (device_id, {column}, {column}_at) VALUES (@device, {valueSql}, @at)
            ON CONFLICT (device_id) DO UPDATE SET {column} = excluded.{column}, {column}_at = excluded.{column}_at;
            """);
        Add(command, "@device", deviceId);
        Add(command, "@value", value);
        Add(command, "@at", TimeParameter(receivedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
