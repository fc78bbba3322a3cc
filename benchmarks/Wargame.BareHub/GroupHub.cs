using MessagePack;
using Microsoft.AspNetCore.SignalR;

namespace Wargame.BareHub;

/// <summary>What the hub pushes: <c>View(groupId, view)</c>, shaped like Wargame's push so one client reads both.</summary>
public interface IGroupClient
{
    Task View(string groupId, GroupView view);
}

/// <summary>About 1 KB for every member of a group: the size of a small delta, not of a whole Wargame view.</summary>
[MessagePackObject]
public sealed record GroupView([property: Key("version")] int Version, [property: Key("payload")] string Payload);

/// <summary>Answers a join as Wargame's <c>JoinResult</c> does, with the id of what was joined.</summary>
[MessagePackObject]
public sealed record JoinResult([property: Key("gameId")] string GameId);

/// <summary>Answers a send as Wargame's <c>CommandResult</c> does.</summary>
[MessagePackObject]
public sealed record SendResult([property: Key("accepted")] bool Accepted, [property: Key("code")] string? Code, [property: Key("version")] int Version);

/// <summary>
/// A connection joins a group, as a Wargame seat joins a game, and each call sends about 1 KB to every member of
/// its group. No store, no rules, no views: what SignalR alone costs for the same pattern of calls and pushes.
/// </summary>
internal sealed class GroupHub : Hub<IGroupClient>
{
    private const string GroupKey = "group";
    private static readonly string Payload = new('x', 1024);

    public async Task<JoinResult> Join(string groupId)
    {
        if (string.IsNullOrWhiteSpace(groupId) || groupId.Length > 64)
            throw new HubException("bad-group: name a group of 1 to 64 characters.");
        if (Context.Items.ContainsKey(GroupKey))
            throw new HubException("already-joined: this connection is in a group; open a new connection.");
        Context.Items[GroupKey] = groupId;
        await Groups.AddToGroupAsync(Context.ConnectionId, groupId);
        await Clients.Caller.View(groupId, new GroupView(0, Payload));
        return new JoinResult(groupId);
    }

    /// <summary>Sends <paramref name="version"/> with the payload to the caller's group; the caller numbers its sends.</summary>
    public async Task<SendResult> Send(int version)
    {
        if (Context.Items.TryGetValue(GroupKey, out var group) is false || group is not string groupId)
            return new SendResult(false, "not-joined", version);
        await Clients.Group(groupId).View(groupId, new GroupView(version, Payload));
        return new SendResult(true, null, version);
    }
}
