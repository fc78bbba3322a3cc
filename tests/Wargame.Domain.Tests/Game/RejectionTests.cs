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
        var decision = Rules.Decide(state, command);
        Assert.False(decision.IsAccepted, $"{command} was accepted");
        Assert.Empty(decision.Events);
        Assert.False(string.IsNullOrWhiteSpace(decision.Rejection!.Message));
        return decision.Rejection.Code;
    }

    private static GameState InOrders(string scenario = "treaty-path") => TestScenarios.Start(scenario).AdvanceTo(Phase.Orders);

    [Fact]
    public void PlayerCallingAFacilitatorOperation_IsRefused()
    {
        var state = TestScenarios.Start("treaty-path");

        Assert.Equal("facilitator-only", Code(state, new AdvancePhase(Actor.Player(Role.US))));
        Assert.Equal("facilitator-only", Code(state, new InjectEvent(Actor.Player(Role.RU), "drone-swarm", null, null, [])));
        Assert.Equal("facilitator-only", Code(state, new EndGame(Actor.Player(Role.UA))));
    }

    [Fact]
    public void AcceptingAProposalYouAreNotPartyTo_IsRefused()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);
        var guarantee = state.World.Agreements.Single(a => a.Kind == AgreementKind.Guarantee);

        Assert.Equal("not-a-party", Code(state, new RespondToProposal(Actor.Player(Role.RU), guarantee.Id, ProposalResponse.Accept)));
    }

    [Fact]
    public void WithdrawingSomeoneElsesProposal_IsRefused()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);

        Assert.Equal("not-proposer", Code(state, new RespondToProposal(Actor.Player(Role.UA), 1, ProposalResponse.Withdraw)));
    }

    [Fact]
    public void OrdersOutsideTheOrdersPhase_AreRefused()
    {
        var state = TestScenarios.Start("treaty-path").AdvanceTo(Phase.Negotiation);

        Assert.Equal("not-orders-phase", Code(state, new SubmitOrders(Actor.Player(Role.UA), new UkraineOrders(UkrainePosture.Hold, false))));
    }

    [Fact]
    public void OrdersOfAnotherRolesKind_AreRefused()
    {
        Assert.Equal("wrong-orders-kind", Code(InOrders(), new SubmitOrders(Actor.Player(Role.UA), new RussiaOrders(RussiaPosture.MajorOffensive, true, false))));
    }

    [Theory]
    [InlineData(-10001, "negative-troops")]
    [InlineData(5_000_000, "absurd-troops")]
    [InlineData(-5_000_000, "absurd-troops")]
    public void ImpossibleTroopCounts_AreRefused(int change, string code)
    {
        Assert.Equal(code, Code(InOrders(), new SubmitOrders(Actor.Player(Role.US), new GuarantorOrders { TroopChange = change })));
    }

    [Fact]
    public void EuropeDeployingMoreThanItHas_IsRefused()
    {
        Assert.Equal("troops-unavailable", Code(InOrders(), new SubmitOrders(Actor.Player(Role.EU), new GuarantorOrders { TroopChange = 30_000 })));
    }

    [Fact]
    public void RespondingToATestThatDidNotHappen_IsRefused()
    {
        Assert.Equal("no-test-to-answer", Code(InOrders(), new SubmitOrders(Actor.Player(Role.US), new GuarantorOrders { Response = TestResponse.Fight })));
    }

    [Fact]
    public void ProposalWithUnknownTerms_IsRefusedNamingTheField()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);
        var decision = Rules.Decide(state, new Propose(Actor.Player(Role.US), new GuaranteeTerms { Guarantors = [Role.US], LegalForm = (LegalForm)42 }));

        Assert.Equal("invalid-terms", decision.Rejection!.Code);
        Assert.Contains("legalForm", decision.Rejection.Message);
    }

    [Fact]
    public void ProposalWithoutTerms_IsRefused()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);

        Assert.Equal("invalid-terms", Code(state, new Propose(Actor.Player(Role.UA), null!)));
    }

    [Fact]
    public void GuaranteeNamingRussiaAsGuarantor_IsRefused()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);

        Assert.Equal("invalid-terms", Code(state, new Propose(Actor.Player(Role.UA), new GuaranteeTerms { Guarantors = [Role.RU] })));
    }

    [Fact]
    public void ProposingTermsYouAreNotPartyTo_IsRefused()
    {
        var state = TestScenarios.Start("oval-office-2025").AdvanceTo(Phase.Negotiation);

        Assert.Equal("proposer-not-party", Code(state, new Propose(Actor.Player(Role.EU), new CeasefireTerms())));
    }

    [Fact]
    public void AdjustmentBeyondHalfALogitOrWithoutReason_IsRefused()
    {
        var state = InOrders("budapest-redux").Advance();
        var rolled = state.Outcomes[^1].Records.First(r => r.Adjustable);

        Assert.Equal("adjustment-out-of-range", Code(state, new AdjustAdjudication(Actor.Facilitator, rolled.Id, 0.75, "Too much")));
        Assert.Equal("reason-required", Code(state, new AdjustAdjudication(Actor.Facilitator, rolled.Id, 0.25, "  ")));
        Assert.Equal("unknown-record", Code(state, new AdjustAdjudication(Actor.Facilitator, "T9-Z-nothing", 0.25, "Why not")));
    }

    [Fact]
    public void RecordWithoutARoll_CannotBeAdjusted()
    {
        var state = InOrders().Advance();
        var commitment = state.Outcomes[^1].Records.First(r => r.Title == "Commitment");

        Assert.Equal("record-not-adjustable", Code(state, new AdjustAdjudication(Actor.Facilitator, commitment.Id, 0.25, "Seminar view")));
    }

    [Fact]
    public void PlayersCannotActWhilePaused()
    {
        var state = TestScenarios.Start("treaty-path").Apply(new PauseGame(Actor.Facilitator) { Now = DateTimeOffset.UnixEpoch });

        Assert.Equal("game-paused", Code(state, new PostMessage(Actor.Player(Role.UA), [], "hello")));
    }

    [Fact]
    public void RevealBeforeTheEnd_IsRefused()
    {
        Assert.Equal("game-not-ended", Code(TestScenarios.Start("treaty-path"), new RevealAll(Actor.Facilitator)));
    }

    [Fact]
    public void UnknownCard_AndInjectOnUnknownQuantity_AreRefused()
    {
        var state = TestScenarios.Start("treaty-path");

        Assert.Equal("unknown-card", Code(state, new InjectEvent(Actor.Facilitator, "no-such-card", null, null, [])));
        Assert.Equal("unknown-quantity", Code(state, new InjectEvent(Actor.Facilitator, null, "Rumour", "A rumour spreads.", [new InjectEffect("RU.morale", 0.1)])));
    }

    [Fact]
    public void PlayerActorWithoutRole_OrWithAnUndefinedRole_IsRefused()
    {
        var state = TestScenarios.Start("treaty-path");

        Assert.Equal("no-role", Code(state, new PostMessage(new Actor(ActorKind.Player, null), [], "hi")));
        Assert.Equal("unknown-role", Code(state, new PostMessage(Actor.Player((Role)9), [], "hi")));
    }

    [Fact]
    public void NullCommand_IsRefusedNotThrown()
    {
        Assert.Equal("missing-command", Code(TestScenarios.Start("treaty-path"), null!));
    }

    [Fact]
    public void SubmittingNullOrders_IsRefused()
    {
        Assert.Equal("missing-orders", Code(InOrders(), new SubmitOrders(Actor.Player(Role.RU), null!)));
    }
}
