using Wargame.Domain.Game;
using Wargame.Domain.Roles;

namespace Wargame.Server.Storage;

/// <summary>A game's registration: who may run it (a hash of the facilitator key, never the key) and where it came from.</summary>
internal sealed record GameRecord(string GameId, string ScenarioId, string FacilitatorKeyHash, DateTimeOffset CreatedAt);

/// <summary>A short code that seats its holder in one audience of one game (a role, or the public for observers).</summary>
internal sealed record JoinCode(string Code, string GameId, Audience Audience);

/// <summary>
/// One seat at the table. Players, observers and facilitators each hold one; several seats may share a role.
/// Only a hash of the seat token is stored. A bot seat has no token. A released seat can no longer be resumed.
/// </summary>
internal sealed record SeatRecord(
    string SeatId,
    string GameId,
    Audience Audience,
    string DisplayName,
    string? TokenHash,
    bool Bot,
    bool Released,
    DateTimeOffset CreatedAt);

/// <summary>Another writer appended to the game first; the caller reloads and decides again.</summary>
internal sealed class ConcurrencyConflictException(string gameId, int expectedVersion)
    : Exception($"Game {gameId} is no longer at version {expectedVersion}: another writer appended first.")
{
    public int ExpectedVersion { get; } = expectedVersion;
}

/// <summary>
/// The durable side of the server: an append-only event log per game (unique (game, sequence) gives optimistic
/// concurrency), the game registry, join codes and seats. SQLite and PostgreSQL implement it; one set of contract
/// tests runs against both.
/// </summary>
internal interface IGameStore
{
    /// <summary>Creates the schema if it is missing. Called once at start.</summary>
    Task Initialize(CancellationToken cancellationToken);

    /// <summary>Registers a game with its codes and its first events, all or nothing.</summary>
    Task CreateGame(GameRecord game, IReadOnlyList<JoinCode> codes, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken);

    Task<GameRecord?> FindGame(string gameId, CancellationToken cancellationToken);

    Task<IReadOnlyList<GameRecord>> GamesOf(string facilitatorKeyHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<JoinCode>> JoinCodes(string gameId, CancellationToken cancellationToken);

    Task<JoinCode?> FindJoinCode(string code, CancellationToken cancellationToken);

    /// <summary>Replaces the game's join code for <paramref name="audience"/> with <paramref name="code"/>; false when the game has none.</summary>
    Task<bool> ReplaceJoinCode(string gameId, Audience audience, string code, CancellationToken cancellationToken);

    /// <summary>The game's events in sequence order (sequence 1 is the first); empty for an unknown game.</summary>
    Task<IReadOnlyList<GameEvent>> LoadEvents(string gameId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="events"/> as sequences expectedVersion + 1, ... in one transaction.
    /// Throws <see cref="ConcurrencyConflictException"/> when the log is not at <paramref name="expectedVersion"/>.
    /// </summary>
    Task AppendEvents(string gameId, int expectedVersion, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken);

    Task AddSeat(SeatRecord seat, CancellationToken cancellationToken);

    /// <summary>Marks a seat released: its token no longer resumes it. Returns false for an unknown seat.</summary>
    Task<bool> ReleaseSeat(string gameId, string seatId, CancellationToken cancellationToken);

    Task<SeatRecord?> FindSeatByTokenHash(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Every seat of the game that has not been released, oldest first.</summary>
    Task<IReadOnlyList<SeatRecord>> Seats(string gameId, CancellationToken cancellationToken);

    /// <summary>Records the game's running deadline (null: none) so timers are re-armed after a restart.</summary>
    Task SetPendingDeadline(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GamesWithPendingDeadlines(CancellationToken cancellationToken);
}
