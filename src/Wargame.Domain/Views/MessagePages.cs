using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Views;

/// <summary>
/// Older messages of one channel, before the message numbered <c>beforeId</c> in the audience's own numbering: at most
/// <see cref="CommandLimits.MessagesShownPerChannel"/> of them, the latest first cut, and how many older ones remain.
/// </summary>
public sealed record MessagePage(ImmutableArray<MessageView> Messages, int Older);

/// <summary>
/// Paging through a long channel, which a view cuts to its latest messages. A channel is named by the roles in it
/// (none for the public channel), as the browser groups messages; one the audience may not read is refused exactly
/// like one that does not exist, whatever it holds.
/// </summary>
public static class MessagePages
{
    private static readonly Rejection UnknownChannel = new("unknown-channel", "There is no channel with those members that you can read.");

    /// <summary>The page of <paramref name="members"/>' channel before message <paramref name="beforeId"/>, or why there is none.</summary>
    public static (MessagePage? Page, Rejection? Refusal) Older(GameState state, Audience audience, ImmutableArray<Role> members, int beforeId)
    {
        if (members.IsDefault || members.Any(r => !Enum.IsDefined(r)) || members.Distinct().Count() != members.Length)
            return (null, new("bad-channel", "Name a channel by its roles (UA, RU, US, EU), each once; none for the public channel."));
        if (!MayRead(state, audience, members))
            return (null, UnknownChannel);
        var key = Key(members);
        var sight = ViewBasis.SightOf(state, audience);
        var older = GameViews.Numbered(state.Messages.Where(m => GameViews.Reads(sight, m)))
            .Where(m => m.Id < beforeId && ChannelOf(m) == key).ToList();
        var page = older.TakeLast(PhaseTable.Limits.MessagesShownPerChannel).ToImmutableArray();
        return (new MessagePage(page, older.Count - page.Length), null);
    }

    /// <summary>The channel a message belongs to: the roles that sent or received it (empty for a public message).</summary>
    internal static string ChannelOf(MessageView message) =>
        message.To.IsEmpty ? "" : Key(message.From is { } from ? message.To.Add(from) : message.To);

    /// <summary>The number of channel keys <see cref="Members"/> gives.</summary>
    internal const int ChannelCount = 1 << 4;

    /// <summary>A message's channel as a set of roles, one bit per role (0 for the public channel): the same channels as <see cref="ChannelOf"/>, without a string.</summary>
    internal static int Members(MessageView message)
    {
        if (message.To.IsEmpty)
            return 0;
        var members = message.From is { } from ? 1 << (int)from : 0;
        foreach (var role in message.To)
            members |= 1 << (int)role;
        return members;
    }

    /// <summary>The public channel, or one the audience is in; any channel for the facilitator and after the reveal.</summary>
    private static bool MayRead(GameState state, Audience audience, ImmutableArray<Role> members) =>
        members.IsEmpty || audience.Kind == AudienceKind.Facilitator || state.Revealed
        || (audience.Kind == AudienceKind.Role && audience.Role is { } role && members.Contains(role));

    private static string Key(IEnumerable<Role> roles) => string.Join(",", roles.Distinct().Order());
}
