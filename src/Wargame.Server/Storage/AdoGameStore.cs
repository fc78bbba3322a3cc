using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;

namespace Wargame.Server.Storage;

/// <summary>
/// The store's SQL, shared by SQLite and PostgreSQL: both speak the same plain SQL here. Payloads are kept as
/// text (not jsonb) because the JSON type discriminator must stay the first property of each event.
/// Appends are group-committed: those that arrive while a commit is under way (from any games) are written together
/// in the next transaction, each in a savepoint of its own, so one commit (one fsync) acknowledges them all.
/// </summary>
internal abstract class AdoGameStore : IGameStore
{
    /// <summary>Most appends written in one transaction: enough for every game at once here, short enough to keep each commit quick.</summary>
    private const int MaxAppendsPerCommit = 256;

    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _writerStart = new();
    private Task? _appendWriter;
    private long _appendCommits;

    /// <summary>Transactions that wrote appends so far (fewer than the appends when they were grouped).</summary>
    public long AppendCommits => Interlocked.Read(ref _appendCommits);

    /// <summary>The tables, in the plain SQL both databases speak; a store may add its own settings before them.</summary>
    protected const string TablesSql =
        """
        CREATE TABLE IF NOT EXISTS games (
            game_id TEXT NOT NULL PRIMARY KEY,
            scenario_id TEXT NOT NULL,
            facilitator_key_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            pending_deadline TEXT NULL);
        CREATE INDEX IF NOT EXISTS games_by_key ON games (facilitator_key_hash);
        CREATE TABLE IF NOT EXISTS join_codes (
            code TEXT NOT NULL PRIMARY KEY,
            game_id TEXT NOT NULL REFERENCES games (game_id),
            audience_kind TEXT NOT NULL,
            role TEXT NULL);
        CREATE INDEX IF NOT EXISTS join_codes_by_game ON join_codes (game_id);
        CREATE TABLE IF NOT EXISTS events (
            game_id TEXT NOT NULL REFERENCES games (game_id),
            sequence INTEGER NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (game_id, sequence));
        CREATE TABLE IF NOT EXISTS seats (
            seat_id TEXT NOT NULL PRIMARY KEY,
            game_id TEXT NOT NULL REFERENCES games (game_id),
            audience_kind TEXT NOT NULL,
            role TEXT NULL,
            display_name TEXT NOT NULL,
            token_hash TEXT NULL UNIQUE,
            bot INTEGER NOT NULL,
            released INTEGER NOT NULL,
            created_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS seats_by_game ON seats (game_id);
        """;

    protected virtual string SchemaSql => TablesSql;

    protected abstract Task<DbConnection> Open(CancellationToken cancellationToken);

