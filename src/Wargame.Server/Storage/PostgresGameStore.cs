using System.Data.Common;
using Npgsql;

namespace Wargame.Server.Storage;

/// <summary>The deployment store: PostgreSQL, the one source of truth and the membership table when several nodes serve games.</summary>
internal sealed class PostgresGameStore(NpgsqlDataSource dataSource) : AdoGameStore, IAsyncDisposable
{
    /// <summary>
    /// A node frozen (SIGSTOP, a long pause) inside an append keeps its transaction open, and its row and key locks
    /// would hold the survivor's append and deadline update of that game until it woke. PostgreSQL ends a session idle
    /// in a transaction this long, rolling it back; a live node's appends take milliseconds between statements.
    /// </summary>
    public static string WithTransactionTimeout(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c idle_in_transaction_session_timeout=5000".Trim();
        return builder.ConnectionString;
    }

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
