using System.Data.Common;
using Npgsql;

namespace Wargame.Server.Storage;

/// <summary>The deployment store: PostgreSQL, the one source of truth and the membership table when several nodes serve games.</summary>
internal sealed class PostgresGameStore(NpgsqlDataSource dataSource) : AdoGameStore, IAsyncDisposable
{
    // Nodes starting together create the schema one at a time: concurrent CREATE TABLE IF NOT EXISTS can still collide.
    protected override string SchemaSql =>
        "BEGIN;\nSELECT pg_advisory_xact_lock(7461626);\n" + TablesSql + "\n" + ClusterMembershipSchema.Sql + "\nCOMMIT;";

    protected override async Task<DbConnection> Open(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public async ValueTask DisposeAsync()
    {
        await CloseAppends();
        await dataSource.DisposeAsync();
    }
}
