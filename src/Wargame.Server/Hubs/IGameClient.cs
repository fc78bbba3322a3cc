using Wargame.Domain.Views;
using Wargame.Server.Games;

namespace Wargame.Server.Hubs;

/// <summary>What the server sends a connected client (see docs/hub-protocol.md).</summary>
public interface IGameClient
{
    /// <summary>The game as the connection's audience may see it, whole: after a join, a resume or a resync.</summary>
    Task View(string gameId, GameView view);

    /// <summary>What changed in the connection's view after an accepted change its audience can see (docs/hub-protocol.md).</summary>
    Task Update(string gameId, ViewDelta delta);

    /// <summary>Every seat of the game and whether it is connected: after a join, a leave or a seat change.</summary>
    Task Seats(string gameId, IReadOnlyList<SeatView> seats);
}
