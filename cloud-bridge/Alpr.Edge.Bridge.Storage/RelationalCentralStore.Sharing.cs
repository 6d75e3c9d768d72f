using System.Data.Common;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Partner agencies, shares and records requests (<see cref="ISharingStore"/>), the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    private const string SharedWith = """
        id IN (SELECT si.item_id FROM share_items si JOIN shares s ON s.id = si.share_id
               WHERE s.ori = @ori AND s.mode = 'access' AND si.kind = @kind)
        """;

    /// <summary>Registers a partner agency; false when the ORI is known.</summary>
    public async Task<bool> AddPartnerAsync(PartnerAgency partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            INSERT INTO partner_agencies (ori, name, contact, registered_by, registered_at) VALUES (@ori, @name, @contact, @by, @at)
            ON CONFLICT (ori) DO NOTHING;
            """);
        Add(command, "@ori", partner.Ori);
        Add(command, "@name", partner.Name);
        Add(command, "@contact", partner.Contact);
        Add(command, "@by", partner.RegisteredBy);
        Add(command, "@at", TimeParameter(partner.RegisteredAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Marks a partner verified; false when unknown.</summary>
    public async Task<bool> VerifyPartnerAsync(string ori, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "UPDATE partner_agencies SET verified_by = @by, verified_at = @at WHERE ori = @ori;");
        Add(command, "@ori", ori);
        Add(command, "@by", by);
        Add(command, "@at", TimeParameter(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Every partner agency, by ORI.</summary>
    public async Task<IReadOnlyList<PartnerAgency>> GetPartnersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT ori, name, contact, registered_by, registered_at, verified_by, verified_at FROM partner_agencies ORDER BY ori;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var partners = new List<PartnerAgency>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            partners.Add(new PartnerAgency(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadTime(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : ReadTime(reader, 6)));
        }

        return partners;
    }

    /// <summary>Records a share and its items in one transaction.</summary>
    public async Task AddShareAsync(Share share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, """
            INSERT INTO shares (id, ori, mode, reason, case_number, shared_by, shared_at) VALUES (@id, @ori, @mode, @reason, @case, @by, @at);
            """))
        {
            command.Transaction = transaction;
            Add(command, "@id", IdParameter(share.Id));
            Add(command, "@ori", share.Ori);
            Add(command, "@mode", share.Mode == ShareMode.Access ? "access" : "export");
            Add(command, "@reason", share.Reason);
            Add(command, "@case", share.CaseNumber);
            Add(command, "@by", share.SharedBy);
            Add(command, "@at", TimeParameter(share.SharedAt));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (kind, ids) in new[] { ("read", share.ReadIds), ("hit", share.HitIds) })
        {
            foreach (var id in ids.Distinct())
            {
                await using var item = Command(connection, "INSERT INTO share_items (share_id, kind, item_id) VALUES (@share, @kind, @item);");
                item.Transaction = transaction;
                Add(item, "@share", IdParameter(share.Id));
                Add(item, "@kind", kind);
                Add(item, "@item", IdParameter(id));
                await item.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The shares, newest first, with one agency or all.</summary>
    public async Task<IReadOnlyList<Share>> GetSharesAsync(string? ori, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var items = new Dictionary<Guid, (List<Guid> Reads, List<Guid> Hits)>();
        var forOri = ori is null ? string.Empty : "WHERE share_id IN (SELECT id FROM shares WHERE ori = @ori)";
        await using (var command = Command(connection, $"SELECT share_id, kind, item_id FROM share_items {forOri} ORDER BY item_id;"))
        {
            if (ori is not null)
            {
                Add(command, "@ori", ori);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = ReadId(reader, 0);
                if (!items.TryGetValue(id, out var lists))
                {
                    items[id] = lists = ([], []);
                }

                (reader.GetString(1) == "read" ? lists.Reads : lists.Hits).Add(ReadId(reader, 2));
            }
        }

        await using var shares = Command(connection, $"""
            SELECT id, ori, mode, reason, case_number, shared_by, shared_at FROM shares
            {(ori is null ? string.Empty : "WHERE ori = @ori")} ORDER BY shared_at DESC;
            """);
        if (ori is not null)
        {
            Add(shares, "@ori", ori);
        }
        await using var rows = await shares.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<Share>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = ReadId(rows, 0);
            var lists = items.GetValueOrDefault(id, ([], []));
            result.Add(new Share(id, rows.GetString(1), rows.GetString(2) == "access" ? ShareMode.Access : ShareMode.Export, lists.Reads, lists.Hits,
                rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4), rows.GetString(5), ReadTime(rows, 6)));
        }

        return result;
    }

    /// <summary>Reads shared for access with <paramref name="ori"/>.</summary>
    public Task<IReadOnlyList<StoredRead>> GetSharedReadsAsync(string ori, int limit, CancellationToken cancellationToken) =>
        QueryReadsAsync($"WHERE {SharedWith}", [new("@ori", ori), new("@kind", "read")], limit, 0, cancellationToken);

    /// <summary>Hits shared for access with <paramref name="ori"/>.</summary>
    public Task<IReadOnlyList<StoredHit>> GetSharedHitsAsync(string ori, int limit, CancellationToken cancellationToken) =>
        QueryHitsAsync(
            $"WHERE {SharedWith} ORDER BY captured_at DESC, {InsertionOrder} DESC LIMIT @limit",
            [new("@ori", ori), new("@kind", "hit"), new("@limit", Math.Max(0, limit))],
            cancellationToken);

    /// <summary>Logs a request with its first status.</summary>
    public async Task AddRecordsRequestAsync(RecordsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, """
            INSERT INTO records_requests (id, requester, kind, scope, received_at, logged_by) VALUES (@id, @requester, @kind, @scope, @at, @by);
            """))
        {
            command.Transaction = transaction;
            Add(command, "@id", IdParameter(request.Id));
            Add(command, "@requester", request.Requester);
            Add(command, "@kind", request.Kind);
            Add(command, "@scope", request.Scope);
            Add(command, "@at", TimeParameter(request.ReceivedAt));
            Add(command, "@by", request.LoggedBy);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertRequestEventAsync(connection, transaction, request.Id, new RecordsRequestEvent(RecordsRequestStatus.Received, null, request.LoggedBy, request.ReceivedAt), cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends a status to a request; false when unknown.</summary>
    public async Task<bool> AddRecordsRequestEventAsync(Guid id, RecordsRequestEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var added = await InsertRequestEventAsync(connection, transaction, id, change, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>Every request, newest received first, with its history.</summary>
    public async Task<IReadOnlyList<RecordsRequest>> GetRecordsRequestsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var history = new Dictionary<Guid, List<RecordsRequestEvent>>();
        await using (var command = Command(connection, "SELECT request_id, status, reason, by_user, at FROM records_request_events ORDER BY seq;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = ReadId(reader, 0);
                if (!history.TryGetValue(id, out var events))
                {
                    history[id] = events = [];
                }

                events.Add(new RecordsRequestEvent(Enum.Parse<RecordsRequestStatus>(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), ReadTime(reader, 4)));
            }
        }

        await using var requests = Command(connection, "SELECT id, requester, kind, scope, received_at, logged_by FROM records_requests ORDER BY received_at DESC;");
        await using var rows = await requests.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<RecordsRequest>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = ReadId(rows, 0);
            result.Add(new RecordsRequest(id, rows.GetString(1), rows.GetString(2), rows.GetString(3), ReadTime(rows, 4), rows.GetString(5), history.GetValueOrDefault(id) ?? []));
        }

        return result;
    }

    private async Task<bool> InsertRequestEventAsync(DbConnection connection, DbTransaction transaction, Guid id, RecordsRequestEvent change, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            INSERT INTO records_request_events (request_id, status, reason, by_user, at)
            SELECT id, @status, @reason, @by, @at FROM records_requests WHERE id = @id;
            """);
        command.Transaction = transaction;
        Add(command, "@id", IdParameter(id));
        Add(command, "@status", change.Status.ToString());
        Add(command, "@reason", change.Reason);
        Add(command, "@by", change.By);
        Add(command, "@at", TimeParameter(change.At));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
