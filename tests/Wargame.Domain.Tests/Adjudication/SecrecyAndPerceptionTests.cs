using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Tests.Adjudication;

/// <summary>Public and secret guarantees (who knows, what deters, what binds) and what Russia believes of them.</summary>
public sealed class SecrecyAndPerceptionTests
{
    private static readonly RussiaOrders MajorOffensive = new(RussiaPosture.MajorOffensive, false, false);
    private static readonly RulesTable Rules = RulesTable.Default;

    /// <summary>A ceasefire (#1) and a US executive agreement (#2), public or secret, with the US's 10,000 troops at signing.</summary>
    private static Scenario ExecutiveAgreement(bool isPublic) => Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(new GuaranteeTerms
    {
        Guarantors = [Role.US],
        LegalForm = LegalForm.ExecutiveAgreement,
        Trigger = Trigger.Automatic,
        Public = isPublic,
    }));

    private static ResolutionRecord Record(GameState state, RecordKind kind) => state.Outcomes[^1].Records.Single(r => r.Kind == kind);

    [Fact]
    public void ASecretGuarantee_IsSeenOnlyByItsParties_AndTheFacilitator()
    {
        var state = Fixture.Start(ExecutiveAgreement(isPublic: false));

        foreach (var outsider in new[] { Role.RU, Role.EU })
        {
            var view = GameViews.For(state, Audience.Of(outsider));
            Assert.DoesNotContain(view.Agreements, a => a.Kind == AgreementKind.Guarantee);
            Assert.DoesNotContain(view.Proposals, p => p.Kind == AgreementKind.Guarantee);
            Assert.Empty(view.Credibility);
        }
        Assert.Empty(GameViews.For(state, Audience.Of(Role.RU)).RussianBelief!.Guarantors);
        Assert.DoesNotContain(GameViews.For(state, Audience.Public).Agreements, a => a.Kind == AgreementKind.Guarantee);
        foreach (var insider in new[] { Audience.Of(Role.US), Audience.Of(Role.UA), Audience.Facilitator })
            Assert.Single(GameViews.For(state, insider).Agreements, a => a.Kind == AgreementKind.Guarantee);
    }

    [Fact]
    public void ASecretGuarantee_DoesNotEnterDeterrence_NorRussiasEstimate_ButAPublicOneDoes()
    {
        var secret = Fixture.Start(ExecutiveAgreement(isPublic: false));
        var announced = Fixture.Start(ExecutiveAgreement(isPublic: true));

        var hidden = Deterrence.Assess(secret.World, secret.Constants);
        var shown = Deterrence.Assess(announced.World, announced.Constants);

        Assert.Equal(shown.Guarantors.Single().Credibility, hidden.Guarantors.Single().Credibility, 12);
        Assert.False(hidden.Guarantors.Single().KnownToAll);
        Assert.Equal(0, hidden.Deterrence);
        Assert.Equal(shown.Guarantors.Single().Credibility, shown.Deterrence, 12);
        Assert.Equal(0, Perception.Of(secret.World, secret.Constants, hidden, secret.Seed).Deterrence);
        Assert.True(Perception.Of(announced.World, announced.Constants, shown, announced.Seed).Deterrence > 0);
    }

    [Fact]
    public void ASecretGuaranteeLeavesTheHazard_AsIfThereWereNone()
    {
        var none = Fixture.Start(Fixture.Table(Fixture.Ceasefire())).Resolve();
        var secret = Fixture.Start(ExecutiveAgreement(isPublic: false)).Resolve();

        Assert.Equal(none.Outcomes[^1].Metrics.Hazard, secret.Outcomes[^1].Metrics.Hazard);
        Assert.Equal(0, secret.Outcomes[^1].Metrics.Deterrence);
    }

    [Fact]
    public void ASecretGuaranteeStillBindsWhenTested_ComesToLight_AndCostsTheSmallerAudienceCost()
    {
        double AudienceCost(bool isPublic)
        {
            var tested = Fixture.Start(ExecutiveAgreement(isPublic)).Resolve((Role.RU, MajorOffensive));
            if (!isPublic)
            {
                var disclosure = Record(tested, RecordKind.Disclosure);
                Assert.Empty(disclosure.VisibleTo);
                Assert.Equal(Rules[SecretPublicness].Source, disclosure.Terms.Single().Source);
                Assert.Contains(GameViews.For(tested, Audience.Of(Role.RU)).Agreements, a => a.Kind == AgreementKind.Guarantee && a.Disclosed);
            }
            var answered = tested.Advance().Resolve((Role.US, new GuarantorOrders { Response = TestResponse.Nothing }));
            return -answered.Outcomes[^1].Scores.Single(s => s.Role == Role.US).Lines.Single(l => l.Because.Contains("backed down", StringComparison.Ordinal)).Points;
        }

        var formFactor = 1 + Rules.Value(FormExecutive);
        Assert.Equal(Math.Round(Rules.Value(AudienceCostScale) * formFactor, 2), AudienceCost(isPublic: true));
        Assert.Equal(Math.Round(Rules.Value(AudienceCostScale) * Rules.Value(SecretPublicness) * formFactor, 2), AudienceCost(isPublic: false));
    }

    [Fact]
    public void RatificationDebatesAndPublicStatements_RaiseTheAudienceCost_AWeakeningStatementLowersIt()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Guarantee(Fixture.Treaty(Role.US))));
        var treaty = state.World.Agreements.Single();
        Agreement With(params CommitmentChangeKind[] changes) =>
            treaty with { Changes = [.. changes.Select(c => new CommitmentChange(1, Role.US, c, "test"))] };

        var (debated, terms) = Publicness.Of(Rules, treaty, Role.US);
        Assert.Equal(1 + Rules.Value(RatificationDebatePublicness), debated, 12);
        Assert.Contains(terms, t => t.Source == Rules[RatificationDebatePublicness].Source);
        Assert.Equal(debated + Rules.Value(StatementPublicness), Publicness.Of(Rules, With(CommitmentChangeKind.Strengthen), Role.US).Value, 12);
        Assert.Equal(debated - Rules.Value(StatementPublicness), Publicness.Of(Rules, With(CommitmentChangeKind.Weaken), Role.US).Value, 12);
        Assert.True(Publicness.AudienceCost(Rules, With(CommitmentChangeKind.Strengthen), Role.US) > Publicness.AudienceCost(Rules, treaty, Role.US));
    }

    [Fact]
    public void TermsCheck_RefusesASecretGuaranteeThatSeeksRussiasConsent_OrPassesCongress()
    {
        Assert.Contains(TermsCheck.Problems(new GuaranteeTerms { Guarantors = [Role.US], Public = false, RussianConsentSought = true }), p => p.Field == "public");
        Assert.Contains(TermsCheck.Problems(Fixture.Treaty(Role.US) with { Public = false }), p => p.Field == "public");
        Assert.Empty(TermsCheck.Problems(new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement, Public = false }));
    }

    [Fact]
    public void SigningOrRevokingASecretGuarantee_MovesOnlyItsPartiesViewVersions_AndCostsNoPublicStanding()
    {
        var state = Fixture.Start(ExecutiveAgreement(isPublic: false));

        foreach (var e in new GameEvent[] { new AgreementSigned(2, AgreementStatus.InForce), new AgreementRevoked(2, Role.US, "no longer needed", 0) })
        {
            Assert.False(AudienceVersions.Sees(state, e, Audience.Of(Role.RU)));
            Assert.False(AudienceVersions.Sees(state, e, Audience.Of(Role.EU)));
            Assert.False(AudienceVersions.Sees(state, e, Audience.Public));
            Assert.True(AudienceVersions.Sees(state, e, Audience.Of(Role.US)));
        }
        Assert.Equal(0, AgreementLifecycle.RevocationLoss(state.Constants, state.World.Agreement(2), Role.US));
        Assert.True(AgreementLifecycle.RevocationLoss(state.Constants, Fixture.Start(ExecutiveAgreement(isPublic: true)).World.Agreement(2), Role.US) > 0);
    }

    [Fact]
    public void RussiasEstimate_StaysWithinTheNoiseWidth_AndIntelligenceNarrowsIt()
    {
        var table = Fixture.Start(ExecutiveAgreement(isPublic: true));
        double MeanError(double intelligence)
        {
            var world = table.WithHidden(Role.RU, HiddenQuantity.Intelligence.Name(), intelligence).World;
            var truth = Deterrence.Assess(world, table.Constants);
            var width = Rules.Value(PerceptionNoise) * (1 - Rules.Value(IntelligenceNoiseReduction) * intelligence);
            var errors = Enumerable.Range(0, 200).Select(seed =>
            {
                var estimate = Perception.Of(world, table.Constants, truth, (ulong)seed);
                Assert.Equal(width, estimate.ErrorLogit, 12);
                var p = estimate.Guarantors.Single();
                var error = Deterrence.Logit(p.Commitment) - Deterrence.Logit(p.TrueCommitment);
                Assert.InRange(Math.Abs(error), 0, width + 1e-9);
                return error;
            }).ToArray();
            // Misperception both ways: some seeds over-estimate resolve, some under-estimate it.
            Assert.Contains(errors, e => e > 0.05 * width);
            Assert.Contains(errors, e => e < -0.05 * width);
            return errors.Average(Math.Abs);
        }

        Assert.True(MeanError(1.0) < MeanError(0.0));
    }

    [Fact]
    public void RussiaReadsItsEstimate_TheRevealShowsEstimateBesideTruth()
    {
        var state = Fixture.Start(ExecutiveAgreement(isPublic: true), seed: 7);
        var truth = Deterrence.Assess(state.World, state.Constants);
        var estimate = Perception.Of(state.World, state.Constants, truth, state.Seed);

        var russia = GameViews.For(state, Audience.Of(Role.RU));
        Assert.Equal(estimate.Deterrence, russia.Deterrence, 12);
        Assert.Equal(estimate.Guarantors.Single().Commitment, russia.Credibility.Single().Commitment, 12);
        Assert.Null(russia.RussianBelief!.TrueDeterrence);
        Assert.All(russia.RussianBelief.Guarantors, g => Assert.Null(g.TrueCommitment));
        Assert.Equal(estimate.Deterrence, russia.RussianOutlook!.Deterrence, 12);
        Assert.Null(GameViews.For(state, Audience.Of(Role.UA)).RussianBelief);
        Assert.Equal(truth.Deterrence, GameViews.For(state, Audience.Of(Role.UA)).Deterrence, 12);

        var facilitator = GameViews.For(state, Audience.Facilitator).RussianBelief!;
        Assert.Equal(truth.Deterrence, facilitator.TrueDeterrence!.Value, 12);
        Assert.Equal(truth.Guarantors.Single().Commitment, facilitator.Guarantors.Single().TrueCommitment!.Value, 12);
        Assert.Equal(estimate.Guarantors.Single().Commitment, facilitator.Guarantors.Single().Commitment, 12);
    }

    [Fact]
    public void TheHazardFollowsRussiasEstimate_AndTheTrueValuesStayHiddenFromRussia()
    {
        var state = Fixture.Start(ExecutiveAgreement(isPublic: true), seed: 7).Resolve();
        var metrics = state.Outcomes[^1].Metrics;

        var hazard = Record(state, RecordKind.Hazard);
        var deterrenceTerm = hazard.Terms.Single(t => t.Name.StartsWith("deterrence as Russia perceives it", StringComparison.Ordinal));
        var threshold = Rules.Value(DeterrenceThreshold);
        Assert.Equal(Math.Exp(-Rules.Value(HazardDeterrence) * Math.Max(0, metrics.RussianEstimate!.Value - threshold)), deterrenceTerm.Value, 12);
        Assert.Contains(Rules[DeterrenceThreshold].Source, deterrenceTerm.Source, StringComparison.Ordinal);
        var perception = Record(state, RecordKind.Perception);
        Assert.Equal(Role.RU, Assert.Single(perception.VisibleTo));
        Assert.DoesNotContain(Role.RU, Record(state, RecordKind.Commitment).VisibleTo);
        Assert.DoesNotContain(Role.RU, Record(state, RecordKind.Deterrence).VisibleTo);
        var russia = GameViews.For(state, Audience.Of(Role.RU));
        Assert.Equal(metrics.RussianEstimate!.Value, russia.Metrics.Single().Deterrence, 12);
        Assert.Null(GameViews.For(state, Audience.Of(Role.EU)).Metrics.Single().RussianEstimate);
    }

    [Fact]
    public void BelowTheThreshold_PerceivedDeterrenceDoesNotLowerTheHazard()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire()));
        var threshold = Rules.Value(DeterrenceThreshold);

        var none = Deterrence.Hazard(state.World, Rules, 0, rearm: false).Value;

        Assert.Equal(none, Deterrence.Hazard(state.World, Rules, threshold - 0.01, rearm: false).Value, 12);
        Assert.True(Deterrence.Hazard(state.World, Rules, threshold + 0.3, rearm: false).Value < none);
    }
}
