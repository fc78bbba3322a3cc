using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Tests.Game;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

public sealed class ViewBasisTests
{
    private static readonly string[] Scenarios = ["treaty-path", "oval-office-2025", "budapest-redux"];

    private static Arbitrary<(int Scenario, ulong Seed, Step[] Steps, int FirstAudience)> Games() =>
        Gen.Choose(0, Scenarios.Length - 1)
            .Zip(Gen.Choose(0, int.MaxValue).Select(s => (ulong)s))
            .Zip(Gen.ArrayOf(Gen.Choose(0, 1000).Two().Two().Select(x => new Step(x.Item1.Item1, x.Item1.Item2, x.Item2.Item1 * 37, x.Item2.Item2 * 101)), 80))
            .Zip(Gen.Choose(0, Audience.All.Count - 1))
            .Select(x => (x.Item1.Item1.Item1, x.Item1.Item1.Item2, x.Item1.Item2, x.Item2))
            .ToArbitrary();

    /// <summary>
    /// Views built from one basis per state, each taking over from the previous state's basis, and asked for in an order
    /// that starts with a random audience (so a section built for one audience is offered to the others), equal views
    /// built from scratch for each audience alone: sharing and carrying over never changes or leaks a section.
    /// </summary>
    [Fact]
    public void ViewsFromASharedCarriedOverBasis_EqualViewsBuiltAloneForEachAudience()
    {
        var compared = 0;
        var property = Prop.ForAll(Games(), game =>
        {
            var (_, events, _) = RandomPlay.Run(Scenarios[game.Scenario], game.Seed, game.Steps);
            var order = Audience.All.Skip(game.FirstAudience).Concat(Audience.All.Take(game.FirstAudience)).ToList();
            var state = Rules.Begin(events[0]);
            ViewBasis? basis = null;
            foreach (var e in events.Skip(1).Prepend(null))
            {
                if (e is not null)
                    state = Rules.Evolve(state, e);
                basis = ViewBasis.Of(state, basis);
                foreach (var audience in order)
                {
                    Assert.Equal(Json(GameViews.For(ViewBasis.Of(state), audience)), Json(GameViews.For(basis, audience)));
                    compared++;
                }
            }
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), property);
        Assert.True(compared > 1_000, $"only {compared} views compared");
    }

    [Fact]
    public void ABasisCarriedOverAMessage_KeepsTheWorldsSectionsAsTheSameObjects()
    {
        var (_, events, _) = RandomPlay.Run("treaty-path", 7, []);
        var state = Rules.Apply(Rules.Begin(events[0]), new AdvancePhase(Actor.Facilitator)).State;
        var before = ViewBasis.Of(state);
        var viewBefore = GameViews.For(before, Audience.Of(Role.US));

        var after = ViewBasis.Of(Rules.Apply(state, new PostMessage(Actor.Player(Role.UA), [], "Hello")).State, before);
        var viewAfter = GameViews.For(after, Audience.Of(Role.US));

        Assert.Same(before.Map, after.Map);
        Assert.Same(before.Assessment, after.Assessment);
        Assert.True(viewBefore.Forces == viewAfter.Forces, "forces were rebuilt");
        Assert.True(viewBefore.Headlines == viewAfter.Headlines && viewBefore.Hidden == viewAfter.Hidden && viewBefore.Credibility == viewAfter.Credibility && viewBefore.Records == viewAfter.Records,
            "a section the message did not touch was rebuilt");
        Assert.False(viewBefore.Messages == viewAfter.Messages);
        Assert.Equal("Hello", viewAfter.Messages[^1].Text);
    }

    /// <summary>
    /// A proposal made after a resolution gives its parties a new agreement number, which no record, score line or
    /// chart of the resolved turns names: their reading of those turns is carried over, not rebuilt.
    /// </summary>
    [Fact]
    public void ABasisCarriedOverAProposalAfterAResolution_KeepsThePartiesReadingOfTheResolvedTurns()
    {
        var (_, events, _) = RandomPlay.Run("treaty-path", 7, []);
        var state = Rules.Begin(events[0]);
        while (state.Turn < 2 || state.Phase != Phase.Negotiation)
        {
            foreach (var role in RoleSet.All)
                state = BotPolicy.Decide(state, role).Aggregate(state, (s, c) => Rules.Apply(s, c).State);
            state = Rules.Apply(state, new AdvancePhase(Actor.Facilitator)).State;
        }
        var before = ViewBasis.Of(state);
        var viewsBefore = Audience.All.ToDictionary(a => a, a => GameViews.For(before, a));
        var proposed = Rules.Apply(state, new Propose(Actor.Player(Role.UA), new CeasefireTerms { DurationTurns = 4, DmzWidthKm = 10 }));
        Assert.Null(proposed.Rejection);

        var after = ViewBasis.Of(proposed.State, before);

        foreach (var audience in new[] { Audience.Of(Role.UA), Audience.Of(Role.RU), Audience.Facilitator })
        {
            var (viewBefore, viewAfter) = (viewsBefore[audience], GameViews.For(after, audience));
            Assert.NotEmpty(viewBefore.Records);
            Assert.Equal(viewBefore.Proposals.Length + 1, viewAfter.Proposals.Length);
            Assert.True(viewBefore.Records == viewAfter.Records && viewBefore.Headlines == viewAfter.Headlines && viewBefore.Scores == viewAfter.Scores
                && viewBefore.Metrics == viewAfter.Metrics, $"{audience}'s reading of the resolved turns was rebuilt");
            Assert.Equal(Json(GameViews.For(proposed.State, audience)), Json(viewAfter));
        }
    }

