using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Negotiation;

public sealed class AgreementLifecycleTests
{
    private static GameState Negotiating(string scenario = "oval-office-2025") => TestScenarios.Start(scenario).AdvanceTo(Phase.Negotiation);

    private static Agreement Agreement(GameState state, int id) => state.World.Agreements.Single(a => a.Id == id);

    private static int Newest(GameState state) => state.World.Agreements[^1].Id;

    [Fact]
    public void ProposalAcceptedByEveryParty_IsSignedWhenNegotiationCloses()
    {
        var state = Negotiating()
            .Apply(new RespondToProposal(Actor.Player(Role.UA), 1, ProposalResponse.Accept))
            .Apply(new RespondToProposal(Actor.Player(Role.RU), 1, ProposalResponse.Accept));

        Assert.Equal(AgreementStatus.Accepted, Agreement(state, 1).Status);
        Assert.Null(state.World.Ceasefire);

        state = state.Advance();

        Assert.Equal(AgreementStatus.InForce, Agreement(state, 1).Status);
        Assert.Equal(1, Agreement(state, 1).SignedTurn);
        Assert.Equal(1, state.World.Ceasefire!.Id);
    }

    [Fact]
    public void OneRejection_EndsTheProposal()
    {
        var state = Negotiating().Apply(new RespondToProposal(Actor.Player(Role.RU), 1, ProposalResponse.Reject));

        Assert.Equal(AgreementStatus.Rejected, Agreement(state, 1).Status);
        Assert.Equal(ProposalAnswer.Rejected, Agreement(state, 1).Responses[Role.RU]);
    }

    [Fact]
    public void Counter_MarksTheOriginalCounteredAndOpensANewProposal()
    {
        var state = Negotiating().Apply(new CounterProposal(Actor.Player(Role.RU), 1, new CeasefireTerms { NatoNonAccessionPledge = true, Mediators = [Role.US] }));

        var original = Agreement(state, 1);
        var counter = Agreement(state, Newest(state));
        Assert.Equal(AgreementStatus.Countered, original.Status);
        Assert.Equal(counter.Id, original.CounteredBy);
        Assert.Equal(1, counter.CounterOf);
        Assert.Equal(Role.RU, counter.Proposer);
        Assert.Equal(ProposalAnswer.Accepted, counter.Responses[Role.RU]);
        Assert.Equal(ProposalAnswer.Pending, counter.Responses[Role.UA]);
    }

    [Fact]
    public void ProposerWithdraws_ThenNobodyCanAccept()
    {
        var state = Negotiating().Apply(new RespondToProposal(Actor.Player(Role.US), 1, ProposalResponse.Withdraw));

        Assert.Equal(AgreementStatus.Withdrawn, Agreement(state, 1).Status);
        Assert.Equal("proposal-closed", Rules.Decide(state, new RespondToProposal(Actor.Player(Role.UA), 1, ProposalResponse.Accept)).Rejection!.Code);
    }

    [Fact]
    public void UsTreaty_AwaitsRatificationUntilTheSenateRollSucceeds()
    {
        var state = Negotiating();
        var terms = new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.RatifiedTreaty, Trigger = Trigger.Automatic };
        state = state.Apply(new Propose(Actor.Player(Role.US), terms));
        var treaty = Newest(state);
        state = state.Apply(new RespondToProposal(Actor.Player(Role.UA), treaty, ProposalResponse.Accept)).Advance();

        Assert.Equal(AgreementStatus.AwaitingRatification, Agreement(state, treaty).Status);
        Assert.Empty(state.World.GuaranteesInForce);

        // Seek ratification every turn until the Senate roll succeeds; each roll is recorded for the US only.
        for (var turn = 0; turn < 8 && Agreement(state, treaty).Status == AgreementStatus.AwaitingRatification && !state.Ended; turn++)
        {
            state = state.AdvanceTo(Phase.Orders).Apply(new SubmitOrders(Actor.Player(Role.US), new GuarantorOrders { SeekRatification = true })).Advance();
            var record = state.Outcomes[^1].Records.Single(r => r.Title == "Senate ratification");
            Assert.Equal([Role.US], record.VisibleTo.ToArray());
            Assert.Equal(record.Roll <= record.ThresholdBp, Agreement(state, treaty).Status == AgreementStatus.InForce);
            if (!state.Ended) state = state.Advance();
        }
        Assert.Equal(AgreementStatus.InForce, Agreement(state, treaty).Status);
    }

    [Fact]
    public void RevokingAGuarantee_CostsTheGuarantorReputation()
    {
        var state = TestScenarios.Start("treaty-path");
        var before = state.World[Role.US].Reputation;

        state = state.Apply(new RevokeAgreement(Actor.Player(Role.US), 2, "Congress cut the funds"));

        Assert.Equal(AgreementStatus.Revoked, Agreement(state, 2).Status);
        Assert.Contains("Congress cut the funds", Agreement(state, 2).StatusReason);
        Assert.True(state.World[Role.US].Reputation < before);
    }

    [Fact]
    public void NewCeasefire_SupersedesTheOldOne()
    {
        var state = TestScenarios.Start("treaty-path").AdvanceTo(Phase.Negotiation)
            .Apply(new Propose(Actor.Player(Role.UA), new CeasefireTerms { DmzWidthKm = 30 }));
        var ceasefire = Newest(state);
        state = state.Apply(new RespondToProposal(Actor.Player(Role.RU), ceasefire, ProposalResponse.Accept)).Advance();

        Assert.Equal(AgreementStatus.Expired, Agreement(state, 1).Status);
        Assert.Equal(ceasefire, state.World.Ceasefire!.Id);
    }
}
