using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Tests.Adjudication;

/// <summary>
/// What guarantors do with a commitment during play: hedge it, draw down the troops behind it, fight under it at
/// home, watch the line with peacekeepers, and let an economic stake mature.
/// </summary>
public sealed class CommitmentInPlayTests
{
    private static readonly RussiaOrders MajorOffensive = new(RussiaPosture.MajorOffensive, false, false);
    private static readonly RulesTable Rules = RulesTable.Default;

    /// <summary>A ceasefire (#1) and a US executive agreement (#2) that names no troops; the US has 10,000 there at signing.</summary>
    private static Scenario UsAgreement(Func<GuaranteeTerms, GuaranteeTerms>? change = null)
    {
        var terms = new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic };
        return Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(change is null ? terms : change(terms)));
    }

    private static ResolutionRecord Record(GameState state, RecordKind kind) => state.Outcomes[^1].Records.Single(r => r.Kind == kind);

    private static GuarantorOrders Says(CommitmentChangeKind change) => new() { Statement = new CommitmentStatement(2, change) };

    private static double Commitment(GameState state) => state.Outcomes[^1].Metrics.Credibility.Single().Commitment;

    // Hedging

    [Fact]
    public void AWeakeningStatement_LowersCommitment_AndTheAgreementKeepsItsReason()
    {
        var quiet = Fixture.Start(UsAgreement()).Resolve();
        var hedged = Fixture.Start(UsAgreement()).Resolve((Role.US, Says(CommitmentChangeKind.Weaken)));

        var statement = Record(hedged, RecordKind.Statement);
        Assert.Equal(-Rules.Value(StatementShift), statement.Terms[0].Value);
        Assert.Equal(Rules[StatementShift].Source, statement.Terms[0].Source);
        Assert.Contains("Korea 1950", statement.Precedent, StringComparison.Ordinal);
        Assert.Equal(Deterrence.Logit(Commitment(quiet)) - Rules.Value(StatementShift), Deterrence.Logit(Commitment(hedged)), 9);
        var change = hedged.World.Agreement(2).Changes.Single();
        Assert.Equal((1, Role.US, CommitmentChangeKind.Weaken), (change.Turn, change.Guarantor, change.Change));
        Assert.Contains("defence perimeter", change.Reason, StringComparison.Ordinal);
        Assert.Equal(change.Reason, GameViews.For(hedged, Audience.Of(Role.RU)).Agreements.Single(a => a.Id == 2).Changes.Single().Reason);
    }

    [Fact]
    public void AddingAnAmbiguityClauseInPlay_LowersCommitment_AndDroppingItRestoresIt()
    {
        var added = Fixture.Start(UsAgreement()).Resolve((Role.US, Says(CommitmentChangeKind.AddAmbiguity)));
        var quiet = Fixture.Start(UsAgreement()).Resolve();

        Assert.True(added.World.Agreement(2).Ambiguity);
        Assert.Equal(Deterrence.Logit(Commitment(quiet)) - Rules.Value(AmbiguityClause), Deterrence.Logit(Commitment(added)), 9);
        var dropped = added.Advance().Resolve((Role.US, Says(CommitmentChangeKind.DropAmbiguity)));
        Assert.False(dropped.World.Agreement(2).Ambiguity);
        Assert.Equal(2, dropped.World.Agreement(2).Changes.Length);
    }

    [Fact]
    public void AStatementIsRefused_ForAClauseThatIsNotThere_OrAGuaranteeThatIsNotYours()
    {
        var orders = Fixture.Start(UsAgreement()).AdvanceTo(Phase.Orders);

        var noClause = LeftOut(orders, Role.US, Says(CommitmentChangeKind.DropAmbiguity));
        var notYours = LeftOut(orders, Role.EU, Says(CommitmentChangeKind.Strengthen));

        Assert.Equal(new RefusedPart("Statement", "no-ambiguity", "Guarantee #2 has no ambiguity clause to drop."), noClause);
        Assert.Equal(new RefusedPart("Statement", "not-your-guarantee", "Guarantee #2 is not one of your guarantees in force."), notYours);
        Assert.Null(((GuarantorOrders)PhaseTable.StandingOrders(Role.US, Says(CommitmentChangeKind.Strengthen))).Statement);
    }

    /// <summary>The one part of accepted orders that was left out.</summary>
    private static RefusedPart LeftOut(GameState state, Role role, Orders orders) =>
        Assert.Single(Wargame.Domain.Game.Rules.Apply(state, new SubmitOrders(Actor.Player(role), orders)).RefusedParts);

    [Fact]
    public void AStrengtheningStatementAboutASecretGuarantee_MakesItPublic()
    {
        var state = Fixture.Start(UsAgreement(t => t with { Public = false })).Resolve((Role.US, Says(CommitmentChangeKind.Strengthen)));

        Assert.True(state.World.Agreement(2).Disclosed);
        Assert.Contains(GameViews.For(state, Audience.Of(Role.RU)).Agreements, a => a.Id == 2);
        Assert.True(state.Outcomes[^1].Metrics.Deterrence > 0);
    }

    // Withdrawal

    [Fact]
    public void DrawingTroopsBelowWhatWasThereAtSigning_IsADetectedBreach_WithAudienceCost_EvenWhenNoTroopsAreNamed()
    {
        var state = Fixture.Start(UsAgreement()).Resolve((Role.US, new GuarantorOrders { TroopChange = -9_000 }));

        var drawdown = Record(state, RecordKind.Drawdown);
        Assert.Equal(10_000, drawdown.Terms[0].Value);
        Assert.Equal(1_000, drawdown.Terms[1].Value);
        Assert.Contains(drawdown.Terms, t => t.Source == Rules[DrawdownAudienceShare].Source);
        var agreement = state.World.Agreement(2);
        Assert.Equal(1, agreement.Breaches);
        Assert.Equal(1, agreement.DrawdownTurn[Role.US]);
        var expectedCost = Rules.Value(DrawdownAudienceShare) * Rules.Value(AudienceCostScale) * (1 + Rules.Value(FormExecutive));
        Assert.Equal(-Math.Round(expectedCost, 2), state.Outcomes[^1].Scores.Single(s => s.Role == Role.US).Lines.Single(l => l.Because.Contains("drew troops", StringComparison.Ordinal)).Points);
        Assert.Equal(0.6 - Rules.Value(DrawdownRenegeShare) * Rules.Value(RenegeLoss) * 0.6, agreement.Reputation[Role.US], 9);
        Assert.Contains(state.World[Role.US].ReputationHistory, e => e.Turn == 1 && e.Change < 0);
    }

    [Fact]
    public void TheKoreaPrecedent_AttachesToATestTurnsAfterTheDrawdown()
    {
        var state = Fixture.Start(UsAgreement()).Resolve((Role.US, new GuarantorOrders { TroopChange = -9_000 }))
            .Advance().Resolve()
            .Advance().Resolve((Role.RU, MajorOffensive));

        Assert.Contains("Korea 1950", Record(state, RecordKind.GuaranteeTested).Precedent, StringComparison.Ordinal);
        var answered = state.Advance().Resolve((Role.US, new GuarantorOrders { Response = TestResponse.Nothing }));
        Assert.Contains("Korea 1950", Record(answered, RecordKind.Reputation).Precedent, StringComparison.Ordinal);
    }

    [Fact]
    public void AScriptedWithdrawal_IsDetected_AndTheBotDoesNotQuietlyUndoIt()
    {
        var card = new EventCard("drawdown", "Troops come home", "Washington brings most of its troops home.", 2, [new InjectEffect("US.troops", -9_000)]);
        var state = Fixture.Start(UsAgreement().WithCards(card)).Resolve().Advance().AdvanceTo(Phase.Orders);

        Assert.Equal(1_000, state.World[Role.US].Troops);
        var orders = (GuarantorOrders)((SubmitOrders)BotPolicy.Decide(state, Role.US).Single()).Orders;
        Assert.Equal(0, orders.TroopChange);
        var resolved = state.Apply(new SubmitOrders(Actor.Player(Role.US), orders)).Advance();
        Assert.Single(resolved.Outcomes[^1].Records, r => r.Kind == RecordKind.Drawdown);
    }

    [Fact]
    public void Capability_FallsWithTheTroopsPresent_TheEnablerBonusScaledDown()
    {
        var full = Fixture.Start(UsAgreement());
        var nearlyGone = Fixture.Start(UsAgreement().WithTroops(Role.US, 500));

        double Enablers(GameState s) => Deterrence.Capability(s.World, s.Constants, [Role.US], false).Terms.Single(t => t.Formula == "En_S").Value;

        var floor = Rules.Value(EnablerFloor);
        Assert.Equal(Rules.Value(EnablersWithUs), Enablers(full), 12);
        Assert.Equal(Rules.Value(EnablersWithUs) * (floor + (1 - floor) * 500 / Rules.Value(EnablerFullTroops)), Enablers(nearlyGone), 12);
    }

    // Domestic institutions

    [Fact]
    public void FightingUnderAVerbalMemorandum_MeetsTheWarPowersCheck()
    {
        var tested = Fixture.Start(UsAgreement(t => t with { LegalForm = LegalForm.Verbal })).Resolve((Role.RU, MajorOffensive)).Advance();
        var state = tested.Resolve((Role.US, new GuarantorOrders { Response = TestResponse.Fight }));

        var check = Record(state, RecordKind.CongressBlocks);
        Assert.Equal(Dice.ToBasisPoints(Rules.Value(WarPowersVerbal)), check.ThresholdBp);
        Assert.Equal(Rules[WarPowersVerbal].Source, check.Terms.Single().Source);
    }

    [Fact]
    public void EuropesElectionTurn_DoublesItsReversalChance()
    {
        var scenario = Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(new GuaranteeTerms { Guarantors = [Role.EU], LegalForm = LegalForm.ExecutiveAgreement }));
        var quiet = Fixture.Start(scenario).Resolve();
        var election = Fixture.Start(scenario).WithHidden(Role.EU, HiddenQuantity.EuropeanElectionTurn.Name(), 1).Resolve();

        Assert.Equal(Record(quiet, RecordKind.Reversal).ThresholdBp * 2, Record(election, RecordKind.Reversal).ThresholdBp);
        Assert.Contains(Record(election, RecordKind.Reversal).Terms, t => t.Name == "election turn");
    }

    [Fact]
    public void InstitutionalErosionBeforeTheGame_LowersTheReputationAndCommitmentOfNewGuarantees()
    {
        var eroded = Fixture.Table() with
        {
            Roles = [.. Fixture.Table().Roles.Select(r => r.Role == Role.US
                ? r with { Reputation = 0.6, ReputationHistory = [new ReputationEntry(-2, -0.15, "abrogated trade deals")] }
                : r)],
        };
        var state = Fixture.Start(eroded);

        Assert.Equal(0.45, state.World[Role.US].Reputation, 12);
        Assert.Equal("abrogated trade deals", GameViews.For(state, Audience.Public).Forces.Single(f => f.Role == Role.US).ReputationHistory.Single().Reason);
        var proposed = AgreementLifecycle.Create(state.World, 9, Role.US, new GuaranteeTerms { Guarantors = [Role.US] }, 1, null);
        Assert.Equal(0.45, proposed.Reputation[Role.US], 12);
    }

    [Fact]
    public void ReputationHistory_IsReadFromAScenarioFile()
    {
        var yaml = File.ReadAllText(Path.Combine(TestScenarios.Directory, "treaty-path.yaml")).Replace("    reputation: 0.6\n", "    reputation: 0.6\n    reputationHistory:\n      - { turn: -3, change: -0.1, reason: \"tariffs on allies\" }\n", StringComparison.Ordinal);
        var scenario = ScenarioParser.Parse("treaty-path.yaml", yaml);

        Assert.Empty(scenario.Errors);
        Assert.Equal(new ReputationEntry(-3, -0.1, "tariffs on allies"), scenario.Scenario!.For(Role.US).ReputationHistory.Single());
    }

    // Peacekeepers, monitors, mediators

    [Fact]
    public void ArmedPeacekeepers_LowerTheHazardMoreThanUnarmedMonitors_AndAttributeLess()
    {
        double Hazard(Monitoring monitoring) => Deterrence.Hazard(Fixture.Start(Fixture.Table(Fixture.Ceasefire(new CeasefireTerms { Monitoring = monitoring, MonitorsFrom = ["OSCE"] }))).World, Rules, 0, false).Value;

        Assert.Equal(Hazard(Monitoring.None) * Rules.Value(HrMonitors), Hazard(Monitoring.UnarmedMonitors), 12);
        Assert.Equal(Hazard(Monitoring.None) * Rules.Value(HrPeacekeepers), Hazard(Monitoring.ArmedPeacekeepers), 12);
        Assert.True(Rules.Value(AttributionWithPeacekeepers) < Rules.Value(AttributionWithMonitors));
    }

    [Fact]
    public void AGuarantorsPeacekeepers_CanBeDrawnIntoAnOffensive_WhileNeutralOnesCannot()
    {
        Scenario Watched(string from) => Fixture.Table(Fixture.Ceasefire(new CeasefireTerms { Monitoring = Monitoring.ArmedPeacekeepers, MonitorsFrom = [from] }))
            .WithTroops(Role.US, 0).WithRules((DrawnInPeacekeepers, 1));

        var guarantors = Fixture.Start(Watched("US")).Resolve((Role.RU, MajorOffensive));
        var neutral = Fixture.Start(Watched("UN")).Resolve((Role.RU, MajorOffensive));

        var drawn = Record(guarantors, RecordKind.DrawnIn);
        Assert.Equal(10_000, drawn.ThresholdBp);
        Assert.Single(guarantors.Outcomes[^1].Records, r => r.Kind == RecordKind.Rally && r.Subject.StartsWith("United States", StringComparison.Ordinal));
        Assert.DoesNotContain(neutral.Outcomes[^1].Records, r => r.Kind is RecordKind.DrawnIn);
        Assert.DoesNotContain(neutral.Outcomes[^1].Records, r => r.Kind == RecordKind.Rally && r.Subject.StartsWith("United States", StringComparison.Ordinal));
    }

    [Fact]
    public void AMediatedCeasefire_HasALowerHazard()
    {
        var plain = Deterrence.Hazard(Fixture.Start(Fixture.Table(Fixture.Ceasefire())).World, Rules, 0, false);
        var mediated = Deterrence.Hazard(Fixture.Start(Fixture.Table(Fixture.Ceasefire(new CeasefireTerms { Mediators = [Role.US] }))).World, Rules, 0, false);

        Assert.Equal(plain.Value * Rules.Value(HrMediators), mediated.Value, 12);
        Assert.Contains(mediated.Terms, t => t.Source == Rules[HrMediators].Source);
    }

    // Economic stakes

    [Fact]
    public void AMineralsStake_GrowsTurnByTurnUntilItCountsInFull()
    {
        var state = Fixture.Start(UsAgreement(t => t with { EconomicStake = EconomicStake.MineralsWithPersonnel }));
        var stakes = new List<double>();
        for (var turn = 1; turn <= 4; turn++)
        {
            state = state.Resolve();
            stakes.Add(Record(state, RecordKind.Commitment).Terms.Single(t => t.Formula == "E_i").Value);
            if (turn < 4)
                state = state.Advance();
        }

        var initial = Rules.Value(StakeInitialShare);
        var full = Rules.Value(StakeWithPersonnel);
        Assert.Equal(full * initial, stakes[0], 12);
        Assert.Equal(full * (initial + (1 - initial) * 3 / Rules.Value(StakeMaturityTurns)), stakes[3], 12);
        Assert.Equal(stakes.Order(), stakes);
        Assert.Equal(full, full * Deterrence.StakeMaturity(Rules, (int)Rules.Value(StakeMaturityTurns)), 12);
    }
}
