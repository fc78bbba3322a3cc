using Microsoft.AspNetCore.SignalR;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Wargame.Server.Games;

namespace Wargame.Server.Hubs;

/// <summary>How a node's game links reach that node's SignalR connections.</summary>
internal interface IGamePublisher
{
    /// <summary>Puts the connection in its audience's group of the game and in the game's seat-list group.</summary>
    Task Attach(string connectionId, string gameId, Audience audience);

    /// <summary>Takes the connection out of every group of the game: it receives nothing more.</summary>
    Task Detach(string connectionId, string gameId, Audience audience);

    Task SendView(IReadOnlyList<string> connectionIds, string gameId, GameView view);

    /// <summary>Pushes <paramref name="view"/> to every connection here of <paramref name="audience"/> in the game.</summary>
    Task PublishView(string gameId, Audience audience, GameView view);

    /// <summary>Pushes what changed in <paramref name="audience"/>'s view to its connections here, but the <paramref name="excluded"/> (they were just sent the whole view).</summary>
    Task PublishUpdate(string gameId, Audience audience, ViewDelta delta, IReadOnlyList<string> excluded);

    Task SendSeats(IReadOnlyList<string> connectionIds, string gameId, IReadOnlyList<SeatView> seats);

    Task PublishSeats(string gameId, IReadOnlyList<SeatView> seats);
}

/// <summary>
/// One SignalR group per (game, audience): a connection is only ever in its own seat's audience group, and each
/// group receives only <see cref="GameViews.For(ViewBasis, Audience)"/> of its audience and deltas between two of them. A second group per game carries seat lists.
/// </summary>
internal sealed class HubGamePublisher(IHubContext<GameHub, IGameClient> hub) : IGamePublisher
{
    public static string AudienceGroup(string gameId, Audience audience) => $"{gameId}/{audience}";

    public static string SeatsGroup(string gameId) => $"{gameId}/seats";

    public async Task Attach(string connectionId, string gameId, Audience audience)
    {
        await hub.Groups.AddToGroupAsync(connectionId, AudienceGroup(gameId, audience));
        await hub.Groups.AddToGroupAsync(connectionId, SeatsGroup(gameId));
    }

    public async Task Detach(string connectionId, string gameId, Audience audience)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, AudienceGroup(gameId, audience));
        await hub.Groups.RemoveFromGroupAsync(connectionId, SeatsGroup(gameId));
    }

    public Task SendView(IReadOnlyList<string> connectionIds, string gameId, GameView view) => hub.Clients.Clients(connectionIds).View(gameId, view);

    public Task PublishView(string gameId, Audience audience, GameView view) =>
        hub.Clients.Group(AudienceGroup(gameId, audience)).View(gameId, view);

    // One group send: SignalR serialises the message once per protocol for all the group's connections.
    public Task PublishUpdate(string gameId, Audience audience, ViewDelta delta, IReadOnlyList<string> excluded) => excluded.Count == 0
        ? hub.Clients.Group(AudienceGroup(gameId, audience)).Update(gameId, delta)
        : hub.Clients.GroupExcept(AudienceGroup(gameId, audience), excluded).Update(gameId, delta);

    public Task SendSeats(IReadOnlyList<string> connectionIds, string gameId, IReadOnlyList<SeatView> seats) =>
        hub.Clients.Clients(connectionIds).Seats(gameId, seats);

    public Task PublishSeats(string gameId, IReadOnlyList<SeatView> seats) => hub.Clients.Group(SeatsGroup(gameId)).Seats(gameId, seats);
}
