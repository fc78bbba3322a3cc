using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Views;

namespace Wargame.Server.Games;

/// <summary>
/// One game (key: its id), active on one silo of the cluster at a time. Calls are handled one at a time; the caller's
/// identity is already in each command's Actor, set by the hub from the caller's seat.
/// </summary>
internal interface IGameGrain : IGrainWithStringKey
{
    /// <summary>
    /// Decide and evolve (Rules.Apply), append with the expected version, push every changed audience its view.
    /// A ClockedCommand gets the game clock's time stamped on it here. A command that could not start by
    /// <paramref name="startBy"/> is refused with "busy" and changes nothing, so a caller that sets it well inside its
    /// response timeout never reports failed a command that was applied.
    /// </summary>
    Task<CommandResult> Execute(GameCommand command, DateTimeOffset startBy);

    Task<GameView> View(Audience audience);

    /// <summary>Older messages of the channel of <paramref name="members"/>, before message <paramref name="beforeId"/> of the audience's numbering.</summary>
    Task<MessagePageResult> OlderMessages(Audience audience, ImmutableArray<Role> members, int beforeId);

    /// <summary>The guarantee builder's preview of <paramref name="terms"/> for <paramref name="role"/> (a query; nothing changes).</summary>
    Task<GuaranteePreviewAnswer> PreviewGuarantee(Role role, AgreementTerms terms);

    /// <summary>Every seat, connected if a node's subscription says one of its connections holds it.</summary>
    Task<ImmutableArray<SeatView>> Seats();

    /// <summary>The hash of the live state, which a replay of the stored log must reproduce.</summary>
    Task<string> StateHash();

    /// <summary>
    /// Starts or renews <paramref name="observer"/>'s subscription. Audiences new to it are sent their current view,
    /// a new subscriber also the seat list.
    /// </summary>
    Task Subscribe(IGameObserver observer, NodeInterest interest);

    Task Unsubscribe(IGameObserver observer);

    /// <summary>A seat was added (a player, a bot): the seat list and the bots are read again.</summary>
    Task SeatsChanged();

    /// <summary>A seat was released in the store: every node drops its connections.</summary>
    Task SeatReleased(string seatId);

    /// <summary>Activates the game so its running deadline is watched (see <see cref="DeadlineKeeper"/>).</summary>
    Task WatchDeadline();
}
