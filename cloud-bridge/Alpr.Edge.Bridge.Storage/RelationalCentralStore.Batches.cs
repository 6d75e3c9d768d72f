using System.Data.Common;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// Ingest writes, the same SQL on both engines: one record at a time, or a whole batch in one transaction (one commit,
/// one flush to disk, instead of one per record). An engine may insert the batch's reads its own way
/// (<see cref="InsertReadsAsync"/>), e.g. as one multi-row statement.
/// </summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>Stores every record and dead letter of <paramref name="batch"/> in one transaction; see <see cref="ICentralStore.AddBatchAsync"/>.</summary>
    protected async Task<IngestBatchResult> InsertBatchAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var reads = batch.Reads.Count == 0 ? [] : await InsertReadsAsync(connection, transaction, batch.Reads, batch.ReceivedAt, cancellationToken).ConfigureAwait(false);
        var hits = await InsertEachAsync(connection, transaction, HitInsertSql, batch.Hits, (c, hit) => BindHit(c, hit, batch.ReceivedAt), cancellationToken).ConfigureAwait(false);
        var events = await InsertEachAsync(connection, transaction, EventInsertSql, batch.Events, (c, e) => BindEvent(c, e, batch.ReceivedAt), cancellationToken).ConfigureAwait(false);
        await InsertEachAsync(connection, transaction, DeadLetterInsertSql, batch.DeadLetters, BindDeadLetter, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IngestBatchResult(reads, hits, events);
    }

    /// <summary>
    /// Inserts <paramref name="reads"/> inside <paramref name="transaction"/>; one flag per read, true when it was new.
    /// By default one statement, reused for each read.
    /// </summary>
    protected virtual Task<bool[]> InsertReadsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<PlateReadMessage> reads, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        InsertEachAsync(connection, transaction, ReadInsertSql, reads, (c, read) => BindRead(c, read, receivedAt), cancellationToken);

    /// <summary>The statement that inserts one read, skipping one already stored.</summary>
    private string ReadInsertSql => $"""
        INSERT INTO reads (id, device_id, camera, plate, confidence, captured_at, received_at, firmware_version, latitude, longitude, payload)
        VALUES (@id, @device, @camera, @plate, @confidence, @captured, @received, @firmware, @latitude, @longitude, {Json("@payload")})
        ON CONFLICT DO NOTHING;
        """;

    private string HitInsertSql => $"""
        INSERT INTO hits (id, read_id, device_id, camera, plate, captured_at, list_name, category, entry_plate,
                          match_kind, case_number, verification, received_at, payload)
        VALUES (@id, @read, @device, @camera, @plate, @captured, @list, @category, @entry,
                @match, @case, 'Unverified', @received, {Json("@payload")})
        ON CONFLICT (id) DO NOTHING;
        """;

    private string EventInsertSql => $"""
        INSERT INTO events (id, device_id, kind, severity, occurred_at, received_at, payload)
        VALUES (@id, @device, @kind, @severity, @occurred, @received, {Json("@payload")})
        ON CONFLICT (id) DO NOTHING;
        """;

    private const string DeadLetterInsertSql = """
        INSERT INTO dead_letters (received_at, topic, reason, payload, payload_bytes)
        VALUES (@at, @topic, @reason, @payload, @bytes);
        """;

    private void BindRead(DbCommand command, PlateReadMessage read, DateTimeOffset receivedAt)
    {
        Add(command, "@id", IdParameter(read.Id));
        Add(command, "@device", read.DeviceId);
        Add(command, "@camera", read.Camera);
        Add(command, "@plate", read.Plate);
        Add(command, "@confidence", read.Confidence);
        Add(command, "@captured", TimeParameter(read.CapturedAt));
        Add(command, "@received", TimeParameter(receivedAt));
        Add(command, "@firmware", read.FirmwareVersion);
        Add(command, "@latitude", read.Latitude);
        Add(command, "@longitude", read.Longitude);
        Add(command, "@payload", StoredJson.Write(read, ContractsJson.Default.PlateReadMessage));
    }

    private void BindHit(DbCommand command, HotlistHitMessage hit, DateTimeOffset receivedAt)
    {
        Add(command, "@id", IdParameter(hit.Id));
        Add(command, "@read", IdParameter(hit.Read.Id));
        Add(command, "@device", hit.Read.DeviceId);
        Add(command, "@camera", hit.Read.Camera);
        Add(command, "@plate", hit.Read.Plate);
        Add(command, "@captured", TimeParameter(hit.Read.CapturedAt));
        Add(command, "@list", hit.ListName);
        Add(command, "@category", hit.Category);
        Add(command, "@entry", hit.EntryPlate);
        Add(command, "@match", hit.MatchKind);
        Add(command, "@case", hit.CaseNumber);
        Add(command, "@received", TimeParameter(receivedAt));
        Add(command, "@payload", StoredJson.WriteHit(hit));
    }

    private void BindEvent(DbCommand command, DeviceEventMessage deviceEvent, DateTimeOffset receivedAt)
    {
        Add(command, "@id", IdParameter(deviceEvent.Id));
        Add(command, "@device", deviceEvent.DeviceId);
        Add(command, "@kind", deviceEvent.Kind);
        Add(command, "@severity", deviceEvent.Severity);
        Add(command, "@occurred", TimeParameter(deviceEvent.OccurredAt));
        Add(command, "@received", TimeParameter(receivedAt));
        Add(command, "@payload", StoredJson.Write(deviceEvent, ContractsJson.Default.DeviceEventMessage));
    }

    private void BindDeadLetter(DbCommand command, DeadLetter letter)
    {
        Add(command, "@at", TimeParameter(letter.ReceivedAt));
        Add(command, "@topic", letter.Topic);
        Add(command, "@reason", letter.Reason);
        Add(command, "@payload", letter.Payload);
        Add(command, "@bytes", letter.PayloadBytes);
    }

    /// <summary>Runs <paramref name="sql"/> on its own connection for one row; true when it inserted the row.</summary>
    private async Task<bool> InsertOneAsync<T>(string sql, T row, Action<DbCommand, T> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql);
        bind(command, row);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Runs <paramref name="sql"/> once per row in <paramref name="transaction"/> through one reused command; one flag per row, true when inserted.</summary>
    private static async Task<bool[]> InsertEachAsync<T>(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<T> rows, Action<DbCommand, T> bind, CancellationToken cancellationToken)
    {
        var added = new bool[rows.Count];
        if (rows.Count == 0)
        {
            return added;
        }

        await using var command = Command(connection, sql);
        command.Transaction = transaction;
        for (var i = 0; i < rows.Count; i++)
        {
            command.Parameters.Clear();
            bind(command, rows[i]);
            added[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        return added;
    }
}