    protected abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Held around every write; a store whose database has one writer queues its writers here.</summary>
    protected virtual ValueTask<IDisposable?> EnterWrite(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    public async Task Initialize(CancellationToken cancellationToken)
    {
        using var write = await EnterWrite(cancellationToken);
        await using var connection = await Open(cancellationToken);
        await Execute(connection, null, SchemaSql, cancellationToken);
    }

    public async Task CreateGame(GameRecord game, IReadOnlyList<JoinCode> codes, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken)
    {
        using var write = await EnterWrite(cancellationToken);
        await using var connection = await Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction,
            "INSERT INTO games (game_id, scenario_id, facilitator_key_hash, created_at) VALUES (@id, @scenario, @key, @created)",
            cancellationToken, ("id", game.GameId), ("scenario", game.ScenarioId), ("key", game.FacilitatorKeyHash), ("created", Format(game.CreatedAt)));
        foreach (var code in codes)
        {
            await Execute(connection, transaction,
                "INSERT INTO join_codes (code, game_id, audience_kind, role) VALUES (@code, @id, @kind, @role)",
                cancellationToken, ("code", code.Code), ("id", code.GameId), ("kind", code.Audience.Kind.ToString()), ("role", code.Audience.Role?.ToString()));
        }
        await InsertEvents(connection, transaction, game.GameId, 0, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<GameRecord?> FindGame(string gameId, CancellationToken cancellationToken)
    {
        var games = await QueryGames("SELECT game_id, scenario_id, facilitator_key_hash, created_at FROM games WHERE game_id = @id", ("id", gameId), cancellationToken);
        return games.SingleOrDefault();
    }

    public Task<IReadOnlyList<GameRecord>> GamesOf(string facilitatorKeyHash, CancellationToken cancellationToken) =>
        QueryGames("SELECT game_id, scenario_id, facilitator_key_hash, created_at FROM games WHERE facilitator_key_hash = @key ORDER BY created_at, game_id", ("key", facilitatorKeyHash), cancellationToken);

    public Task<IReadOnlyList<JoinCode>> JoinCodes(string gameId, CancellationToken cancellationToken) =>
        QueryCodes("SELECT code, game_id, audience_kind, role FROM join_codes WHERE game_id = @p ORDER BY audience_kind, role", gameId, cancellationToken);

    public async Task<JoinCode?> FindJoinCode(string code, CancellationToken cancellationToken) =>
        (await QueryCodes("SELECT code, game_id, audience_kind, role FROM join_codes WHERE code = @p", code, cancellationToken)).SingleOrDefault();

    public async Task<bool> ReplaceJoinCode(string gameId, Audience audience, string code, CancellationToken cancellationToken)
    {
        using var write = await EnterWrite(cancellationToken);
        await using var connection = await Open(cancellationToken);
        var changed = audience.Role is { } role
            ? await Execute(connection, null, "UPDATE join_codes SET code = @code WHERE game_id = @id AND audience_kind = @kind AND role = @role",
                cancellationToken, ("code", code), ("id", gameId), ("kind", audience.Kind.ToString()), ("role", role.ToString()))
            : await Execute(connection, null, "UPDATE join_codes SET code = @code WHERE game_id = @id AND audience_kind = @kind AND role IS NULL",
                cancellationToken, ("code", code), ("id", gameId), ("kind", audience.Kind.ToString()));
        return changed == 1;
    }

    public async Task<IReadOnlyList<GameEvent>> LoadEvents(string gameId, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, null, "SELECT sequence, payload FROM events WHERE game_id = @id ORDER BY sequence", ("id", gameId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<GameEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            if (sequence != events.Count + 1)
                throw new InvalidDataException($"Game {gameId} has a gap in its log: sequence {sequence} follows {events.Count}.");
            events.Add(JsonSerializer.Deserialize<GameEvent>(reader.GetString(1), GameJson.Options)
                ?? throw new InvalidDataException($"Game {gameId} has an empty event at sequence {sequence}."));
        }
        return events;
    }

    /// <summary>Returns once the events are committed (with every append that joined the same commit), never before.</summary>
    public Task AppendEvents(string gameId, int expectedVersion, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken)
    {
        var append = new PendingAppend(gameId, expectedVersion, events);
        if (!_appends.Writer.TryWrite(append))
            throw new ObjectDisposedException(GetType().Name, "The store is closed.");
        EnsureAppendWriter();
        return append.Committed.Task.WaitAsync(cancellationToken);
    }

    private void EnsureAppendWriter()
    {
        if (_appendWriter is not null)
            return;
        lock (_writerStart)
            _appendWriter ??= Task.Run(WriteAppends);
    }

    /// <summary>Writes queued appends, as many together as have arrived, until the store is closed.</summary>
    private async Task WriteAppends()
    {
        var batch = new List<PendingAppend>(MaxAppendsPerCommit);
        while (await _appends.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxAppendsPerCommit && _appends.Reader.TryRead(out var append))
                batch.Add(append);
            try
            {
                var outcomes = await Commit(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (outcomes[i] is { } failure)
                        batch[i].Committed.TrySetException(failure);
                    else
                        batch[i].Committed.TrySetResult();
                }
            }
            catch (Exception e)
            {
                // Nothing of this batch was committed (the transaction rolled back): every append fails.
                foreach (var append in batch)
                    append.Committed.TrySetException(e);
            }
            batch.Clear();
        }
    }

    /// <summary>One transaction for the batch; each append in a savepoint, so a conflict undoes only its own rows.</summary>
    private async Task<Exception?[]> Commit(List<PendingAppend> batch)
    {
        var outcomes = new Exception?[batch.Count];
        using var write = await EnterWrite(CancellationToken.None);
        await using var connection = await Open(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        for (var i = 0; i < batch.Count; i++)
        {
            var (gameId, expectedVersion, events) = (batch[i].GameId, batch[i].ExpectedVersion, batch[i].Events);
            await transaction.SaveAsync("append");
            try
            {
                await using (var last = Command(connection, transaction, "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE game_id = @id", ("id", gameId)))
                {
                    var version = Convert.ToInt32(await last.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
                    if (version != expectedVersion)
                        throw new ConcurrencyConflictException(gameId, expectedVersion);
                }
                await InsertEvents(connection, transaction, gameId, expectedVersion, events, CancellationToken.None);
                await transaction.ReleaseAsync("append");
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DbException)
            {
                await transaction.RollbackAsync("append");
                outcomes[i] = e;
            }
        }
        await transaction.CommitAsync(CancellationToken.None);
        Interlocked.Increment(ref _appendCommits);
        return outcomes;
    }

    /// <summary>Stops taking appends; those queued are still written.</summary>
    protected async Task CloseAppends()
    {
        _appends.Writer.TryComplete();
        if (_appendWriter is { } writer)
            await writer;
    }

    private sealed record PendingAppend(string GameId, int ExpectedVersion, IReadOnlyList<GameEvent> Events)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task AddSeat(SeatRecord seat, CancellationToken cancellationToken)
    {
        using var write = await EnterWrite(cancellationToken);
        await using var connection = await Open(cancellationToken);
        await Execute(connection, null,
            """
            INSERT INTO seats (seat_id, game_id, audience_kind, role, display_name, token_hash, bot, released, created_at)
            VALUES (@seat, @game, @kind, @role, @name, @token, @bot, @released, @created)
            """,
            cancellationToken,
            ("seat", seat.SeatId), ("game", seat.GameId), ("kind", seat.Audience.Kind.ToString()), ("role", seat.Audience.Role?.ToString()),
            ("name", seat.DisplayName), ("token", seat.TokenHash), ("bot", seat.Bot ? 1 : 0), ("released", seat.Released ? 1 : 0),
            ("created", Format(seat.CreatedAt)));
    }

    public async Task<bool> ReleaseSeat(string gameId, string seatId, CancellationToken cancellationToken)
    {
        using var write = await EnterWrite(cancellationToken);
        await using var connection = await Open(cancellationToken);
        return await Execute(connection, null, "UPDATE seats SET released = 1 WHERE game_id = @game AND seat_id = @seat AND released = 0",
            cancellationToken, ("game", gameId), ("seat", seatId)) == 1;
    }

    public async Task<SeatRecord?> FindSeatByTokenHash(string tokenHash, CancellationToken cancellationToken) =>
        (await QuerySeats("token_hash = @p AND released = 0", tokenHash, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<SeatRecord>> Seats(string gameId, CancellationToken cancellationToken) =>
        QuerySeats("game_id = @p AND released = 0", gameId, cancellationToken);

    public async Task SetPendingDeadline(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        using var write = await EnterWrite(cancellationToken);
        await using var connection = await Open(cancellationToken);
        await Execute(connection, null, "UPDATE games SET pending_deadline = @deadline WHERE game_id = @id",
            cancellationToken, ("deadline", deadline is { } d ? Format(d) : null), ("id", gameId));
    }

    public async Task<IReadOnlyList<string>> GamesWithPendingDeadlines(CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, null, "SELECT game_id FROM games WHERE pending_deadline IS NOT NULL ORDER BY game_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }

    private async Task InsertEvents(DbConnection connection, DbTransaction transaction, string gameId, int expectedVersion, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                var payload = JsonSerializer.Serialize(events[i], GameJson.Options);
                await Execute(connection, transaction,
                    "INSERT INTO events (game_id, sequence, type, payload) VALUES (@id, @sequence, @type, @payload)",
                    cancellationToken, ("id", gameId), ("sequence", expectedVersion + i + 1), ("type", events[i].GetType().Name), ("payload", payload));
            }
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new ConcurrencyConflictException(gameId, expectedVersion);
        }
    }

    private async Task<IReadOnlyList<GameRecord>> QueryGames(string sql, (string, object?) parameter, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, null, sql, parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var games = new List<GameRecord>();
        while (await reader.ReadAsync(cancellationToken))
            games.Add(new GameRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3))));
        return games;
    }

    private async Task<IReadOnlyList<JoinCode>> QueryCodes(string sql, string parameter, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, null, sql, ("p", parameter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<JoinCode>();
        while (await reader.ReadAsync(cancellationToken))
            codes.Add(new JoinCode(reader.GetString(0), reader.GetString(1), ReadAudience(reader, 2)));
        return codes;
    }

    private async Task<IReadOnlyList<SeatRecord>> QuerySeats(string where, string parameter, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT seat_id, game_id, audience_kind, role, display_name, token_hash, bot, released, created_at FROM seats WHERE {where} ORDER BY created_at, seat_id",
            ("p", parameter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var seats = new List<SeatRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            seats.Add(new SeatRecord(
                reader.GetString(0), reader.GetString(1), ReadAudience(reader, 2), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture) == 1,
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture) == 1,
                Parse(reader.GetString(8))));
        }
        return seats;
    }

    private static Audience ReadAudience(DbDataReader reader, int kindColumn)
    {
        var kind = Enum.Parse<AudienceKind>(reader.GetString(kindColumn));
        Role? role = reader.IsDBNull(kindColumn + 1) ? null : Enum.Parse<Role>(reader.GetString(kindColumn + 1));
        return new Audience(kind, role);
    }

    private static async Task<int> Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null)
                parameter.DbType = DbType.String;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
