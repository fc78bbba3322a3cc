using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Wargame.Server.Storage;

/// <summary>The embedded default: one SQLite file in the data directory, write-ahead log, fully synchronous commits.</summary>
internal sealed class SqliteGameStore(string path) : AdoGameStore, IAsyncDisposable
{
    private const int SqliteConstraint = 19;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    // SQLite has one writer per file. Queueing this process's writers here (asynchronously) keeps them from
    // meeting SQLITE_BUSY, which Microsoft.Data.Sqlite answers by blocking a thread in 150 ms sleeps.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public string Path { get; } = path;

    protected override string SchemaSql => "PRAGMA journal_mode = WAL;\n" + TablesSql;

    protected override async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // FULL: an acknowledged command survives a power cut as well as a killed process.
        // busy_timeout: another process writing the same file is waited for inside SQLite, in short steps.
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    protected override async ValueTask<IDisposable?> EnterWrite(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Release(_writer);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAppends();
        _writer.Dispose();
    }

    private sealed class Release(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint };
}
