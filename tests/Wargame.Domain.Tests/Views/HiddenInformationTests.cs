using System.Text.Json;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Serialization;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

public sealed class HiddenInformationTests
{
    private static string Json(GameView view) => JsonSerializer.Serialize(view, GameJson.Options);

    /// <summary>Every state of a bot game with private messages, checked after every event.</summary>
    private static IEnumerable<GameState> States(string scenario, ulong seed)
    {
        var played = BotGame.Play(TestScenarios.Load(scenario), seed);
        var state = Rules.Begin(played.Events[0]);
        yield return state;
        var channel = false;
        foreach (var e in played.Events.Skip(1))
        {
            state = Rules.Evolve(state, e);
            if (!channel && state.Phase == Phase.Negotiation)
            {
                // A private channel between Russia and the United States that Ukraine and Europe must never see.
                state = state.Apply(new PostMessage(Actor.Player(Role.RU), [Role.US], "Secret: we will rearm in turn 3"));
                channel = true;
            }
            yield return state;
        }
    }

    public static TheoryData<string> ScenarioIds() => ["oval-office-2025", "treaty-path", "budapest-redux"];

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void ARolesView_NeverContainsAnotherRolesPrivateRecords(string scenario)
    {
        var checkedStates = 0;
        foreach (var state in States(scenario, 3))
        {
            foreach (var role in RoleSet.All)
            {
                var view = GameViews.For(state, Audience.Of(role));
                var json = Json(view);
                foreach (var other in state.Scenario.Roles.Where(r => r.Role != role))
                    Assert.DoesNotContain(other.PrivateBriefing, json);
                Assert.Equal([role], view.PrivateRecords.Select(p => p.Role).ToArray());
                Assert.Equal([role], view.Hidden.Select(h => h.Role).ToArray());
                Assert.All(view.Orders, o => Assert.Equal(role, o.Role));
                Assert.All(view.Scores, s => Assert.Equal(role, s.Role));
                Assert.All(view.Metrics, m => Assert.All(m.Scores.Keys, k => Assert.Equal(role, k)));
                Assert.All(view.Records, r => Assert.True(r.VisibleTo.IsEmpty || r.VisibleTo.Contains(role), $"{role} sees {r.Id}"));
                Assert.Empty(view.EventDeck);
                Assert.All(view.Intelligence, i => Assert.Equal(role, i.For));
                Assert.All(view.Injects, i => Assert.Empty(i.Effects));
                if (role != Role.RU)
                {
                    Assert.Null(view.RussianOutlook);
                    Assert.All(view.Metrics, m => Assert.Null(m.Hazard));
                }
                if (role is Role.UA or Role.EU)
                    Assert.DoesNotContain("Secret: we will rearm", json);
            }
            checkedStates++;
        }
        Assert.True(checkedStates > 50);
    }

    [Fact]
    public void UnsubmittedOrders_AreSeenOnlyByTheirRoleAndTheFacilitator()
    {
        var state = Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Orders)
            .Apply(new SubmitOrders(Actor.Player(Role.RU), new RussiaOrders(RussiaPosture.MajorOffensive, true, false)));

