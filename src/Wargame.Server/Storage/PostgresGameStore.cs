using System.Data.Common;
using Npgsql;

namespace Wargame.Server.Storage;

/// <summary>The deployment store: PostgreSQL, the one source of truth when several nodes serve games.</summary>
internal sealed class PostgresGameStore(NpgsqlDataSource dataSource) : AdoGameStore, IAsyncDisposable
{
    protected override async Task<DbConnection> Open(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
