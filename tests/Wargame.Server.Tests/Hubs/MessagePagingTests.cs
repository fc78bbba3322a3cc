using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>The hub's paging of long channels: the caller's own numbering, and refusals that say nothing about channels it cannot read.</summary>
public sealed class MessagePagingTests
{
    private static readonly int PageSize = PhaseTable.Limits.MessagesShownPerChannel;

    private static async Task<string> Refusal(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        var text = error.Message;
        return text[(text.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
    }

    [Fact]
    public async Task APlayer_PagesBackThroughALongChannel_AndAChannelItIsNotIn_IsRefusedLikeOneThatDoesNotExist()
    {
        // The facilitator fills a private channel with Ukraine and Russia past one page, its limits raised to allow it.
        await using var server = await RunningServer.Start(settings: RateLimitSettings.FacilitatorAndAudiencesLifted);
        var table = await Table.Seat(server);
        await table.AdvanceTo(Phase.Negotiation);
        for (var i = 0; i < PageSize + 25; i++)
            Assert.True((await table.Facilitator.PostMessage(new MessageRequest([Role.UA, Role.RU], $"Briefing {i}"))).Accepted);
        Assert.True((await table.Players[Role.US].PostMessage(new MessageRequest([Role.EU], "Between us."))).Accepted);

        var ukraine = table.Players[Role.UA];
        var view = await ukraine.WaitForView(v => v.MessageCount == PageSize + 25);
        var shown = view.Messages.Where(m => m.From is null && m.To.Length == 2).ToList();
        Assert.Equal(PageSize, shown.Count);

        var page = await ukraine.OlderMessages([Role.UA, Role.RU], shown[0].Id);
        Assert.Equal(25, page.Messages.Length);
        Assert.Equal(0, page.Older);
        Assert.Equal(Enumerable.Range(0, PageSize + 25).Select(i => $"Briefing {i}"), page.Messages.Concat(shown).Select(m => m.Text));

        // Russia is not in the US–Europe channel, which holds a message, nor in a US-only one, which holds none.
        var russia = table.Players[Role.RU];
        var hidden = await Refusal(() => russia.OlderMessages([Role.US, Role.EU], 10_000));
        var empty = await Refusal(() => russia.OlderMessages([Role.US], 10_000));
        Assert.Equal("unknown-channel: There is no channel with those members that you can read.", hidden);
        Assert.Equal(hidden, empty);
        Assert.Equal(hidden, await Refusal(() => table.Observer.OlderMessages([Role.UA, Role.RU], 10_000)));
        Assert.Single((await table.Players[Role.EU].OlderMessages([Role.US, Role.EU], 10_000)).Messages);
        Assert.Equal(JsonSerializer.Serialize(page, GameJson.Options), JsonSerializer.Serialize(await russia.OlderMessages([Role.RU, Role.UA], shown[0].Id), GameJson.Options));

        var stranger = await server.Connect();
        Assert.StartsWith("not-seated:", await Refusal(() => stranger.OlderMessages([], 5)));
        Assert.StartsWith("bad-channel:", await Refusal(() => russia.OlderMessages([Role.RU, Role.RU], 5)));
    }
}
