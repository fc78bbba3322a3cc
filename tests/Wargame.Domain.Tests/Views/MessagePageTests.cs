using System.Collections.Immutable;
using System.Text.Json;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

public sealed class MessagePageTests
{
    private static readonly int PageSize = PhaseTable.Limits.MessagesShownPerChannel;

    private static GameState Negotiating() => Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Negotiation);

    private static GameState Post(GameState state, Role from, ImmutableArray<Role> to, int count, string text)
    {
        for (var i = 0; i < count; i++)
            state = state.Apply(new PostMessage(Actor.Player(from), to, $"{text} {i}"));
        return state;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);

    [Fact]
    public void ALongChannel_PagesBackToItsFirstMessage_InTheViewsOwnNumbering()
    {
        var state = Post(Negotiating(), Role.US, [], 3, "Public");
        state = Post(state, Role.RU, [Role.UA], 2 * PageSize + 50, "Russia to Ukraine");
        state = Post(state, Role.US, [], 2, "Public later");

        var view = GameViews.For(state, Audience.Of(Role.UA));
        var shown = view.Messages.Where(m => m.From == Role.RU).ToList();
        Assert.Equal(PageSize, shown.Count);

        var first = MessagePages.Older(state, Audience.Of(Role.UA), [Role.UA, Role.RU], shown[0].Id);
        Assert.Null(first.Refusal);
        Assert.Equal((PageSize, 50), (first.Page!.Messages.Length, first.Page.Older));
        var second = MessagePages.Older(state, Audience.Of(Role.UA), [Role.RU, Role.UA], first.Page.Messages[0].Id).Page!;
        Assert.Equal((50, 0), (second.Messages.Length, second.Older));

        var all = second.Messages.Concat(first.Page.Messages).Concat(shown).ToList();
        Assert.Equal(Enumerable.Range(0, 2 * PageSize + 50).Select(i => $"Russia to Ukraine {i}"), all.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(4, 2 * PageSize + 50), all.Select(m => m.Id));
        // Another channel's page holds only its own messages, numbered as the audience's view numbers them.
        var publicPage = MessagePages.Older(state, Audience.Of(Role.UA), [], 10_000).Page!;
        Assert.Equal([1, 2, 3, 2 * PageSize + 54, 2 * PageSize + 55], publicPage.Messages.Select(m => m.Id));
        Assert.Equal([1, 2, 3, 4, 5], MessagePages.Older(state, Audience.Public, [], 10_000).Page!.Messages.Select(m => m.Id));
    }

    [Fact]
    public void AChannelTheCallerIsNotIn_IsRefusedExactlyLikeOneThatDoesNotExist_AndPagesDoNotMoveWithHiddenMessages()
    {
        var plain = Post(Negotiating(), Role.RU, [Role.UA], PageSize + 10, "Russia to Ukraine");
        plain = Post(plain, Role.EU, [], 4, "Public");
        // The busy game adds private talk Russia and the public are not in, before and among the visible messages.
        var busy = Post(Negotiating(), Role.US, [Role.EU], 30, "US to Europe");
        busy = Post(busy, Role.RU, [Role.UA], PageSize + 10, "Russia to Ukraine");
        busy = Post(busy, Role.UA, [Role.US, Role.EU], 7, "Ukraine to the West");
        busy = Post(busy, Role.EU, [], 4, "Public");

        ImmutableArray<Role>[] channels = [[], [Role.UA], [Role.RU], [Role.US, Role.EU], [Role.UA, Role.US], [Role.UA, Role.RU], [Role.UA, Role.US, Role.EU], [Role.RU, Role.US, Role.EU], [.. RoleSet.All]];
        foreach (var audience in new[] { Audience.Of(Role.RU), Audience.Public })
            foreach (var channel in channels)
                foreach (var before in new[] { -1, 0, 1, 5, PageSize, PageSize + 11, 10_000 })
                    Assert.Equal(Json(MessagePages.Older(plain, audience, channel, before)), Json(MessagePages.Older(busy, audience, channel, before)));

        var hidden = MessagePages.Older(busy, Audience.Of(Role.RU), [Role.US, Role.EU], 10_000);
        var empty = MessagePages.Older(busy, Audience.Of(Role.RU), [Role.US], 10_000);
        Assert.Equal(("unknown-channel", "unknown-channel"), (hidden.Refusal!.Code, empty.Refusal!.Code));
        Assert.Equal(hidden.Refusal, empty.Refusal);
        Assert.Equal("unknown-channel", MessagePages.Older(busy, Audience.Public, [Role.UA, Role.RU], 10_000).Refusal!.Code);
        // Those in the channel, and the facilitator, read it.
        Assert.Equal(30, MessagePages.Older(busy, Audience.Of(Role.EU), [Role.US, Role.EU], 10_000).Page!.Messages.Length);
        Assert.Equal(7, MessagePages.Older(busy, Audience.Facilitator, [Role.UA, Role.US, Role.EU], 10_000).Page!.Messages.Length);
        Assert.Equal("bad-channel", MessagePages.Older(busy, Audience.Of(Role.RU), [Role.RU, Role.RU], 10).Refusal!.Code);
        Assert.Equal("bad-channel", MessagePages.Older(busy, Audience.Of(Role.RU), [(Role)9], 10).Refusal!.Code);
    }
}
