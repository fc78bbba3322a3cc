using System.Data.Common;
using Npgsql;

namespace Wargame.Server.Storage;

/// <summary>The deployment store: PostgreSQL, the one source of truth when several nodes serve games.</summary>
internal sealed class PostgresGameStore(NpgsqlDataSource dataSource) : AdoGameStore, IAsyncDisposable
{
    protected override string SchemaSql =>
        """
        CREATE TABLE IF NOT EXISTS games (
            game_id text NOT NULL PRIMARY KEY,
            scenario_id text NOT NULL,
            facilitator_key_hash text NOT NULL,
            created_at text NOT NULL,
            pending_deadline text NULL);
        CREATE INDEX IF NOT EXISTS games_by_key ON games (facilitator_key_hash);
        CREATE TABLE IF NOT EXISTS join_codes (
            code text NOT NULL PRIMARY KEY,
            game_id text NOT NULL REFERENCES games (game_id),
            audience_kind text NOT NULL,
            role text NULL);
        CREATE INDEX IF NOT EXISTS join_codes_by_game ON join_codes (game_id);
        CREATE TABLE IF NOT EXISTS events (
            game_id text NOT NULL REFERENCES games (game_id),
            sequence integer NOT NULL,
            type text NOT NULL,
            payload text NOT NULL,
            PRIMARY KEY (game_id, sequence));
        CREATE TABLE IF NOT EXISTS seats (
            seat_id text NOT NULL PRIMARY KEY,
            game_id text NOT NULL REFERENCES games (game_id),
            audience_kind text NOT NULL,
            role text NULL,
            display_name text NOT NULL,
            token_hash text NULL UNIQUE,
            bot integer NOT NULL,
            released integer NOT NULL,
            created_at text NOT NULL);
        CREATE INDEX IF NOT EXISTS seats_by_game ON seats (game_id);
        """;

    protected override async Task<DbConnection> Open(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
