using FsCheck;
using FsCheck.Fluent;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Tests.Game;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Turns;

public sealed class ItemActionsPropertyTests
{
    private static readonly string[] Scenarios = ["treaty-path", "oval-office-2025", "budapest-redux"];

    private static Arbitrary<(int Scenario, ulong Seed, Step[] Steps)> Games() =>
        Gen.Choose(0, Scenarios.Length - 1)
            .Zip(Gen.Choose(0, int.MaxValue).Select(s => (ulong)s))
            .Zip(Gen.ArrayOf(Gen.Choose(0, 1000).Two().Two().Select(x => new Step(x.Item1.Item1, x.Item1.Item2, x.Item2.Item1 * 37, x.Item2.Item2 * 101)), 90))
            .Select(x => (x.Item1.Item1, x.Item1.Item2, x.Item2))
            .ToArbitrary();

    /// <summary>
    /// After every event of random games, each audience's view offers an action on a proposal, an agreement, a card or a
    /// record exactly when the rules accept that command from it, for every id in the game (ones it cannot see included).
    /// </summary>
    [Fact]
    public void TheActionsAViewOffersOnEachItem_AreExactlyTheCommandsTheRulesAccept()
    {
        var offered = new Dictionary<string, int>();
        var property = Prop.ForAll(Games(), game =>
        {
            var (_, events, _) = RandomPlay.Run(Scenarios[game.Scenario], game.Seed, game.Steps);
            var state = Rules.Begin(events[0]);
            foreach (var e in events.Skip(1))
            {
                state = Rules.Evolve(state, e);
                foreach (var role in RoleSet.All)
                    CheckPlayer(state, role, offered);
                CheckFacilitator(state, offered);
                var observer = GameViews.For(state, Audience.Public);
                Assert.All(observer.Proposals, p => Assert.Empty(p.Actions));
                Assert.All(observer.Agreements, a => Assert.False(a.CanRevoke));
                Assert.Empty(observer.AdjustableRecords);
            }
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(15), property);
        // The games reach every kind of action, so the equalities above were tested both ways.
        foreach (var kind in new[] { "Accept", "Reject", "Counter", "Withdraw", "Revoke", "Fire", "Adjust" })
            Assert.True(offered.GetValueOrDefault(kind) > 5, $"{kind} was offered {offered.GetValueOrDefault(kind)} times: the games barely reach it");
    }

    private static void CheckPlayer(GameState state, Role role, Dictionary<string, int> offered)
    {
        var view = GameViews.For(state, Audience.Of(role));
        var actor = Actor.Player(role);
        foreach (var agreement in state.World.Agreements)
        {
            var actions = view.Proposals.FirstOrDefault(p => p.Id == agreement.Id)?.Actions ?? [];
            void Expect(ProposalAction action, GameCommand command)
            {
                var accepted = Rules.Decide(state, command).IsAccepted;
                Assert.True(accepted == actions.Contains(action),
                    $"{role} on proposal {agreement.Id} ({agreement.Status}), {action}: the rules {(accepted ? "accept" : "refuse")} it, the view {(actions.Contains(action) ? "offers" : "does not offer")} it");
                if (accepted)
                    offered[action.ToString()] = offered.GetValueOrDefault(action.ToString()) + 1;
            }
            Expect(ProposalAction.Accept, new RespondToProposal(actor, agreement.Id, ProposalResponse.Accept));
            Expect(ProposalAction.Reject, new RespondToProposal(actor, agreement.Id, ProposalResponse.Reject));
            Expect(ProposalAction.Withdraw, new RespondToProposal(actor, agreement.Id, ProposalResponse.Withdraw));
            Expect(ProposalAction.Counter, new CounterProposal(actor, agreement.Id, agreement.Terms));

            var revocable = Rules.Decide(state, new RevokeAgreement(actor, agreement.Id, "Changed course")).IsAccepted;
            Assert.True(revocable == (view.Agreements.FirstOrDefault(a => a.Id == agreement.Id)?.CanRevoke ?? false),
                $"{role} revoking agreement {agreement.Id} ({agreement.Status}): the rules {(revocable ? "accept" : "refuse")} it, the view disagrees");
            if (revocable)
                offered["Revoke"] = offered.GetValueOrDefault("Revoke") + 1;
        }
        Assert.All(view.EventDeck, c => Assert.False(c.CanFire));
        Assert.Empty(view.AdjustableRecords);
    }

    private static void CheckFacilitator(GameState state, Dictionary<string, int> offered)
    {
        var view = GameViews.For(state, Audience.Facilitator);
        Assert.All(view.Proposals, p => Assert.Empty(p.Actions));
        Assert.All(view.Agreements, a => Assert.False(a.CanRevoke));
        foreach (var card in state.Scenario.Events)
        {
            var accepted = Rules.Decide(state, new InjectEvent(Actor.Facilitator, card.Id, null, null, [])).IsAccepted;
            Assert.Equal(accepted, view.EventDeck.Single(c => c.Id == card.Id).CanFire);
            if (accepted)
                offered["Fire"] = offered.GetValueOrDefault("Fire") + 1;
        }
        // Adjusting re-runs the resolution, so only the states where the table allows it at all are tried record by record.
        if (!view.Allowed.Contains(CommandKind.AdjustAdjudication))
        {
            Assert.Empty(view.AdjustableRecords);
            Assert.False(Rules.Decide(state, new AdjustAdjudication(Actor.Facilitator, view.Records.LastOrDefault()?.Id ?? "T1-A", 0.3, "Seminar judgement")).IsAccepted);
            return;
        }
        foreach (var record in view.Records)
        {
            var accepted = Rules.Decide(state, new AdjustAdjudication(Actor.Facilitator, record.Id, 0.3, "Seminar judgement")).IsAccepted;
            Assert.True(accepted == view.AdjustableRecords.Contains(record.Id), $"adjusting {record.Id}: the rules {(accepted ? "accept" : "refuse")} it, the view disagrees");
            if (accepted)
                offered["Adjust"] = offered.GetValueOrDefault("Adjust") + 1;
        }
    }
}
