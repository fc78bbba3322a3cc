using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Adjudication;

public sealed class ResolutionTests
{
    private static GameState Resolve(GameState state, params (Role Role, Orders Orders)[] orders)
    {
        state = state.AdvanceTo(Phase.Orders);
        foreach (var (role, o) in orders)
            state = state.Apply(new SubmitOrders(Actor.Player(role), o));
        return state.Advance();
    }

    private static readonly RussiaOrders MajorOffensive = new(RussiaPosture.MajorOffensive, false, false);

    [Fact]
    public void StepsRunInTheFixedOrderAToH()
    {
        var state = Resolve(TestScenarios.Start("treaty-path"), (Role.RU, MajorOffensive));
        var steps = state.Outcomes[^1].Records.Select(r => r.Step).ToArray();

        Assert.Equal(steps.Order(), steps);
        Assert.Equal([ResolutionStep.A, ResolutionStep.B, ResolutionStep.C, ResolutionStep.D, ResolutionStep.E, ResolutionStep.G, ResolutionStep.H], steps.Distinct());
    }

    [Fact]
    public void ATurnWithAnsweredTestsAndANewAttack_StillRunsAToHInOrder()
    {
        var tested = Resolve(TestScenarios.Start("budapest-redux"), (Role.RU, MajorOffensive)).Advance();
        var state = Resolve(tested,
            (Role.RU, MajorOffensive),
            (Role.US, new GuarantorOrders { Response = TestResponse.Fight }),
            (Role.EU, new GuarantorOrders { Response = TestResponse.Nothing }));

        var steps = state.Outcomes[^1].Records.Select(r => r.Step).ToArray();
        Assert.Equal(steps.Order(), steps);
        Assert.Contains(ResolutionStep.F, steps);
        Assert.Contains(state.Outcomes[^1].Records, r => r.Title == "Deny Russia its objective");
        Assert.Contains(state.Outcomes[^1].Records, r => r.Title == "Major offensive");
    }

    [Fact]
    public void Offensive_IsDetectedAsAViolation_AndTestsEveryGuarantor()
    {
        var state = Resolve(TestScenarios.Start("treaty-path"), (Role.RU, MajorOffensive));

        var ceasefire = state.World.Agreements.Single(a => a.Id == 1);
        Assert.Equal(AgreementStatus.Violated, ceasefire.Status);
        Assert.Equal([Role.RU], ceasefire.Violators.ToArray());
        Assert.True(state.World.CeasefireEverCollapsed);
        Assert.True(state.Outcomes[^1].CeasefireCollapsed);
        Assert.Equal([Role.US, Role.EU], state.World.PendingTests.Select(t => t.Guarantor).ToArray());
        Assert.Contains(state.Outcomes[^1].Records, r => r.Title == "Guarantee tested" && r.Subject.StartsWith("guarantee #2", StringComparison.Ordinal));
    }

    [Fact]
    public void ProbeIsABreach_TheCeasefireStillHolds()
    {
        var state = Resolve(TestScenarios.Start("treaty-path"), (Role.RU, new RussiaOrders(RussiaPosture.Probe, false, false)));

        var ceasefire = state.World.Ceasefire!;
        Assert.Equal(1, ceasefire.Id);
        Assert.True(ceasefire.Breaches >= 1);
        Assert.Contains(Role.RU, ceasefire.Violators);
    }

    [Fact]
    public void HonouringATest_RaisesReputation_RenegingLowersItAndSpreads()
    {
        var tested = Resolve(TestScenarios.Start("coalition-of-the-willing"), (Role.RU, MajorOffensive)).Advance();
        var euBefore = tested.World.Agreements.Single(a => a.Id == 2).Reputation[Role.EU];
        var usBefore = tested.World.Agreements.Single(a => a.Id == 3).Reputation[Role.US];

        var after = Resolve(tested,
            (Role.EU, new GuarantorOrders { Response = TestResponse.Limited }),
            (Role.US, new GuarantorOrders { Response = TestResponse.Nothing }));

        var eu = after.World.Agreements.Single(a => a.Id == 2);
        var us = after.World.Agreements.Single(a => a.Id == 3);
        Assert.Equal(AgreementStatus.Tested, eu.Status);
        Assert.Equal(euBefore + 0.1 * (1 - euBefore), eu.Reputation[Role.EU], 9);
        Assert.Equal(AgreementStatus.Violated, us.Status);
        Assert.Equal(usBefore - 0.2 * usBefore, us.Reputation[Role.US], 9);
        Assert.Contains(Role.US, us.Violators);
        var usScore = after.Outcomes[^1].Scores.Single(s => s.Role == Role.US);
        Assert.Contains(usScore.Lines, l => l.Objective == "audience costs" && l.Points < 0);
        Assert.Equal([new TestOutcome(2, Role.EU, "Limited", true), new TestOutcome(3, Role.US, "Nothing", false)], after.Outcomes[^1].Tests.ToArray());
    }

    [Fact]
    public void MissingOrders_FallBackToTheStandingPosture()
    {
        var state = Resolve(TestScenarios.Start("oval-office-2025"), (Role.UA, new UkraineOrders(UkrainePosture.Fortify, true)));
        state = Resolve(state.Advance());

        Assert.Equal(new UkraineOrders(UkrainePosture.Fortify, false), state.ResolvedOrders[Role.UA]);
    }