    /// <summary>
    /// A resolution adds a turn to every audience's outcome sections: the turns resolved before it are carried over as
    /// the same objects (only the new turn is read), and the views still equal views built alone.
    /// </summary>
    [Fact]
    public void ABasisCarriedOverAResolution_ReadsOnlyTheNewTurn()
    {
        var (_, events, _) = RandomPlay.Run("treaty-path", 7, []);
        var state = Rules.Begin(events[0]);
        while (state.Outcomes.Length < 1 || state.Phase != Phase.Orders)
        {
            foreach (var role in RoleSet.All)
                state = BotPolicy.Decide(state, role).Aggregate(state, (s, c) => Rules.Apply(s, c).State);
            state = Rules.Apply(state, new AdvancePhase(Actor.Facilitator)).State;
        }
        var before = ViewBasis.Of(state);
        var viewsBefore = Audience.All.ToDictionary(a => a, a => GameViews.For(before, a));
        var resolved = Rules.Apply(state, new AdvancePhase(Actor.Facilitator)).State;
        Assert.Equal(state.Outcomes.Length + 1, resolved.Outcomes.Length);

        var after = ViewBasis.Of(resolved, before);

        foreach (var audience in Audience.All)
        {
            var (viewBefore, viewAfter) = (viewsBefore[audience], GameViews.For(after, audience));
            Assert.Equal(viewBefore.Headlines.Length + 1, viewAfter.Headlines.Length);
            Assert.Same(viewBefore.Headlines[0], viewAfter.Headlines[0]);
            Assert.Same(viewBefore.Results[0], viewAfter.Results[0]);
            Assert.Same(viewBefore.Metrics[0], viewAfter.Metrics[0]);
            Assert.All(viewBefore.Records.Zip(viewAfter.Records), pair => Assert.Same(pair.First, pair.Second));
            Assert.Equal(Json(GameViews.For(resolved, audience)), Json(viewAfter));
        }
    }

    /// <summary>
    /// Messages are built on from the last basis's, one at a time, while the public channel (players' and the
    /// facilitator's statements) runs past its window between two private channels: every audience's messages and count
    /// equal those of a view built alone after each message.
    /// </summary>
    [Fact]
    public void MessagesBuiltOnFromTheLastBasis_PastTheChannelWindow_EqualMessagesBuiltAlone()
    {
        var (_, events, _) = RandomPlay.Run("treaty-path", 7, []);
        var state = Rules.Apply(Rules.Begin(events[0]), new AdvancePhase(Actor.Facilitator)).State;
        var window = PhaseTable.Limits.MessagesShownPerChannel;
        var basis = ViewBasis.Of(state);
        var compared = 0;
        for (var i = 0; i < window + 40; i++)
        {
            PostMessage[] posts = i % 3 == 2
                ? [new(Actor.Facilitator, [], $"Statement {i}"), new(Actor.Player(Role.RU), [Role.EU], $"Quiet word {i}")]
                : [new(Actor.Player(Role.UA), [], $"Public {i}"), new(Actor.Player(Role.US), [Role.UA], $"Private {i}")];
            foreach (var post in posts)
            {
                var applied = Rules.Apply(state, post);
                Assert.Null(applied.Rejection);
                state = applied.State;
                basis = ViewBasis.Of(state, basis);
                foreach (var audience in Audience.All)
                {
                    var (shared, alone) = (GameViews.For(basis, audience), GameViews.For(state, audience));
                    Assert.Equal(alone.MessageCount, shared.MessageCount);
                    Assert.Equal(JsonSerializer.Serialize(alone.Messages, GameJson.Options), JsonSerializer.Serialize(shared.Messages, GameJson.Options));
                    compared++;
                }
            }
        }
        var facilitator = GameViews.For(basis, Audience.Facilitator);
        Assert.Equal(window, facilitator.Messages.Count(m => m.To.IsEmpty));
        Assert.True(facilitator.MessageCount > facilitator.Messages.Length, "no channel passed its window");
        Assert.Equal(6 * 2 * (window + 40), compared);
    }

    private static string Json(GameView view) => JsonSerializer.Serialize(view, GameJson.Options);
}
