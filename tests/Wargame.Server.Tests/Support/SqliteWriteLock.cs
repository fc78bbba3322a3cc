using Microsoft.Data.Sqlite;

namespace Wargame.Server.Tests.Support;

/// <summary>
/// Another process's writer on the store's SQLite file (as a backup tool might be): while it is held, every append
/// waits inside SQLite (the store's busy timeout), so the game grain is slow for real.
/// </summary>
internal sealed class SqliteWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteWriteLock(SqliteConnection connection, SqliteTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<SqliteWriteLock> Hold(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        // Deferred: false takes the write lock now (BEGIN IMMEDIATE).
        var transaction = connection.BeginTransaction(deferred: false);
        return new SqliteWriteLock(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
