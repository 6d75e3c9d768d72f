using System.Data.Common;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>User accounts, roles and API tokens (<see cref="IAccountStore"/>), the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    private const string UserColumns = """
        id, user_name, normalized_user_name, agency, password_hash, must_change_password, security_stamp, lockout_end,
        access_failed_count, authenticator_key, two_factor_enabled, last_totp_step, last_totp_code_hash, disabled,
        clets_authorized, training_course, training_completed_at, training_expires_at, created_at
        """;

    private const string TokenColumns = "id, token_hash, name, user_id, scopes, created_at, expires_at, revoked_at";

    /// <summary>Stores a new account with its roles; false when the id or the normalised user name is taken.</summary>
    public async Task<bool> CreateUserAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, $"""
            INSERT INTO users ({UserColumns})
            VALUES (@id, @name, @normalized, @agency, @hash, @must_change, @stamp, @lockout, @failed, @key, @two_factor, @step, @code,
                    @disabled, @clets, @course, @completed, @expires, @created)
            ON CONFLICT DO NOTHING;
            """))
        {
            command.Transaction = transaction;
            AddUserParameters(command, user);
            Add(command, "@created", TimeParameter(user.CreatedAt));
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        await WriteRolesAsync(connection, transaction, user, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Replaces everything about an account but its id and creation time; false when there is no such account.</summary>
    public async Task<bool> UpdateUserAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = Command(connection, """
            UPDATE users SET user_name = @name, normalized_user_name = @normalized, agency = @agency, password_hash = @hash,
                must_change_password = @must_change, security_stamp = @stamp, lockout_end = @lockout, access_failed_count = @failed,
                authenticator_key = @key, two_factor_enabled = @two_factor, last_totp_step = @step, last_totp_code_hash = @code,
                disabled = @disabled, clets_authorized = @clets, training_course = @course, training_completed_at = @completed,
                training_expires_at = @expires
            WHERE id = @id;
            """))
        {
            command.Transaction = transaction;
            AddUserParameters(command, user);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        await using (var delete = Command(connection, "DELETE FROM user_roles WHERE user_id = @id;"))
        {
            delete.Transaction = transaction;
            Add(delete, "@id", IdParameter(user.Id));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteRolesAsync(connection, transaction, user, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes an account, its roles and its tokens; false when there is no such account.</summary>
    public async Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var sql in new[] { "DELETE FROM api_tokens WHERE user_id = @id;", "DELETE FROM user_roles WHERE user_id = @id;", "DELETE FROM users WHERE id = @id;" })
        {
            await using var command = Command(connection, sql);
            command.Transaction = transaction;
            Add(command, "@id", IdParameter(id));
            deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted == 1;
    }

    /// <summary>One account by id, or null.</summary>
    public async Task<UserAccount?> FindUserByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        var users = await QueryUsersAsync("WHERE id = @key", IdParameter(id), cancellationToken).ConfigureAwait(false);
        return users.Count == 0 ? null : users[0];
    }

    /// <summary>One account by normalised user name, or null.</summary>
    public async Task<UserAccount?> FindUserByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedUserName);
        var users = await QueryUsersAsync("WHERE normalized_user_name = @key", normalizedUserName, cancellationToken).ConfigureAwait(false);
        return users.Count == 0 ? null : users[0];
    }

    /// <summary>Every account, by normalised user name.</summary>
    public Task<IReadOnlyList<UserAccount>> GetUsersAsync(CancellationToken cancellationToken) =>
        QueryUsersAsync(string.Empty, null, cancellationToken);

    /// <summary>Stores a new API token; false when one with the same id or hash exists.</summary>
    public async Task<bool> AddApiTokenAsync(ApiTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"""
            INSERT INTO api_tokens ({TokenColumns}) VALUES (@id, @hash, @name, @user, @scopes, @created, @expires, @revoked)
            ON CONFLICT DO NOTHING;
            """);
        Add(command, "@id", IdParameter(token.Id));
        Add(command, "@hash", token.TokenHash);
        Add(command, "@name", token.Name);
        Add(command, "@user", IdParameter(token.UserId));
        Add(command, "@scopes", string.Join(',', token.Scopes));
        Add(command, "@created", TimeParameter(token.CreatedAt));
        Add(command, "@expires", TimeParameter(token.ExpiresAt));
        Add(command, "@revoked", token.RevokedAt is { } revoked ? TimeParameter(revoked) : null);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The token with this hash, or null.</summary>
    public async Task<ApiTokenRecord?> FindApiTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        var tokens = await QueryTokensAsync("WHERE token_hash = @key", tokenHash, cancellationToken).ConfigureAwait(false);
        return tokens.Count == 0 ? null : tokens[0];
    }

    /// <summary>The tokens of one user, or all, newest first.</summary>
    public Task<IReadOnlyList<ApiTokenRecord>> GetApiTokensAsync(Guid? userId, CancellationToken cancellationToken) =>
        userId is { } id
            ? QueryTokensAsync("WHERE user_id = @key", IdParameter(id), cancellationToken)
            : QueryTokensAsync(string.Empty, null, cancellationToken);

    /// <summary>Revokes a token not yet revoked; false when there is none or it was revoked already.</summary>
    public async Task<bool> RevokeApiTokenAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "UPDATE api_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL;");
        Add(command, "@id", IdParameter(id));
        Add(command, "@at", TimeParameter(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private void AddUserParameters(DbCommand command, UserAccount user)
    {
        Add(command, "@id", IdParameter(user.Id));
        Add(command, "@name", user.UserName);
        Add(command, "@normalized", user.NormalizedUserName);
        Add(command, "@agency", user.Agency);
        Add(command, "@hash", user.PasswordHash);
        Add(command, "@must_change", user.MustChangePassword);
        Add(command, "@stamp", user.SecurityStamp);
        Add(command, "@lockout", user.LockoutEnd is { } lockout ? TimeParameter(lockout) : null);
        Add(command, "@failed", user.AccessFailedCount);
        Add(command, "@key", user.AuthenticatorKey);
        Add(command, "@two_factor", user.TwoFactorEnabled);
        Add(command, "@step", user.LastTotpStep);
        Add(command, "@code", user.LastTotpCodeHash);
        Add(command, "@disabled", user.Disabled);
        Add(command, "@clets", user.CletsAuthorized);
        Add(command, "@course", user.TrainingCourse);
        Add(command, "@completed", user.TrainingCompletedAt is { } completed ? TimeParameter(completed) : null);
        Add(command, "@expires", user.TrainingExpiresAt is { } expires ? TimeParameter(expires) : null);
    }

    private async Task WriteRolesAsync(DbConnection connection, DbTransaction transaction, UserAccount user, CancellationToken cancellationToken)
    {
        foreach (var role in user.Roles.Distinct(StringComparer.Ordinal))
        {
            await using var command = Command(connection, "INSERT INTO user_roles (user_id, role) VALUES (@id, @role);");
            command.Transaction = transaction;
            Add(command, "@id", IdParameter(user.Id));
            Add(command, "@role", role);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<UserAccount>> QueryUsersAsync(string where, object? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var roles = new Dictionary<Guid, List<string>>();
        await using (var command = Command(connection, $"SELECT user_id, role FROM user_roles WHERE user_id IN (SELECT id FROM users {where}) ORDER BY role;"))
        {
            if (key is not null)
            {
                Add(command, "@key", key);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = ReadId(reader, 0);
                if (!roles.TryGetValue(id, out var list))
                {
                    roles[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        await using var users = Command(connection, $"SELECT {UserColumns} FROM users {where} ORDER BY normalized_user_name;");
        if (key is not null)
        {
            Add(users, "@key", key);
        }

        await using var row = await users.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<UserAccount>();
        while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = ReadId(row, 0);
            result.Add(new UserAccount(
                id,
                row.GetString(1),
                row.GetString(2),
                row.GetString(3),
                TextOrNull(row, 4),
                row.GetBoolean(5),
                row.GetString(6),
                TimeOrNull(row, 7),
                row.GetInt32(8),
                TextOrNull(row, 9),
                row.GetBoolean(10),
                row.IsDBNull(11) ? null : row.GetInt64(11),
                TextOrNull(row, 12),
                row.GetBoolean(13),
                row.GetBoolean(14),
                TextOrNull(row, 15),
                TimeOrNull(row, 16),
                TimeOrNull(row, 17),
                ReadTime(row, 18),
                roles.TryGetValue(id, out var held) ? held : []));
        }

        return result;
    }

    private async Task<IReadOnlyList<ApiTokenRecord>> QueryTokensAsync(string where, object? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {TokenColumns} FROM api_tokens {where} ORDER BY created_at DESC, id;");
        if (key is not null)
        {
            Add(command, "@key", key);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tokens = new List<ApiTokenRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(new ApiTokenRecord(
                ReadId(reader, 0),
                reader.GetString(1),
                reader.GetString(2),
                ReadId(reader, 3),
                reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries),
                ReadTime(reader, 5),
                ReadTime(reader, 6),
                TimeOrNull(reader, 7)));
        }

        return tokens;
    }

    private static string? TextOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private DateTimeOffset? TimeOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : ReadTime(reader, column);
}
