using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Negotiation;

public sealed class AgreementLifecycleTests
{
    /// <summary>A US-mediated ceasefire proposal on the table, in the negotiation phase.</summary>
    private static (GameState State, int Proposal) Negotiating()
    {
        var state = Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Negotiation)
            .Apply(new Propose(Actor.Player(Role.US), new CeasefireTerms { DmzWidthKm = 15, Mediators = [Role.US] }));
        return (state, Newest(state));
    }

    private static Agreement Agreement(GameState state, int id) => state.World.Agreements.Single(a => a.Id == id);

    private static int Newest(GameState state) => state.World.Agreements[^1].Id;

    [Fact]
    public void ProposalAcceptedByEveryParty_IsSignedWhenNegotiationCloses()
    {
        var (state, id) = Negotiating();
        state = state.Play(
            new RespondToProposal(Actor.Player(Role.UA), id, ProposalResponse.Accept),
            new RespondToProposal(Actor.Player(Role.RU), id, ProposalResponse.Accept));

        Assert.Equal(AgreementStatus.Accepted, Agreement(state, id).Status);
        Assert.Null(state.World.Ceasefire);

        var advance = Rules.Apply(state, new AdvancePhase(Actor.Facilitator));

        Assert.Contains(new AgreementSigned(id, AgreementStatus.InForce), advance.Events);
        Assert.Equal(AgreementStatus.InForce, Agreement(advance.State, id).Status);
        Assert.Equal(1, Agreement(advance.State, id).SignedTurn);
        Assert.Equal(id, advance.State.World.Ceasefire!.Id);
    }

    [Fact]
    public void OneRejection_EndsTheProposal()
    {
        var (state, id) = Negotiating();
        state = state.Apply(new RespondToProposal(Actor.Player(Role.RU), id, ProposalResponse.Reject));

        Assert.Equal(AgreementStatus.Rejected, Agreement(state, id).Status);
        Assert.Equal(ProposalAnswer.Rejected, Agreement(state, id).Responses[Role.RU]);
    }

    [Fact]
    public void Counter_MarksTheOriginalCounteredAndOpensANewProposal()
    {
        var (state, id) = Negotiating();
        state = state.Apply(new CounterProposal(Actor.Player(Role.RU), id, new CeasefireTerms { NatoNonAccessionPledge = true, Mediators = [Role.US] }));

        var original = Agreement(state, id);
        var counter = Agreement(state, Newest(state));
        Assert.Equal(AgreementStatus.Countered, original.Status);
        Assert.Equal(counter.Id, original.CounteredBy);
        Assert.Equal(id, counter.CounterOf);
        Assert.Equal(Role.RU, counter.Proposer);
        Assert.Equal(ProposalAnswer.Accepted, counter.Responses[Role.RU]);
        Assert.Equal(ProposalAnswer.Pending, counter.Responses[Role.UA]);
    }

    [Fact]
    public void ProposerWithdraws_ThenNobodyCanAccept()
    {
        var (state, id) = Negotiating();
        state = state.Apply(new RespondToProposal(Actor.Player(Role.US), id, ProposalResponse.Withdraw));

        Assert.Equal(AgreementStatus.Withdrawn, Agreement(state, id).Status);
        Assert.Equal("proposal-closed", Rules.Decide(state, new RespondToProposal(Actor.Player(Role.UA), id, ProposalResponse.Accept)).Rejection!.Code);
    }

    [Fact]
    public void UsTreaty_AwaitsRatificationUntilTheSenateRollSucceeds()
    {
        var state = Fixture.Start(Fixture.Table() with { Turns = 12 }).AdvanceTo(Phase.Negotiation)
            .Apply(new Propose(Actor.Player(Role.US), Fixture.Treaty(Role.US)));
        var treaty = Newest(state);
        state = state.Apply(new RespondToProposal(Actor.Player(Role.UA), treaty, ProposalResponse.Accept)).Advance();

        Assert.Equal(AgreementStatus.AwaitingRatification, Agreement(state, treaty).Status);
        Assert.Empty(state.World.GuaranteesInForce);

        // Seek ratification every turn until the Senate roll succeeds; each roll is recorded for the US only.
        for (var turn = 0; turn < 10 && Agreement(state, treaty).Status == AgreementStatus.AwaitingRatification && !state.Ended; turn++)
        {
            state = state.Resolve((Role.US, new GuarantorOrders { SeekRatification = true }));
            var record = state.Outcomes[^1].Records.Single(r => r.Kind == RecordKind.Ratification);
            Assert.Equal([Role.US], record.VisibleTo.ToArray());
            Assert.Equal(record.Roll <= record.ThresholdBp, Agreement(state, treaty).Status == AgreementStatus.InForce);
            if (!state.Ended) state = state.Advance();
        }
        Assert.Equal(AgreementStatus.InForce, Agreement(state, treaty).Status);
    }

    [Fact]
    public void RevokingAGuarantee_CostsTheGuarantorTheLossItsEventCarries()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Guarantee(Fixture.Treaty(Role.US, Role.EU))));
        var guarantee = state.World.GuaranteesInForce.Single();
        var before = state.World[Role.US].Reputation;

        var revoked = Rules.Apply(state, new RevokeAgreement(Actor.Player(Role.US), guarantee.Id, "Congress cut the funds"));

        var loss = state.Constants.Value(RuleKey.RenegeLoss) * guarantee.Reputation[Role.US] * state.Constants.Value(RuleKey.RenegeSpread);
        Assert.Equal(new AgreementRevoked(guarantee.Id, Role.US, "Congress cut the funds", loss), Assert.Single(revoked.Events));
        Assert.Equal(AgreementStatus.Revoked, Agreement(revoked.State, guarantee.Id).Status);
        Assert.Contains("Congress cut the funds", Agreement(revoked.State, guarantee.Id).StatusReason);
        Assert.Equal(before - loss, revoked.State.World[Role.US].Reputation, 12);
    }

    [Fact]
    public void NewCeasefire_SupersedesTheOldOne()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire()));
        var old = state.World.Ceasefire!.Id;
        state = state.AdvanceTo(Phase.Negotiation).Apply(new Propose(Actor.Player(Role.UA), new CeasefireTerms { DmzWidthKm = 30 }));
        var ceasefire = Newest(state);
        state = state.Apply(new RespondToProposal(Actor.Player(Role.RU), ceasefire, ProposalResponse.Accept)).Advance();

        Assert.Equal(AgreementStatus.Expired, Agreement(state, old).Status);
        Assert.Equal(ceasefire, state.World.Ceasefire!.Id);
    }
}
