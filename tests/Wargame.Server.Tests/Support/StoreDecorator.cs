using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Server.Storage;

namespace Wargame.Server.Tests.Support;

/// <summary>A real store with one behaviour changed: a test's decorator overrides the call it makes slow or failing.</summary>
internal abstract class StoreDecorator(IGameStore inner) : IGameStore
{
    public virtual Task Initialize(CancellationToken cancellationToken) => inner.Initialize(cancellationToken);
    public virtual Task SetPendingDeadline(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken) => inner.SetPendingDeadline(gameId, deadline, cancellationToken);
    public virtual Task CreateGame(GameRecord game, IReadOnlyList<JoinCode> codes, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken) => inner.CreateGame(game, codes, events, cancellationToken);
    public virtual Task<GameRecord?> FindGame(string gameId, CancellationToken cancellationToken) => inner.FindGame(gameId, cancellationToken);
    public virtual Task<IReadOnlyList<GameRecord>> GamesOf(string facilitatorKeyHash, CancellationToken cancellationToken) => inner.GamesOf(facilitatorKeyHash, cancellationToken);
    public virtual Task<IReadOnlyList<JoinCode>> JoinCodes(string gameId, CancellationToken cancellationToken) => inner.JoinCodes(gameId, cancellationToken);
    public virtual Task<JoinCode?> FindJoinCode(string code, CancellationToken cancellationToken) => inner.FindJoinCode(code, cancellationToken);
    public virtual Task<bool> ReplaceJoinCode(string gameId, Audience audience, string code, CancellationToken cancellationToken) => inner.ReplaceJoinCode(gameId, audience, code, cancellationToken);
    public virtual Task<IReadOnlyList<GameEvent>> LoadEvents(string gameId, CancellationToken cancellationToken) => inner.LoadEvents(gameId, cancellationToken);
    public virtual Task AppendEvents(string gameId, int expectedVersion, IReadOnlyList<GameEvent> events, CancellationToken cancellationToken) => inner.AppendEvents(gameId, expectedVersion, events, cancellationToken);
    public virtual Task AddSeat(SeatRecord seat, CancellationToken cancellationToken) => inner.AddSeat(seat, cancellationToken);
    public virtual Task<bool> ReleaseSeat(string gameId, string seatId, CancellationToken cancellationToken) => inner.ReleaseSeat(gameId, seatId, cancellationToken);
    public virtual Task<SeatRecord?> FindSeatByTokenHash(string tokenHash, CancellationToken cancellationToken) => inner.FindSeatByTokenHash(tokenHash, cancellationToken);
    public virtual Task<IReadOnlyList<SeatRecord>> Seats(string gameId, CancellationToken cancellationToken) => inner.Seats(gameId, cancellationToken);
    public virtual Task<IReadOnlyList<string>> GamesWithPendingDeadlines(CancellationToken cancellationToken) => inner.GamesWithPendingDeadlines(cancellationToken);
}
