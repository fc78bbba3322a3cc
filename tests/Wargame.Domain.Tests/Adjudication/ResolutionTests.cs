using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Tests.Adjudication;

public sealed class ResolutionTests
{
    private static readonly RussiaOrders MajorOffensive = new(RussiaPosture.MajorOffensive, false, false);

    /// <summary>A ceasefire (#1) and a US–European treaty (#2) whose tripwires are the troops each guarantor has there.</summary>
    private static Scenario CeasefireAndTreaty()
    {
        var table = Fixture.Table();
        return Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(Fixture.Treaty(Role.US, Role.EU).WithTripwires(table)));
    }

    /// <summary>A ceasefire (#1) and a verbal memorandum of both guarantors (#2) with no troops on the ground.</summary>
    private static Scenario Memorandum() =>
        Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(new GuaranteeTerms { Guarantors = [Role.US, Role.EU] }))
            .WithTroops(Role.US, 0).WithTroops(Role.EU, 0);

    private static ImmutableArray<ResolutionRecord> Records(GameState state) => state.Outcomes[^1].Records;

    private static ResolutionRecord Record(GameState state, RecordKind kind) => Records(state).Single(r => r.Kind == kind);

    [Fact]
    public void StepsRunInTheFixedOrderAToH()
    {
        var state = Fixture.Start(CeasefireAndTreaty()).Resolve((Role.RU, MajorOffensive));
        var steps = Records(state).Select(r => r.Kind.Step()).ToArray();

        Assert.Equal(steps.Order(), steps);
        Assert.Equal([ResolutionStep.A, ResolutionStep.B, ResolutionStep.C, ResolutionStep.D, ResolutionStep.E, ResolutionStep.G, ResolutionStep.H], steps.Distinct());
    }

    [Fact]
    public void ATurnWithAnsweredTestsAndANewAttack_StillRunsAToHInOrder()
    {
        var tested = Fixture.Start(Memorandum()).Resolve((Role.RU, MajorOffensive)).Advance();
        var state = tested.Resolve(
            (Role.RU, MajorOffensive),
            (Role.US, new GuarantorOrders { Response = TestResponse.Fight }),
            (Role.EU, new GuarantorOrders { Response = TestResponse.Nothing }));

        var steps = Records(state).Select(r => r.Kind.Step()).ToArray();
        Assert.Equal(steps.Order(), steps);
        Assert.Contains(ResolutionStep.F, steps);
        Assert.Single(Records(state), r => r.Kind == RecordKind.Denial);
        Assert.Single(Records(state), r => r.Kind == RecordKind.Offensive);
    }

    [Fact]
    public void Offensive_IsDetectedAsAViolation_AndTestsEveryGuarantor()
    {
        var start = Fixture.Start(CeasefireAndTreaty());
        var (ceasefireId, guaranteeId) = (start.World.Ceasefire!.Id, start.World.GuaranteesInForce.Single().Id);

        var state = start.Resolve((Role.RU, MajorOffensive));

        var ceasefire = state.World.Agreements.Single(a => a.Id == ceasefireId);
        Assert.Equal(AgreementStatus.Violated, ceasefire.Status);
        Assert.Equal([Role.RU], ceasefire.Violators.ToArray());
        Assert.True(state.World.CeasefireEverCollapsed);
        Assert.True(state.Outcomes[^1].CeasefireCollapsed);
        Assert.Equal([Role.US, Role.EU], state.World.PendingTests.Select(t => t.Guarantor).ToArray());
        Assert.Equal(RecordKinds.Id(1, RecordKind.GuaranteeTested, $"g{guaranteeId}"), Record(state, RecordKind.GuaranteeTested).Id);
        Assert.Single(Records(state), r => r.Kind == RecordKind.OffensiveViolation);
    }

    [Fact]
    public void ProbeIsABreach_TheCeasefireStillHolds()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire())).Resolve((Role.RU, new RussiaOrders(RussiaPosture.Probe, false, false)));

        var ceasefire = state.World.Ceasefire!;
        Assert.True(ceasefire.Breaches >= 1);
        Assert.Contains(Role.RU, ceasefire.Violators);
        Assert.Single(Records(state), r => r.Kind == RecordKind.ProbeViolation);
    }

    [Fact]
    public void HonouringATest_RaisesReputation_RenegingLowersIt_AndCostsAudienceCosts()
    {
        var executive = new GuaranteeTerms { LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic };
        var tested = Fixture.Start(Fixture.Table(
                Fixture.Guarantee(executive with { Guarantors = [Role.EU] }),
                Fixture.Guarantee(executive with { Guarantors = [Role.US] })))
            .Resolve((Role.RU, MajorOffensive)).Advance();
        var (europe, us) = (tested.World.Agreements[0].Id, tested.World.Agreements[1].Id);
        var euBefore = tested.World.Agreements[0].Reputation[Role.EU];
        var usBefore = tested.World.Agreements[1].Reputation[Role.US];
        var usForm = tested.World.Agreements[1].Form;

        var after = tested.Resolve(
            (Role.EU, new GuarantorOrders { Response = TestResponse.Limited }),
            (Role.US, new GuarantorOrders { Response = TestResponse.Nothing }));

        var rules = after.Constants;
        var eu = after.World.Agreements.Single(a => a.Id == europe);
        var usGuarantee = after.World.Agreements.Single(a => a.Id == us);
        Assert.Equal(AgreementStatus.Tested, eu.Status);
        Assert.Equal(euBefore + rules.Value(HonourGain) * (1 - euBefore), eu.Reputation[Role.EU], 9);
        Assert.Equal(AgreementStatus.Violated, usGuarantee.Status);
        Assert.Equal(usBefore - rules.Value(RenegeLoss) * usBefore, usGuarantee.Reputation[Role.US], 9);
        Assert.Contains(Role.US, usGuarantee.Violators);
        var audienceCost = rules.Value(AudienceCostScale) * (1 + rules.Value(Deterrence.FormKey(usForm)));
        var usScore = after.Outcomes[^1].Scores.Single(s => s.Role == Role.US);
        Assert.Contains(usScore.Lines, l => l.Objective == "audience costs" && l.Points == Math.Round(-audienceCost, 2));
        Assert.Equal([new TestOutcome(europe, Role.EU, "Limited", true), new TestOutcome(us, Role.US, "Nothing", false)], after.Outcomes[^1].Tests.ToArray());
    }

    [Fact]
    public void MissingOrders_FallBackToTheStandingPosture()
    {
        var state = Fixture.Start(Fixture.Table()).Resolve((Role.UA, new UkraineOrders(UkrainePosture.Fortify, true)));
        state = state.Advance().Resolve();

        Assert.Equal(PhaseTable.StandingOrders(Role.UA, new UkraineOrders(UkrainePosture.Fortify, true)), state.ResolvedOrders[Role.UA]);
        Assert.Equal(new UkraineOrders(UkrainePosture.Fortify, false), state.ResolvedOrders[Role.UA]);
    }

    [Fact]
    public void OrdersTakeEffect_ByTheAmountsInTheTable()
    {
        var start = Fixture.Start(Fixture.Table());
        var rules = start.Constants;

        var state = start.Resolve(
            (Role.UA, new UkraineOrders(UkrainePosture.Fortify, Mobilise: true)),
            (Role.RU, new RussiaOrders(RussiaPosture.Comply, Rearm: true, SanctionsEvasion: false)),
            (Role.EU, new GuarantorOrders { RaiseSpending = true }));

        Assert.Equal(start.World[Role.UA].Troops + (int)rules.Value(MobiliseTroops), state.World[Role.UA].Troops);
        Assert.Equal(start.World.Hidden(HiddenQuantity.Morale) - rules.Value(MobiliseMoraleCost), state.World.Hidden(HiddenQuantity.Morale), 9);
        Assert.Equal(start.World.Hidden(HiddenQuantity.Readiness) - rules.Value(MobiliseReadinessCost) + rules.Value(FortifyReadinessGain), state.World.Hidden(HiddenQuantity.Readiness), 9);
        Assert.Equal((int)Math.Round(start.World[Role.RU].Troops * (1 + rules.Value(RearmShare))), state.World[Role.RU].Troops);
        Assert.Equal(start.World.Hidden(HiddenQuantity.Rearmament) + 1, state.World.Hidden(HiddenQuantity.Rearmament));
        Assert.Equal(start.World.Hidden(HiddenQuantity.ForceAvailability) + rules.Value(SpendingForceGain), state.World.Hidden(HiddenQuantity.ForceAvailability));
    }

    [Fact]
    public void EveryRollRecord_HasTermsThresholdRollAndCounterfactual()
    {
        var state = Fixture.Start(Memorandum()).Resolve((Role.RU, MajorOffensive));

        var rolled = Records(state).Where(r => r.Roll is not null).ToArray();
        Assert.NotEmpty(rolled);
        Assert.All(rolled, r =>
        {
            Assert.InRange(r.Roll!.Value, 1, 10_000);
            Assert.InRange(r.ThresholdBp!.Value, 0, 10_000);
            Assert.NotEmpty(r.Terms);
            Assert.All(r.Terms, t => Assert.False(string.IsNullOrEmpty(t.Tag) || string.IsNullOrEmpty(t.Source)));
            Assert.False(string.IsNullOrWhiteSpace(r.Counterfactual));
        });
        Assert.Contains(Records(state), r => r.Precedent?.StartsWith("Budapest 1994", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Counterfactuals_ReadTheTurnsOwnConstants()
    {
        var scenario = Memorandum().WithRules((TripwireCoefficient, 0.7), (ReversalVerbal, 0));
        var state = Fixture.Start(scenario).Resolve((Role.RU, MajorOffensive));

        var tested = Record(state, RecordKind.GuaranteeTested);
        Assert.Contains($"T_i would add {Fmt.Two(Deterrence.Tripwire(state.Constants, 10_000))}", tested.Counterfactual);
        Assert.NotEqual(Fmt.Two(Deterrence.Tripwire(RulesTable.Default, 10_000)), Fmt.Two(Deterrence.Tripwire(state.Constants, 10_000)));
        // r_form 0 for a verbal commitment: the treaty counterfactual is still a number, not a division by zero.
        Assert.All(Records(state).Where(r => r.Kind == RecordKind.Reversal), r => Assert.DoesNotContain("NaN", r.Counterfactual));
    }

    [Fact]
    public void FacilitatorAdjustment_ShiftsTheThresholdByTheLogit_KeepsTheRollAndLogsTheReason()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire())).Resolve();
        var record = Record(state, RecordKind.Incident);
        var logit = PhaseTable.Limits.AdjustmentMaxLogit;

        var adjusted = state.Apply(new AdjustAdjudication(Actor.Facilitator, record.Id, logit, "Monitors report heavy shelling"));

        var after = adjusted.Outcomes[^1].Records.Single(r => r.Id == record.Id);
        Assert.Equal(record.Roll, after.Roll);
        Assert.Equal(Dice.ToBasisPoints(Deterrence.Sigmoid(Deterrence.Logit(state.Constants.Value(MinorIncident)) + logit)), after.ThresholdBp);
        Assert.Equal(logit, after.Adjustment);
        Assert.Equal("Monitors report heavy shelling", after.AdjustmentReason);
        Assert.Equal(state.Outcomes.Length, adjusted.Outcomes.Length);
    }

    [Fact]
    public void AdjustmentWindow_ClosesWhenTheNextTurnBegins()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire())).Resolve().Advance();
        var record = state.Outcomes[^1].Records.First(r => r.Adjustable);

        Assert.Equal("adjustment-window-closed", Rules.Decide(state, new AdjustAdjudication(Actor.Facilitator, record.Id, 0.3, "Late")).Rejection!.Code);
    }

    [Fact]
    public void DomesticReversal_DropsTheFormToVerbal_AndCommitmentFalls()
    {
        // The table's override makes an executive agreement certain to be reversed (r = 1, no damping by the stake).
        var terms = new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement, EconomicStake = EconomicStake.MineralsDeal };
        var start = Fixture.Start(Fixture.Table(Fixture.Guarantee(terms)).WithRules((ReversalExecutive, 1.0), (ReversalStakeDamping, 0)), seed: 5);
        var before = Deterrence.Assess(start.World, start.Constants).Guarantors.Single().Commitment;

        var state = start.Resolve();

        var agreement = state.World.GuaranteesInForce.Single();
        var record = Record(state, RecordKind.Reversal);
        Assert.Equal(LegalForm.Verbal, agreement.CurrentForm);
        Assert.Equal(LegalForm.ExecutiveAgreement, ((GuaranteeTerms)agreement.Terms).LegalForm);
        Assert.Contains("domestic reversal", agreement.StatusReason);
        Assert.Equal([Role.US], record.VisibleTo.ToArray());
        Assert.NotNull(record.Precedent);
        Assert.Contains(record.Terms, t => t.Tag == "SCENARIO");
        Assert.True(Deterrence.Assess(state.World, state.Constants).Guarantors.Single().Commitment < before);
    }

    [Fact]
    public void ScheduledCard_FiresInItsTurn_AndAppliesItsEffects()
    {
        var hearing = new EventCard("hearing", "A hearing", "Senators ask about the cost.", 2, [new InjectEffect("US.congressMood", -0.1)]);
        var loose = new EventCard("reshuffle", "A reshuffle", "Hardliners rise.", null, [new InjectEffect("RU.resolve", 0.15)]);
        var state = Fixture.Start(Fixture.Table().WithCards(hearing, loose));
        var before = state.World.Hidden(HiddenQuantity.CongressMood);

        state = state.Resolve().Advance().AdvanceTo(Phase.Negotiation);

        Assert.Equal(["hearing"], state.Injects.Select(i => i.CardId));
        Assert.Equal(before + hearing.Effects[0].Delta, state.World.Hidden(HiddenQuantity.CongressMood), 9);
    }

    [Fact]
    public void SpoilerPressure_ForcesASpoilerRollAgainstTheHazard()
    {
        const double pressure = 2;
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire()))
            .Apply(new InjectEvent(Actor.Facilitator, null, "Spoilers", "A militia attacks the line.", [new InjectEffect("spoiler", pressure)]))
            .Resolve();

        var spoiler = Record(state, RecordKind.Spoiler);
        var hazard = Record(state, RecordKind.Hazard);
        var expected = Math.Min(10_000, hazard.ThresholdBp!.Value * pressure);
        Assert.InRange((double)spoiler.ThresholdBp!.Value, expected - 1, expected + 1);
        Assert.Equal(0, state.World.SpoilerPressure);
    }

    [Fact]
    public void SameSeedAndCommands_GiveTheSameHash_AnotherSeedAnother()
    {
        static string Play(ulong seed) => Fixture.Start(Memorandum(), seed).Resolve((Role.RU, MajorOffensive)).Hash();

        Assert.Equal(Play(11), Play(11));
        Assert.NotEqual(Play(11), Play(12));
    }
}
