using System.Data.Common;
using Alpr.Edge.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Alpr.Edge.Bridge.Storage.Postgres;

/// <summary>
/// Ingest batches on PostgreSQL: the batch's reads go in as one <c>INSERT ... SELECT FROM unnest(arrays)</c> (one round
/// trip for the whole batch), in the same transaction as its hits, events and dead letters (one commit).
/// </summary>
public sealed partial class PostgresCentralStore
{
    /// <summary>Inserts the reads of a batch; <c>RETURNING</c> names the ones that were new.</summary>
    private const string ReadsBatchSql = """
        INSERT INTO reads (id, device_id, camera, plate, confidence, captured_at, received_at, firmware_version, latitude, longitude, payload)
        SELECT r.id, r.device_id, r.camera, r.plate, r.confidence, r.captured_at, @received, r.firmware_version, r.latitude, r.longitude, CAST(r.payload AS jsonb)
        FROM unnest(@ids, @devices, @cameras, @plates, @confidences, @captured, @firmware, @latitudes, @longitudes, @payloads)
             AS r (id, device_id, camera, plate, confidence, captured_at, firmware_version, latitude, longitude, payload)
        ON CONFLICT DO NOTHING
        RETURNING id;
        """;

    /// <inheritdoc />
    public async Task<IngestBatchResult> AddBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await InsertBatchAsync(batch, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation && attempt == 0)
            {
                // As for a single read: no partition holds one of the capture months yet. The transaction rolled back whole.
                foreach (var month in batch.Reads.Select(r => MonthOf(r.CapturedAt)).Distinct())
                {
                    await EnsurePartitionAsync(month, cancellationToken);
                }
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<bool[]> InsertReadsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<PlateReadMessage> reads, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        // Rows go in by id, so two bridges writing overlapping batches (a redelivery) take their row locks in one order.
        var order = Enumerable.Range(0, reads.Count).OrderBy(i => reads[i].Id).ToArray();
        var rows = order.Select(i => reads[i]).ToArray();
        await using var command = new NpgsqlCommand(ReadsBatchSql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("@received", Utc(receivedAt));
        command.Parameters.AddWithValue("@ids", rows.Select(r => r.Id).ToArray());
        command.Parameters.AddWithValue("@devices", rows.Select(r => r.DeviceId).ToArray());
        command.Parameters.AddWithValue("@cameras", rows.Select(r => r.Camera).ToArray());
        command.Parameters.AddWithValue("@plates", rows.Select(r => r.Plate).ToArray());
        command.Parameters.AddWithValue("@confidences", rows.Select(r => r.Confidence).ToArray());
        command.Parameters.Add(new NpgsqlParameter("@captured", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(r => r.CapturedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("@firmware", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.FirmwareVersion).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("@latitudes", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Latitude).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("@longitudes", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Longitude).ToArray() });
        command.Parameters.AddWithValue("@payloads", rows.Select(r => StoredJson.Write(r, ContractsJson.Default.PlateReadMessage)).ToArray());

        // How many rows of each id went in (two reads may share an id with different capture times).
        var inserted = new Dictionary<Guid, int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                inserted[id] = inserted.GetValueOrDefault(id) + 1;
            }
        }

        // The first occurrences in the batch are the new ones; a later copy of the same read is a duplicate.
        var added = new bool[reads.Count];
        for (var i = 0; i < reads.Count; i++)
        {
            if (inserted.TryGetValue(reads[i].Id, out var left) && left > 0)
            {
                added[i] = true;
                inserted[reads[i].Id] = left - 1;
            }
        }

        return added;
    }

    private static DateTimeOffset MonthOf(DateTimeOffset capturedAt)
    {
        var utc = capturedAt.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
