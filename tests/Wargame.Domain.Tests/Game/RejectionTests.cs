using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Game;

public sealed class RejectionTests
{
    private static string Code(GameState state, GameCommand command)
    {
        var applied = Rules.Apply(state, command);
        Assert.False(applied.IsAccepted, $"{command} was accepted");
        Assert.Empty(applied.Events);
        Assert.Same(state, applied.State);
        Assert.False(string.IsNullOrWhiteSpace(applied.Rejection!.Message));
        return applied.Rejection.Code;
    }

    /// <summary>A ceasefire and a US–European treaty on a table built here.</summary>
    private static GameState Table() => Fixture.Start(Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(Fixture.Treaty(Role.US, Role.EU))));

    private static GameState InOrders() => Table().AdvanceTo(Phase.Orders);

    private static GameState Negotiating() => Table().AdvanceTo(Phase.Negotiation);

    [Fact]
    public void PlayerCallingAFacilitatorOperation_IsRefused()
    {
        var state = Table();

        Assert.Equal("facilitator-only", Code(state, new AdvancePhase(Actor.Player(Role.US))));
        Assert.Equal("facilitator-only", Code(state, new InjectEvent(Actor.Player(Role.RU), "any-card", null, null, [])));
        Assert.Equal("facilitator-only", Code(state, new EndGame(Actor.Player(Role.UA))));
    }

    [Fact]
    public void TheFacilitatorIssuingAPlayersCommand_IsRefused()
    {
        Assert.Equal("players-only", Code(InOrders(), new SubmitOrders(Actor.Facilitator, new UkraineOrders(UkrainePosture.Hold, false))));
        Assert.Equal("players-only", Code(Negotiating(), new Propose(Actor.Facilitator, new CeasefireTerms())));
    }

    [Fact]
    public void AcceptingAProposalYouAreNotPartyTo_IsRefusedAsIfItDidNotExist()
    {
        var state = Negotiating().Apply(new Propose(Actor.Player(Role.EU), new GuaranteeTerms { Guarantors = [Role.EU] }));
        var guarantee = state.World.Agreements[^1];

        Assert.Equal("unknown-proposal", Code(state, new RespondToProposal(Actor.Player(Role.RU), guarantee.Id, ProposalResponse.Accept)));
    }

    [Fact]
    public void WithdrawingSomeoneElsesProposal_IsRefused()
    {
        var state = Negotiating().Apply(new Propose(Actor.Player(Role.US), new CeasefireTerms { Mediators = [Role.US] }));

        Assert.Equal("not-proposer", Code(state, new RespondToProposal(Actor.Player(Role.UA), state.World.Agreements[^1].Id, ProposalResponse.Withdraw)));
    }

    [Fact]
    public void OrdersOutsideTheOrdersPhase_AreRefused()
    {
        var state = Negotiating();

        Assert.Equal("not-orders-phase", Code(state, new SubmitOrders(Actor.Player(Role.UA), new UkraineOrders(UkrainePosture.Hold, false))));
    }

    [Fact]
    public void OrdersOfAnotherRolesKind_AreRefused()
    {
        Assert.Equal("wrong-orders-kind", Code(InOrders(), new SubmitOrders(Actor.Player(Role.UA), new RussiaOrders(RussiaPosture.MajorOffensive, true, false))));
    }

    /// <summary>Submits a guarantor's orders that are accepted: the parts left out, and the orders that stand.</summary>
    private static (IReadOnlyList<(string Part, string Code)> Refused, GuarantorOrders Stands) Without(GameState state, Role role, GuarantorOrders orders)
    {
        var applied = Rules.Apply(state, new SubmitOrders(Actor.Player(role), orders));
        Assert.True(applied.IsAccepted, applied.Rejection?.Message);
        Assert.All(applied.RefusedParts, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        return ([.. applied.RefusedParts.Select(p => (p.Part, p.Code))], (GuarantorOrders)applied.State.SubmittedOrders[role]);
    }

    [Fact]
    public void ImpossibleTroopCounts_AreLeftOut_AndTheRestOfTheOrdersStands()
    {
        var state = InOrders();
        var max = PhaseTable.Limits.MaxTroopChange;
        GuarantorOrders Change(int troops) => new() { TroopChange = troops, ArmsAndIntelligence = true, Sanctions = SanctionsChange.Up };

        foreach (var (troops, code) in new[] { (-state.World[Role.US].Troops - 1, "negative-troops"), (max + 1, "absurd-troops"), (-max - 1, "absurd-troops") })
        {
            var (refused, stands) = Without(state, Role.US, Change(troops));
            Assert.Equal([("Troop change", code)], refused);
            Assert.Equal(Change(0), stands);
        }
    }

    [Fact]
    public void EuropeDeployingMoreThanItHas_IsLeftOut()
    {
        var state = InOrders();
        var beyond = (int)state.World.Hidden(HiddenQuantity.ForceAvailability) - state.World[Role.EU].Troops + 1;

        var (refused, stands) = Without(state, Role.EU, new GuarantorOrders { TroopChange = beyond, RaiseSpending = true });

        Assert.Equal([("Troop change", "troops-unavailable")], refused);
        Assert.Equal(new GuarantorOrders { RaiseSpending = true }, stands);
    }

    [Fact]
    public void RespondingToATestThatDidNotHappen_IsLeftOut()
    {
        var (refused, stands) = Without(InOrders(), Role.US, new GuarantorOrders { Response = TestResponse.Fight, TroopChange = 500 });

        Assert.Equal([("Response", "no-test-to-answer")], refused);
        Assert.Equal(new GuarantorOrders { TroopChange = 500 }, stands);
    }

    [Fact]
    public void SeekingRatificationWithNothingToRatify_IsLeftOut_AndTheAnswerSaysWhich()
    {
        var orders = new GuarantorOrders { TroopChange = 1_000, ArmsAndIntelligence = true, Sanctions = SanctionsChange.Up, SeekRatification = true };

        var decision = Rules.Decide(InOrders(), new SubmitOrders(Actor.Player(Role.US), orders));

        Assert.True(decision.IsAccepted);
        Assert.Equal<GameEvent>(new OrdersSubmitted(Role.US, orders with { SeekRatification = false }), Assert.Single(decision.Events));
        Assert.Equal(
            "Accepted without 'Seek ratification': No signed treaty is waiting for ratification by the Senate. Everything else stands; correct the part and send again if you want it.",
            Decision.Describe(decision.RefusedParts));
    }

    [Fact]
    public void EachInvalidPart_IsNamed_AndOnlyThoseAreLeftOut()
    {
        var orders = new GuarantorOrders
        {
            TroopChange = 2_000,
            SeekRatification = true,
            RaiseSpending = true,
            Statement = new CommitmentStatement(99, CommitmentChangeKind.Strengthen),
            Sanctions = (SanctionsChange)7,
        };

        var (refused, stands) = Without(InOrders(), Role.EU, orders);

        Assert.Equal([("Sanctions", "unknown-sanctions"), ("Seek ratification", "us-only"), ("Statement", "not-your-guarantee")], refused);
        Assert.Equal(new GuarantorOrders { TroopChange = 2_000, RaiseSpending = true }, stands);
    }

    [Fact]
    public void OrdersWithoutAKnownPosture_AreStillRefusedWhole()
    {
        Assert.Equal("unknown-posture", Code(InOrders(), new SubmitOrders(Actor.Player(Role.RU), new RussiaOrders((RussiaPosture)9, true, false))));
    }

    [Fact]
    public void ProposalWithUnknownTerms_IsRefusedNamingTheField()
    {
        var state = Negotiating();
        var decision = Rules.Decide(state, new Propose(Actor.Player(Role.US), new GuaranteeTerms { Guarantors = [Role.US], LegalForm = (LegalForm)42 }));

        Assert.Equal("invalid-terms", decision.Rejection!.Code);
        Assert.Contains("legalForm", decision.Rejection.Message);
    }

    [Fact]
    public void ProposalWithoutTerms_IsRefused()
    {
        var state = Negotiating();

        Assert.Equal("invalid-terms", Code(state, new Propose(Actor.Player(Role.UA), null!)));
    }

    [Fact]
    public void GuaranteeNamingRussiaAsGuarantor_IsRefused()
    {
        var state = Negotiating();

        Assert.Equal("invalid-terms", Code(state, new Propose(Actor.Player(Role.UA), new GuaranteeTerms { Guarantors = [Role.RU] })));
    }

    [Fact]
    public void ProposingTermsYouAreNotPartyTo_IsRefused()
    {
        var state = Negotiating();

        Assert.Equal("proposer-not-party", Code(state, new Propose(Actor.Player(Role.EU), new CeasefireTerms())));
    }

    [Fact]
    public void AdjustmentBeyondHalfALogitOrWithoutReason_IsRefused()
    {
        var state = InOrders().Advance();
        var rolled = state.Outcomes[^1].Records.First(r => r.Adjustable);

        Assert.Equal("adjustment-out-of-range", Code(state, new AdjustAdjudication(Actor.Facilitator, rolled.Id, PhaseTable.Limits.AdjustmentMaxLogit + 0.25, "Too much")));
        Assert.Equal("reason-required", Code(state, new AdjustAdjudication(Actor.Facilitator, rolled.Id, 0.25, "  ")));
        Assert.Equal("unknown-record", Code(state, new AdjustAdjudication(Actor.Facilitator, "T9-Z-nothing", 0.25, "Why not")));
    }

    [Fact]
    public void RecordWithoutARoll_CannotBeAdjusted()
    {
        var state = InOrders().Advance();
        var commitment = state.Outcomes[^1].Records.First(r => r.Kind == RecordKind.Commitment);

        Assert.Equal("record-not-adjustable", Code(state, new AdjustAdjudication(Actor.Facilitator, commitment.Id, 0.25, "Seminar view")));
    }

    [Fact]
    public void PlayersCannotActWhilePaused()
    {
        var state = Table().Apply(new PauseGame(Actor.Facilitator) { Now = DateTimeOffset.UnixEpoch });

        Assert.Equal("game-paused", Code(state, new PostMessage(Actor.Player(Role.UA), [], "hello")));
    }

    [Fact]
    public void RevealBeforeTheEnd_IsRefused()
    {
        Assert.Equal("game-not-ended", Code(Table(), new RevealAll(Actor.Facilitator)));
    }

    [Fact]
    public void UnknownCard_AndInjectOnUnknownQuantity_AreRefused()
    {
        var state = Table();

        Assert.Equal("unknown-card", Code(state, new InjectEvent(Actor.Facilitator, "no-such-card", null, null, [])));
        Assert.Equal("unknown-quantity", Code(state, new InjectEvent(Actor.Facilitator, null, "Rumour", "A rumour spreads.", [new InjectEffect("RU.morale", 0.1)])));
    }

    [Fact]
    public void PlayerActorWithoutRole_OrWithAnUndefinedRole_IsRefused()
    {
        var state = Table();

        Assert.Equal("no-role", Code(state, new PostMessage(new Actor(ActorKind.Player, null), [], "hi")));
        Assert.Equal("unknown-role", Code(state, new PostMessage(Actor.Player((Role)9), [], "hi")));
    }

    [Fact]
    public void NullCommand_IsRefusedNotThrown()
    {
        Assert.Equal("missing-command", Code(Table(), null!));
    }

    [Fact]
    public void SubmittingNullOrders_IsRefused()
    {
        Assert.Equal("missing-orders", Code(InOrders(), new SubmitOrders(Actor.Player(Role.RU), null!)));
    }
}
