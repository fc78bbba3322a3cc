using System.Collections.Immutable;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;
using Orleans.Concurrency;

namespace Wargame.Server.Games;

/// <summary>
/// A node's end of one game: the grain sends it, for the audiences that node has connections for, each audience's full
/// view when it subscribes and then what changed in it; the seat list; and released seats. One-way, so a slow node or client never holds up the game.
/// </summary>
internal interface IGameObserver : IGrainObserver
{
    /// <summary>An audience's whole view: when the node subscribes to it (or the game reactivated).</summary>
    [OneWay]
    Task View(GameView view);

    /// <summary>
    /// What one change did to each of this node's audiences that saw it: one delta per audience (from its BaseVersion),
    /// all in one message.
    /// </summary>
    [OneWay]
    Task Update(ImmutableArray<ViewDelta> deltas);

    [OneWay]
    Task Seats(ImmutableArray<SeatView> seats);

    /// <summary>The facilitator released the seat: connections holding it stop receiving and acting.</summary>
    [OneWay]
    Task SeatReleased(string seatId);

    /// <summary>
    /// The game's activation is ending (idle, its silo shutting down): the next activation starts with no subscribers,
    /// so a node with connections subscribes again at once rather than at its next renewal.
    /// </summary>
    [OneWay]
    Task Deactivated();
}

/// <summary>What one node needs from a game: the audiences its connections belong to and the seats they hold.</summary>
[GenerateSerializer, Immutable]
internal sealed record NodeInterest(ImmutableArray<Audience> Audiences, ImmutableArray<string> ConnectedSeats)
{
    /// <summary>A subscription lapses unless renewed within this time, so a dead node's seats stop counting as connected.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>How often nodes renew: well inside the lease, and soon after a game moved to another silo.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);
}