    [Fact]
    public void EveryRollRecord_HasTermsThresholdRollAndCounterfactual()
    {
        var state = Resolve(TestScenarios.Start("budapest-redux"), (Role.RU, MajorOffensive));

        var rolled = state.Outcomes[^1].Records.Where(r => r.Roll is not null).ToArray();
        Assert.NotEmpty(rolled);
        Assert.All(rolled, r =>
        {
            Assert.InRange(r.Roll!.Value, 1, 10_000);
            Assert.InRange(r.ThresholdBp!.Value, 0, 10_000);
            Assert.NotEmpty(r.Terms);
            Assert.All(r.Terms, t => Assert.False(string.IsNullOrEmpty(t.Tag) || string.IsNullOrEmpty(t.Source)));
            Assert.False(string.IsNullOrWhiteSpace(r.Counterfactual));
        });
        Assert.Contains(state.Outcomes[^1].Records, r => r.Precedent?.StartsWith("Budapest 1994", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void FacilitatorAdjustment_ShiftsTheThresholdByTheLogit_KeepsTheRollAndLogsTheReason()
    {
        var state = Resolve(TestScenarios.Start("budapest-redux"));
        var record = state.Outcomes[^1].Records.First(r => r.Title == "Minor incident");

        var adjusted = state.Apply(new AdjustAdjudication(Actor.Facilitator, record.Id, 0.5, "Monitors report heavy shelling"));

        var after = adjusted.Outcomes[^1].Records.Single(r => r.Id == record.Id);
        Assert.Equal(record.Roll, after.Roll);
        Assert.Equal(Dice.ToBasisPoints(Deterrence.Sigmoid(Deterrence.Logit(0.5) + 0.5)), after.ThresholdBp);
        Assert.Equal(0.5, after.Adjustment);
        Assert.Equal("Monitors report heavy shelling", after.AdjustmentReason);
        Assert.Equal(state.Outcomes.Length, adjusted.Outcomes.Length);
    }

    [Fact]
    public void AdjustmentWindow_ClosesWhenTheNextTurnBegins()
    {
        var state = Resolve(TestScenarios.Start("budapest-redux")).Advance();
        var record = state.Outcomes[^1].Records.First(r => r.Adjustable);

        Assert.Equal("adjustment-window-closed", Rules.Decide(state, new AdjustAdjudication(Actor.Facilitator, record.Id, 0.3, "Late")).Rejection!.Code);
    }

    [Fact]
    public void DomesticReversal_DropsTheFormToVerbal_AndCommitmentFalls()
    {
        // A scenario override makes an executive agreement certain to be reversed (r = 1 before damping).
        var scenario = TestScenarios.Load("minerals-first") with
        {
            RuleOverrides = System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty.Add("reversalExecutive", 1.0).Add("reversalStakeDamping", 0),
        };
        var start = Rules.Begin(Rules.Start(scenario, 5));
        var before = Deterrence.Assess(start.World, start.Constants).Guarantors.Single().Commitment;

        var state = Resolve(start);

        var agreement = state.World.Agreements.Single(a => a.Id == 2);
        var record = state.Outcomes[^1].Records.Single(r => r.Title == "Domestic reversal");
        Assert.Equal(LegalForm.Verbal, agreement.CurrentForm);
        Assert.Equal(LegalForm.ExecutiveAgreement, ((GuaranteeTerms)agreement.Terms).LegalForm);
        Assert.Contains("domestic reversal", agreement.StatusReason);
        Assert.Equal([Role.US], record.VisibleTo.ToArray());
        Assert.Equal("Leeds 2003: a change of government abandons a commitment", record.Precedent);
        Assert.Contains(record.Terms, t => t.Tag == "SCENARIO");
        Assert.True(Deterrence.Assess(state.World, state.Constants).Guarantors.Single().Commitment < before);
    }

    [Fact]
    public void ScheduledCard_FiresInItsTurn_AndAppliesItsEffects()
    {
        var state = TestScenarios.Start("treaty-path");
        var congressBefore = state.World.Hidden(HiddenQuantity.CongressMood);
        for (var i = 0; i < 4; i++)
            state = Resolve(state).Advance();
        state = state.AdvanceTo(Phase.Negotiation);

        Assert.Equal(["drone-swarm", "senate-cost-hearing"], state.Injects.Select(i => i.CardId));
        Assert.Equal(congressBefore - 0.1, state.World.Hidden(HiddenQuantity.CongressMood), 9);
    }

    [Fact]
    public void SpoilerPressure_ForcesASpoilerRollAgainstTheHazard()
    {
        var state = TestScenarios.Start("budapest-redux")
            .Apply(new InjectEvent(Actor.Facilitator, null, "Spoilers", "A militia attacks the line.", [new InjectEffect("spoiler", 2)]));
        state = Resolve(state);

        var spoiler = state.Outcomes[^1].Records.Single(r => r.Title == "Spoiler attack");
        var hazard = state.Outcomes[^1].Records.Single(r => r.Title == "Ceasefire hazard");
        Assert.InRange(spoiler.ThresholdBp!.Value, Math.Min(10_000, hazard.ThresholdBp!.Value * 2) - 1, Math.Min(10_000, hazard.ThresholdBp.Value * 2) + 1);
        Assert.Equal(0, state.World.SpoilerPressure);
    }

    [Fact]
    public void SameSeedAndCommands_GiveTheSameHash_AnotherSeedAnother()
    {
        static string Play(ulong seed) => Resolve(TestScenarios.Start("budapest-redux", seed), (Role.RU, MajorOffensive)).Hash();

        Assert.Equal(Play(11), Play(11));
        Assert.NotEqual(Play(11), Play(12));
    }
}
