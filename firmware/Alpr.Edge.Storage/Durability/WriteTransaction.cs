using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Durability;

/// <summary>
/// <c>BEGIN IMMEDIATE</c> ... <c>COMMIT</c> on a connection, rolled back when disposed uncommitted. Issued as
/// plain SQL so every command on the connection joins it (the store's commands are prepared once and reused).
/// With WAL and <c>synchronous = FULL</c>, a commit that returned is on disk.
/// </summary>
internal sealed class WriteTransaction : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _open;

    private WriteTransaction(SqliteConnection connection)
    {
        _connection = connection;
        _open = true;
    }

    public static WriteTransaction Begin(SqliteConnection connection)
    {
        Execute(connection, "BEGIN IMMEDIATE");
        return new WriteTransaction(connection);
    }

    public void Commit()
    {
        Execute(_connection, "COMMIT");
        _open = false;
    }

    public void Dispose()
    {
        if (_open)
        {
            _open = false;
            try
            {
                Execute(_connection, "ROLLBACK");
            }
            catch (SqliteException)
            {
                // SQLite already rolled back (an I/O error or a full disk ends the transaction itself).
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