        foreach (var audience in new[] { Audience.Public, Audience.Of(Role.UA), Audience.Of(Role.US), Audience.Of(Role.EU) })
        {
            var view = GameViews.For(state, audience);
            Assert.DoesNotContain("MajorOffensive", Json(view));
            Assert.True(view.Roles.Single(r => r.Role == Role.RU).OrdersSubmitted);
        }
        Assert.Equal(new RussiaOrders(RussiaPosture.MajorOffensive, true, false), GameViews.For(state, Audience.Of(Role.RU)).Orders.Single().Submitted);
        Assert.Equal(new RussiaOrders(RussiaPosture.MajorOffensive, true, false), GameViews.For(state, Audience.Facilitator).Orders.Single(o => o.Role == Role.RU).Submitted);
    }

    [Fact]
    public void PublicView_HasNoPrivateRecordHiddenQuantityOrPrivateProposal()
    {
        var state = Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Negotiation)
            .Apply(new Propose(Actor.Player(Role.EU), new GuaranteeTerms { Guarantors = [Role.EU] }))
            .Apply(new PostMessage(Actor.Player(Role.UA), [Role.EU], "Between us: our readiness is low"));

        var view = GameViews.For(state, Audience.Public);
        var json = Json(view);

        Assert.Empty(view.PrivateRecords);
        Assert.Empty(view.Hidden);
        Assert.Empty(view.Orders);
        Assert.Empty(view.Proposals);
        Assert.Null(view.RussianOutlook);
        Assert.DoesNotContain("Between us", json);
        Assert.All(state.Scenario.Roles, r => Assert.DoesNotContain(r.PrivateBriefing, json));
    }

    [Fact]
    public void ProposalsAreSeenByTheirParties_NotByOutsiders_UntilSigned()
    {
        // Europe's guarantee to Ukraine: Russia and the US are not parties.
        var state = Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Negotiation)
            .Apply(new Propose(Actor.Player(Role.EU), new GuaranteeTerms { Guarantors = [Role.EU] }));
        var id = state.World.Agreements[^1].Id;

        Assert.Contains(GameViews.For(state, Audience.Of(Role.UA)).Proposals, p => p.Id == id);
        Assert.DoesNotContain(GameViews.For(state, Audience.Of(Role.RU)).Proposals, p => p.Id == id);
        Assert.DoesNotContain(GameViews.For(state, Audience.Of(Role.US)).Proposals, p => p.Id == id);

        state = state.Apply(new RespondToProposal(Actor.Player(Role.UA), id, ProposalResponse.Accept)).Advance();

        Assert.Contains(GameViews.For(state, Audience.Of(Role.RU)).Agreements, a => a.Id == id);
        Assert.Contains(GameViews.For(state, Audience.Public).Proposals, p => p.Id == id);
    }

    [Fact]
    public void Facilitator_SeesEverything_AndAfterRevealEveryoneDoes()
    {
        var card = new EventCard("reshuffle", "A reshuffle", "Hardliners rise.", null, []);
        var state = Fixture.Start(Fixture.Table().WithCards(card));
        var facilitator = GameViews.For(state, Audience.Facilitator);

        Assert.Equal(4, facilitator.PrivateRecords.Length);
        Assert.Equal(4, facilitator.Hidden.Length);
        Assert.Equal(state.Scenario.Events.Length, facilitator.EventDeck.Length);
        Assert.NotNull(facilitator.RussianOutlook);

        var revealed = state.Apply(new EndGame(Actor.Facilitator)).Apply(new RevealAll(Actor.Facilitator));
        var observer = GameViews.For(revealed, Audience.Public);

        Assert.Equal(4, observer.PrivateRecords.Length);
        Assert.Equal(4, observer.Hidden.Length);
        Assert.NotNull(observer.RussianOutlook);
    }

    [Fact]
    public void Intelligence_EstimatesOtherRolesHiddenQuantitiesWithinItsStatedRange()
    {
        var state = Fixture.Start(Fixture.Table(), seed: 17);
        var truth = state.World.Hidden(HiddenQuantity.Resolve);

        var us = GameViews.For(state, Audience.Of(Role.US)).Intelligence.Single(i => i.About == Role.RU && i.Quantity == "resolve");

        Assert.InRange(truth, us.Low, us.High);
        Assert.NotEqual(truth, us.Estimate);
        Assert.Equal(us, GameViews.For(state, Audience.Of(Role.US)).Intelligence.Single(i => i.About == Role.RU && i.Quantity == "resolve"));
        Assert.Empty(GameViews.For(state, Audience.Public).Intelligence);
    }

    [Fact]
    public void RussiasViewShowsItsExpectedUtilityLine_AndItsHazard()
    {
        var view = GameViews.For(Fixture.Start(Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(new GuaranteeTerms { Guarantors = [Role.US] }))), Audience.Of(Role.RU));

        var outlook = view.RussianOutlook!;
        Assert.Equal(4, outlook.Options.Length);
        Assert.All(outlook.Options.Where(o => o.Posture != RussiaPosture.Comply), o => Assert.Equal((1 - outlook.Deterrence) * o.Gain - outlook.Deterrence * o.CostOfWar, o.ExpectedUtility, 9));
        // Under a ceasefire complying is worth keeping it.
        Assert.Equal(RulesTable.Default.Value(RuleKey.CeasefireValue), outlook.Options.Single(o => o.Posture == RussiaPosture.Comply).ExpectedUtility);
        Assert.True(outlook.HazardIfRearming > outlook.Hazard);
    }
}
