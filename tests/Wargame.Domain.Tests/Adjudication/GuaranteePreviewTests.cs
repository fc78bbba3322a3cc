using System.Text.Json;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Adjudication;

/// <summary>The guarantee builder's preview: steps A–C on draft terms, from public state only.</summary>
public sealed class GuaranteePreviewTests
{
    /// <summary>Both guarantors, an executive agreement with an automatic trigger, a stake, arms, and the tripwires each has now.</summary>
    private static readonly GuaranteeTerms Joint = new()
    {
        Guarantors = [Role.US, Role.EU],
        LegalForm = LegalForm.ExecutiveAgreement,
        Trigger = Trigger.Automatic,
        EconomicStake = EconomicStake.MineralsDeal,
        ArmsAndIntelligence = true,
        Tripwires = [new Tripwire(Role.US, 10_000, TripwireLocation.Rear), new Tripwire(Role.EU, 15_000, TripwireLocation.Rear)],
    };

    private static GuaranteePreview Preview(GameState state, Role role, AgreementTerms terms) =>
        GuaranteePreviews.For(state, role, terms).Preview ?? throw new InvalidOperationException("expected a preview");

    private static string Json(object value) => JsonSerializer.Serialize(value, GameJson.Options);

    [Fact]
    public void ThePreview_IsWhatTheResolverAssessesOnceTheSameTermsAreSigned()
    {
        var state = Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Negotiation);

        var preview = Preview(state, Role.UA, Joint);
        state = state.Apply(new Propose(Actor.Player(Role.UA), Joint));
        var id = state.World.Agreements[^1].Id;
        state = state.Play(
            new RespondToProposal(Actor.Player(Role.US), id, ProposalResponse.Accept),
            new RespondToProposal(Actor.Player(Role.EU), id, ProposalResponse.Accept)).AdvanceTo(Phase.Orders);
        var assessed = Deterrence.Assess(state.World, state.Constants);

        Assert.Equal(AgreementStatus.InForce, state.World.Agreements.Single(a => a.Id == id).Status);
        foreach (var g in preview.Guarantors)
        {
            var truth = assessed.Guarantors.Single(a => a.AgreementId == id && a.Guarantor == g.Guarantor);
            Assert.Equal((g.Guarantor, truth.Commitment, truth.Credibility), (g.Guarantor, g.Commitment, g.Credibility));
            Assert.Equal(Json(truth.CommitmentTerms), Json(g.CommitmentTerms));
            Assert.Equal(truth.Capability, preview.Capability);
        }
        Assert.Equal([Role.US, Role.EU], preview.Guarantors.Select(g => g.Guarantor));
        Assert.Equal(0, preview.DeterrenceNow);
        Assert.Equal(assessed.Deterrence, preview.DeterrenceWith);
    }

    [Fact]
    public void ThePreview_IsTheSameForEveryRoleThatMayAsk_WhateverTheHiddenQuantitiesAndSecretGuarantees()
    {
        var plain = Fixture.Start(Fixture.Table());
        var secret = Fixture.Start(Fixture.Table(Fixture.Guarantee(new GuaranteeTerms
        {
            Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic, Public = false,
        })));
        var shifted = HiddenQuantities.All.Aggregate(plain, (s, d) => s.WithHidden(d.Role, d.Name, d.Min + (d.Max - d.Min) * 0.9));

        var expected = Json(Preview(plain, Role.UA, Joint));
        foreach (var state in new[] { plain, secret, shifted })
        {
            foreach (var role in new[] { Role.UA, Role.US, Role.EU })
                Assert.Equal(expected, Json(Preview(state, role, Joint)));
        }
    }

    [Fact]
    public void ATripwireLargerThanTheTroopsPresent_IsAssumedStationed_AndRaisesTheCommitment()
    {
        var state = Fixture.Start(Fixture.Table());
        var usOnly = new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement };

        var without = Preview(state, Role.US, usOnly).Guarantors.Single();
        var preview = Preview(state, Role.US, usOnly with { Tripwires = [new Tripwire(Role.US, 30_000, TripwireLocation.ContactLine)] });
        var with = preview.Guarantors.Single();

        Assert.Equal((10_000, 30_000), (without.TroopsAssumed, with.TroopsAssumed));
        Assert.True(with.Commitment > without.Commitment, $"{with.Commitment} should exceed {without.Commitment}");
        Assert.Contains("United States stations the 30,000 troops the terms name (it has 10,000 in Ukraine now).", preview.Assumptions);
    }

    [Fact]
    public void ASecretGuarantee_LeavesDeterrenceAsItIs_AndSaysSo()
    {
        var state = Fixture.Start(Fixture.Table());
        var executive = new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic };

        var announced = Preview(state, Role.UA, executive);
        var secret = Preview(state, Role.UA, executive with { Public = false });

        Assert.Equal(announced.Guarantors.Single().Credibility, secret.Guarantors.Single().Credibility);
        Assert.Equal(announced.Guarantors.Single().Credibility, announced.DeterrenceWith, 12);
        Assert.Equal((0.0, 0.0), (secret.DeterrenceNow, secret.DeterrenceWith));
        Assert.Contains("A secret guarantee deters nothing: Russia does not know of it, so D stays as it is.", secret.Assumptions);
    }

    [Fact]
    public void AUsTreaty_SaysItWaitsForTheSenate()
    {
        var preview = Preview(Fixture.Start(Fixture.Table()), Role.UA, Fixture.Treaty(Role.US));

        Assert.Contains("A treaty the United States guarantees takes force only once the Senate ratifies it.", preview.Assumptions);
    }

    [Theory]
    [InlineData(Role.RU, "guarantee", "russia-reads-estimates")]
    [InlineData(Role.UA, "ceasefire", "not-a-guarantee")]
    [InlineData(Role.UA, "no-guarantors", "invalid-terms")]
    [InlineData(Role.UA, "missing", "invalid-terms")]
    public void NoPreview_IsGivenForRussiaOrTermsThatAreNotAWellFormedGuarantee(Role role, string terms, string code)
    {
        AgreementTerms? draft = terms switch
        {
            "guarantee" => Joint,
            "ceasefire" => new CeasefireTerms(),
            "no-guarantors" => Joint with { Guarantors = [], Tripwires = [] },
            _ => null,
        };

        var answer = GuaranteePreviews.For(Fixture.Start(Fixture.Table()), role, draft);

        Assert.Null(answer.Preview);
        Assert.Equal(code, answer.Rejection?.Code);
    }
}
