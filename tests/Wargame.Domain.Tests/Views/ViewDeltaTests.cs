using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Wargame.Domain.Game;
using Wargame.Domain.Map;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Tests.Game;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

public sealed class ViewDeltaTests
{
    private static readonly string[] Scenarios = ["treaty-path", "oval-office-2025", "budapest-redux"];

    private static Arbitrary<(int Scenario, ulong Seed, Step[] Steps)> Games() =>
        Gen.Choose(0, Scenarios.Length - 1)
            .Zip(Gen.Choose(0, int.MaxValue).Select(s => (ulong)s))
            .Zip(Gen.ArrayOf(Gen.Choose(0, 1000).Two().Two().Select(x => new Step(x.Item1.Item1, x.Item1.Item2, x.Item2.Item1 * 37, x.Item2.Item2 * 101)), 80))
            .Select(x => (x.Item1.Item1, x.Item1.Item2, x.Item2))
            .ToArbitrary();

    /// <summary>A section added to the view must travel in deltas too, or clients keep a stale copy of it.</summary>
    [Fact]
    public void EverySectionOfTheView_HasItsPlaceInADelta()
    {
        var sections = typeof(ViewDelta).GetProperties().Select(p => p.Name).ToHashSet();
        var missing = typeof(GameView).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name).Where(name => name is not (nameof(GameView.Audience) or nameof(GameView.Version)) && !sections.Contains(name));
        Assert.Empty(missing);
    }

    /// <summary>
    /// In random legal games, for every audience and every version it sees: the view before plus the delta (applied
    /// by the domain, and separately to the JSON as a client does) is exactly the view after, and every section and
    /// item the delta carries is the newer view's own.
    /// </summary>
    [Fact]
    public void ApplyingEachDelta_GivesExactlyTheNextViewOfEveryAudience()
    {
        var deltas = 0;
        var property = Prop.ForAll(Games(), game =>
        {
            var heldJson = new Dictionary<Audience, JsonObject>();
            ForEachChange(game, carryBasis: false, (_, audience, held, next) =>
            {
                var delta = ViewDelta.Between(held, next);
                deltas++;
                var expected = Json(next);
                Assert.Equal(expected, Json(delta.ApplyTo(held)));
                var wire = Node(delta);
                ClientMerge.AssertCarriesOnly(wire, JsonNode.Parse(expected)!.AsObject());
                heldJson[audience] = ClientMerge.Apply(heldJson.GetValueOrDefault(audience) ?? Node(held), wire);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), heldJson[audience]), $"{audience}'s merged JSON differs from its view at {next.Version}");
            });
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), property);
        Assert.True(deltas > 250, $"only {deltas} deltas: the games barely move");
    }

    /// <summary>
    /// In random legal games, no delta carries a section or a list item that the client already holds unchanged
    /// (records built afresh must compare equal, and a message window that moves on must not resend what it kept).
    /// </summary>
    [Fact]
    public void ADelta_ResendsNothingItsAudienceAlreadyHolds()
    {
        var resent = new List<string>();
        var deltas = 0;
        var property = Prop.ForAll(Games(), game =>
        {
            ForEachChange(game, carryBasis: true, (e, audience, held, next) =>
            {
                deltas++;
                resent.AddRange(ClientMerge.Resent(Node(ViewDelta.Between(held, next)), Node(held))
                    .Select(what => $"{e.GetType().Name} to {audience}: {what}"));
            });
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), property);
        Assert.True(deltas > 250, $"only {deltas} deltas: the games barely move");
        Assert.True(resent.Count == 0, $"{resent.Count} resends: {string.Join("; ", resent.GroupBy(r => r.Split('[')[0]).Select(g => $"{g.Key} x{g.Count()}"))}");
    }

    [Fact]
    public void ADelta_CarriesOnlyWhatChanged_AndConstantsTravelInTheFullViewOnly()
    {
        var (_, events, _) = RandomPlay.Run("treaty-path", 7, []);
        var state = Rules.Apply(Rules.Begin(events[0]), new AdvancePhase(Actor.Facilitator)).State;
        var before = GameViews.For(state, Audience.Of(Role.UA));
        var message = Rules.Apply(state, new PostMessage(Actor.Player(Role.UA), [], "Hello"));
        var after = GameViews.For(message.State, Audience.Of(Role.UA));

        var delta = ViewDelta.Between(before, after);

        var wire = Node(delta);
        Assert.Equal(["audience", "baseVersion", "version", "messages", "messageCount"], wire.Select(p => p.Key).Take(5));
        Assert.DoesNotContain(wire, p => p.Key is "ruleConstants" or "scenario" or "privateRecords" or "publicBriefings" or "roles" or "eventDeck");
        Assert.Equal(before.Messages.Length + 1, delta.Messages!.Length);
        Assert.Equal("Hello", Assert.Single(delta.Messages.Items).Item.Text);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(delta, GameJson.Options).Length < 2_000);
        Assert.True(JsonSerializer.SerializeToUtf8Bytes(after, GameJson.Options).Length > 10_000);
    }

    /// <summary>
    /// In random games, the constant parts of the view never travel in a delta: the map's named lines (a resolution
    /// or a ceasefire sends the parts of the map it moved) and the roles' public briefings (a submission sends the
    /// role's card with the flag that changed).
    /// </summary>
    [Fact]
    public void TheMapsLinesAndTheBriefings_TravelInTheWholeViewOnly_WhileTheMapAndTheRoleCardsChange()
    {
        var (mapDeltas, roleDeltas) = (0, 0);
        var property = Prop.ForAll(Games(), game =>
        {
            ForEachChange(game, carryBasis: false, (e, audience, held, next) =>
            {
                var wire = Node(ViewDelta.Between(held, next));
                Assert.False(wire.ContainsKey("publicBriefings"), $"{e.GetType().Name} sent {audience} the briefings");
                if (wire["map"] is JsonObject map)
                {
                    Assert.False(map.ContainsKey("lines"), $"{e.GetType().Name} sent {audience} the map's named lines");
                    Assert.NotEmpty(map);
                    mapDeltas++;
                }
                if (wire["roles"] is JsonObject roles)
                {
                    Assert.All(roles["items"]!.AsArray(), item => Assert.Equal(["role", "name", "ordersSubmitted"], item!["item"]!.AsObject().Select(p => p.Key)));
                    roleDeltas++;
                }
            });
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), property);
        Assert.True(mapDeltas > 10, $"only {mapDeltas} deltas changed the map");
        Assert.True(roleDeltas > 10, $"only {roleDeltas} deltas changed a role card");
    }

    /// <summary>A map section added without a place in <see cref="MapDelta"/> would never reach a client after its join.</summary>
    [Fact]
    public void EveryPartOfTheMap_HasItsPlaceInAMapDelta()
    {
        var map = typeof(MapView).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();
        var delta = typeof(MapDelta).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();

        Assert.Equal(map, delta);
    }

    /// <summary>A full channel drops its oldest message as a new one comes in: the delta removes that one and adds one, whatever lies between.</summary>
    [Fact]
    public void AMessageWindowThatMovesOn_SendsTheRemovedIndexAndTheNewMessage_NotTheWholeWindow()
    {
        var (_, events, _) = RandomPlay.Run("treaty-path", 7, []);
        var state = Rules.Apply(Rules.Begin(events[0]), new AdvancePhase(Actor.Facilitator)).State;
        state = Rules.Apply(state, new PostMessage(Actor.Player(Role.RU), [Role.UA], "A private word first.")).State;
        for (var i = 0; i < PhaseTable.Limits.MessagesShownPerChannel; i++)
            state = Rules.Apply(state, new PostMessage(Actor.Player(Role.US), [], $"Statement {i}")).State;
        var audience = Audience.Of(Role.UA);
        var before = GameViews.For(state, audience);

        var after = GameViews.For(Rules.Apply(state, new PostMessage(Actor.Player(Role.EU), [], "One more.")).State, audience);
        var delta = ViewDelta.Between(before, after);

        Assert.Equal(1, Assert.Single(delta.Messages!.Removed!.Value));
        Assert.Equal([(before.Messages.Length - 1, "One more.")], delta.Messages.Items.Select(i => (i.Index, i.Item.Text)));
        Assert.Equal(Json(after), Json(delta.ApplyTo(before)));
        Assert.True(JsonNode.DeepEquals(Node(after), ClientMerge.Apply(Node(before), Node(delta))), "the client's merge differs from the view");
        Assert.Empty(ClientMerge.Resent(Node(delta), Node(before)));
    }

    [Fact]
    public void ADeltaRefuses_AViewAtAnotherVersion()
    {
        var (_, events, _) = RandomPlay.Run("treaty-path", 7, []);
        var state = Rules.Begin(events[0]);
        var view = GameViews.For(state, Audience.Public);
        var delta = ViewDelta.Between(view, view with { Version = view.Version + 1, Turn = 2 });

        var error = Assert.Throws<ArgumentException>(() => delta.ApplyTo(view with { Version = view.Version + 5 }));

        Assert.Contains($"from version {view.Version}", error.Message);
    }

    /// <summary>A section the view gains without the delta knowing of it would never reach a client after its join.</summary>
    [Fact]
    public void EverySectionOfAView_HasItsPlaceInADelta()
    {
        var view = typeof(GameView).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();
        var delta = typeof(ViewDelta).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Append("Version").Where(n => n != "BaseVersion").Distinct().Order();

        Assert.Equal(view, delta);
    }

    /// <summary>
    /// Plays a random legal game and hands <paramref name="onChange"/> every audience's every new version: the event,
    /// the audience, the view it held and its next view. With <paramref name="carryBasis"/> the views come from a
    /// <see cref="ViewBasis"/> carried over from state to state, as the grain builds them; else each is built alone.
    /// </summary>
    private static void ForEachChange((int Scenario, ulong Seed, Step[] Steps) game, bool carryBasis, Action<GameEvent, Audience, GameView, GameView> onChange)
    {
        var (_, events, _) = RandomPlay.Run(Scenarios[game.Scenario], game.Seed, game.Steps);
        var state = Rules.Begin(events[0]);
        var basis = ViewBasis.Of(state);
        var held = Audience.All.ToDictionary(a => a, a => carryBasis ? GameViews.For(basis, a) : GameViews.For(state, a));
        foreach (var e in events.Skip(1))
        {
            state = Rules.Evolve(state, e);
            if (carryBasis)
                basis = ViewBasis.Of(state, basis);
            foreach (var audience in Audience.All)
            {
                if (AudienceVersions.Of(state, audience) == held[audience].Version)
                    continue;
                var next = carryBasis ? GameViews.For(basis, audience) : GameViews.For(state, audience);
                onChange(e, audience, held[audience], next);
                held[audience] = next;
            }
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);

    private static JsonObject Node<T>(T value) => JsonSerializer.SerializeToNode(value, GameJson.Options)!.AsObject();
}
