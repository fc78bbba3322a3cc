using System.Text.Json;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

/// <summary>
/// Two games with the same visible play, one with extra hidden activity: an audience that cannot see that activity
/// must get byte-identical views, so no version, message id or proposal id counts what it cannot see.
/// </summary>
public sealed class HiddenCountTests
{
    private static readonly Audience[] Outsiders = [Audience.Public, Audience.Of(Role.RU)];

    private static string Json(GameView view) => JsonSerializer.Serialize(view, GameJson.Options);

    private static int LatestProposal(GameState state, Role proposer) => state.World.Agreements.Last(a => a.Proposer == proposer).Id;

    /// <summary>Plays the visible script; <paramref name="hidden"/> runs between its steps (game B only).</summary>
    private static List<GameState> Play(Func<GameState, int, GameState> hidden)
    {
        var checkpoints = new List<GameState>();
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(Fixture.Treaty(Role.US, Role.EU)))).AdvanceTo(Phase.Negotiation);
        state = hidden(state, 0);
        state = state.Apply(new PostMessage(Actor.Player(Role.UA), [], "We want a ceasefire."));
        checkpoints.Add(state);
        state = hidden(state, 1);
        state = state.Apply(new PostMessage(Actor.Player(Role.RU), [Role.UA], "Talk to us directly."));
        checkpoints.Add(state);
        state = hidden(state, 2);
        state = state.Apply(new Propose(Actor.Player(Role.UA), new CeasefireTerms { DmzWidthKm = 30 }));
        checkpoints.Add(state);
        state = hidden(state, 3);
        state = state.Apply(new RespondToProposal(Actor.Player(Role.RU), LatestProposal(state, Role.UA), ProposalResponse.Accept));
        state = state.Apply(new PostMessage(Actor.Player(Role.UA), [Role.RU], "Then it is agreed."));
        checkpoints.Add(state);
        state = hidden(state, 4);
        state = state.Advance();
        checkpoints.Add(state);
        state = state.Apply(new SubmitOrders(Actor.Player(Role.UA), new UkraineOrders(UkrainePosture.Hold, false)));
        state = hidden(state, 5);
        state = state.Apply(new SubmitOrders(Actor.Player(Role.RU), new RussiaOrders(RussiaPosture.Comply, false, false)));
        checkpoints.Add(state);
        return checkpoints;
    }

    private static GameState NoHiddenActivity(GameState state, int step) => state;

    private static GameState HiddenActivity(GameState state, int step)
    {
        var guarantee = new GuaranteeTerms { Guarantors = [Role.US, Role.EU], LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic };
        return step switch
        {
            0 => state.Apply(new PostMessage(Actor.Player(Role.UA), [Role.US], "Private: what will you guarantee?")),
            1 => state.Apply(new Propose(Actor.Player(Role.US), guarantee))
                .Apply(new PostMessage(Actor.Player(Role.US), [Role.UA, Role.EU], "Private: see our offer.")),
            2 => state.Apply(new RespondToProposal(Actor.Player(Role.EU), LatestProposal(state, Role.US), ProposalResponse.Reject))
                .Apply(new Propose(Actor.Player(Role.EU), guarantee with { LegalForm = LegalForm.Verbal })),
            3 => state.Apply(new RespondToProposal(Actor.Player(Role.EU), LatestProposal(state, Role.EU), ProposalResponse.Withdraw)),
            // Ukraine changes its submitted orders: that it has submitted is public, that it changed them is not.
            5 => state.Apply(new SubmitOrders(Actor.Player(Role.UA), new UkraineOrders(UkrainePosture.Fortify, true)))
                .Apply(new SubmitOrders(Actor.Player(Role.UA), new UkraineOrders(UkrainePosture.CounterAttack, false))),
            _ => state,
        };
    }

    [Fact]
    public void HiddenActivity_LeavesRussiasAndThePublicsViewsByteIdentical()
    {
        var plain = Play(NoHiddenActivity);
        var busy = Play(HiddenActivity);

        Assert.True(busy[^1].Version >= plain[^1].Version + 8, "game B must really have hidden events");
        for (var i = 0; i < plain.Count; i++)
        {
            foreach (var audience in Outsiders)
                Assert.Equal(Json(GameViews.For(plain[i], audience)), Json(GameViews.For(busy[i], audience)));
        }
    }

    [Fact]
    public void MessageIds_CountOnlyTheMessagesTheAudienceSees()
    {
        var busy = Play(HiddenActivity)[^1];

        Assert.Equal([1, 2, 3], GameViews.For(busy, Audience.Of(Role.RU)).Messages.Select(m => m.Id).ToArray());
        Assert.Equal([1], GameViews.For(busy, Audience.Public).Messages.Select(m => m.Id).ToArray());
        Assert.Equal(Enumerable.Range(1, 5).ToArray(), GameViews.For(busy, Audience.Facilitator).Messages.Select(m => m.Id).ToArray());
    }

    [Fact]
    public void ProposalIds_AreTheSameForEveryoneWhoSeesThem_AndCommandsUseThem()
    {
        var busy = Play(HiddenActivity)[^1];
        var id = busy.World.Agreements.Last(a => a.Proposer == Role.UA && a.Kind == AgreementKind.Ceasefire).Id;
        var ceasefire = GameViews.For(busy, Audience.Of(Role.RU)).Agreements.Single(a => a.Id == id);

        Assert.True(id >= 100_000, $"a proposal id is drawn from the seed, not counted: {id}");
        Assert.Equal(AgreementStatus.InForce, ceasefire.Status);

        Assert.Contains(GameViews.For(busy, Audience.Public).Agreements, a => a.Id == ceasefire.Id);
        Assert.Contains(GameViews.For(busy, Audience.Facilitator).Proposals, p => p.Id == ceasefire.Id && p.Status == AgreementStatus.InForce);
        Assert.Equal(busy.Version, GameViews.For(busy, Audience.Facilitator).Version);
        Assert.True(GameViews.For(busy, Audience.Of(Role.RU)).Version < busy.Version);
    }
}
