using System.Text.Json;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

/// <summary>
/// Side doors a hostile student would try: refusals, limits, links and public records must tell an audience
/// nothing about what it cannot see.
/// </summary>
public sealed class HostilePlayerTests
{
    private static readonly GuaranteeTerms WesternGuarantee = new() { Guarantors = [Role.US, Role.EU], LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic };

    private static GameState Negotiating() => Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Negotiation);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);

    private static Rejection? Refusal(GameState state, GameCommand command) => Rules.Apply(state, command).Rejection;

    [Fact]
    public void EveryCommandOnAProposalRussiaIsNotPartyTo_IsRefusedExactlyLikeOneOnAnIdThatDoesNotExist()
    {
        var plain = Negotiating();
        var hidden = plain.Apply(new Propose(Actor.Player(Role.US), WesternGuarantee));
        var id = hidden.World.Agreements.Single().Id;
        var russia = Actor.Player(Role.RU);
        GameCommand[] attempts =
        [
            new RespondToProposal(russia, id, ProposalResponse.Accept),
            new RespondToProposal(russia, id, ProposalResponse.Reject),
            new RespondToProposal(russia, id, ProposalResponse.Withdraw),
            new RespondToProposal(russia, id, (ProposalResponse)7),
            new CounterProposal(russia, id, new CeasefireTerms()),
            new CounterProposal(russia, id, WesternGuarantee with { RussianConsentSought = true }),
            new RevokeAgreement(russia, id, "Probing"),
            new RevokeAgreement(russia, id, ""),
        ];

        foreach (var command in attempts)
        {
            var refused = Refusal(hidden, command);
            Assert.NotNull(refused);
            Assert.Equal(Refusal(plain, command), refused);
        }
    }

    [Fact]
    public void TheOpenProposalCap_CountsOnlyTheProposersOwnProposals()
    {
        var state = Negotiating();
        var max = PhaseTable.Limits.MaxOpenProposals;
        for (var i = 0; i < max; i++)
            state = state.Apply(new Propose(Actor.Player(Role.UA), new CeasefireTerms { DmzWidthKm = i % 100 }));

        Assert.Equal("too-many-proposals", Refusal(state, new Propose(Actor.Player(Role.UA), new CeasefireTerms { DmzWidthKm = 1 }))!.Code);
        // Ukraine's table-filling leaves Russia (and Europe, which cannot even see Ukraine's ceasefires) free to propose.
        Assert.Null(Refusal(state, new Propose(Actor.Player(Role.RU), new CeasefireTerms { DmzWidthKm = 5 })));
        Assert.Null(Refusal(state, new Propose(Actor.Player(Role.EU), WesternGuarantee)));
    }

    [Fact]
    public void AMessageToAllThreeOtherRoles_StaysAPrivateGroupMessage()
    {
        var state = Negotiating().Apply(new PostMessage(Actor.Player(Role.UA), [Role.RU, Role.US, Role.EU], "Only for the four of us."));

        var message = state.Messages.Single();
        Assert.False(message.IsPublic);
        Assert.Equal(new[] { Role.RU, Role.US, Role.EU }, message.To.ToArray());
        Assert.Empty(GameViews.For(state, Audience.Public).Messages);
        Assert.Single(GameViews.For(state, Audience.Of(Role.RU)).Messages);
    }

    [Fact]
    public void ASignedAgreementRussiaSees_NeverPointsAtTheHiddenProposalItCountered()
    {
        var state = Negotiating().Apply(new Propose(Actor.Player(Role.US), WesternGuarantee));
        var original = state.World.Agreements.Single().Id;
        state = state.Apply(new CounterProposal(Actor.Player(Role.UA), original, WesternGuarantee with { LegalForm = LegalForm.RatifiedTreaty }));
        var counter = state.World.Agreements.Single(a => a.CounterOf == original).Id;
        state = state.Play(
            new RespondToProposal(Actor.Player(Role.US), counter, ProposalResponse.Accept),
            new RespondToProposal(Actor.Player(Role.EU), counter, ProposalResponse.Accept)).Advance();

        foreach (var audience in new[] { Audience.Of(Role.RU), Audience.Public })
        {
            var view = GameViews.For(state, audience);
            var signed = view.Proposals.Single();
            Assert.Equal(counter, signed.Id);
            Assert.Null(signed.CounterOf);
            Assert.DoesNotContain(original.ToString(), Json(view));
        }
        Assert.Equal(original, GameViews.For(state, Audience.Of(Role.UA)).Proposals.Single(p => p.Id == counter).CounterOf);
    }


    [Fact]
    public void ProposalsAndAgreements_AreNumberedWithinEachAudiencesOwnView_AndKeepTheirNumbers()
    {
        var state = Negotiating()
            .Apply(new Propose(Actor.Player(Role.US), WesternGuarantee))
            .Apply(new Propose(Actor.Player(Role.UA), new CeasefireTerms { DmzWidthKm = 10 }));
        var guarantee = state.World.Agreements.Single(a => a.Kind == AgreementKind.Guarantee).Id;
        var ceasefire = state.World.Agreements.Single(a => a.Kind == AgreementKind.Ceasefire).Id;

        Assert.Equal([(ceasefire, 1)], GameViews.For(state, Audience.Of(Role.RU)).Proposals.Select(p => (p.Id, p.Number)));
        Assert.Equal([(guarantee, 1), (ceasefire, 2)], GameViews.For(state, Audience.Of(Role.UA)).Proposals.Select(p => (p.Id, p.Number)));
        Assert.Empty(GameViews.For(state, Audience.Public).Proposals);

        // Signing both: Russia and the public number the guarantee after what they saw before; Ukraine's numbers stay.
        state = state.Play(
            new RespondToProposal(Actor.Player(Role.EU), guarantee, ProposalResponse.Accept),
            new RespondToProposal(Actor.Player(Role.UA), guarantee, ProposalResponse.Accept),
            new RespondToProposal(Actor.Player(Role.RU), ceasefire, ProposalResponse.Accept)).Advance();

        Assert.Equal([(ceasefire, 1), (guarantee, 2)], GameViews.For(state, Audience.Of(Role.RU)).Agreements.OrderBy(a => a.Number).Select(a => (a.Id, a.Number)));
        Assert.Equal([(guarantee, 1), (ceasefire, 2)], GameViews.For(state, Audience.Of(Role.UA)).Agreements.OrderBy(a => a.Number).Select(a => (a.Id, a.Number)));
        Assert.Equal([1, 2], GameViews.For(state, Audience.Public).Agreements.Select(a => a.Number).Order());
        var ru = GameViews.For(state, Audience.Of(Role.RU));
        Assert.All(ru.Agreements, a => Assert.Equal(a.Number, ru.Proposals.Single(p => p.Id == a.Id).Number));
    }



    [Fact]
    public void PublicRecords_DoNotMoveWithRussiasSecretRearmament()
    {
        GameState Turn(bool rearm) => Fixture.Start(Fixture.Table(Fixture.Ceasefire()), seed: 7)
            .AdvanceTo(Phase.Orders)
            .Apply(new InjectEvent(Actor.Facilitator, null, "Spoilers", "A militia attacks the line.", [new InjectEffect("spoiler", 0.01)]))
            .Resolve((Role.RU, new RussiaOrders(RussiaPosture.Comply, rearm, false)));

        var (quiet, rearming) = (Turn(rearm: false), Turn(rearm: true));
        Assert.NotEqual(Json(GameViews.For(quiet, Audience.Of(Role.RU)).Records), Json(GameViews.For(rearming, Audience.Of(Role.RU)).Records));
        Assert.Contains(quiet.Outcomes.Single().Records, r => r.Kind == RecordKind.Spoiler);
        foreach (var audience in new[] { Audience.Public, Audience.Of(Role.UA), Audience.Of(Role.US), Audience.Of(Role.EU) })
            Assert.Equal(Json(GameViews.For(quiet, audience).Records), Json(GameViews.For(rearming, audience).Records));
    }

    [Fact]
    public void ALongChannel_ShowsItsLatestMessages_WithTheCount_AndLeavesOtherChannelsWhole()
    {
        var shown = PhaseTable.Limits.MessagesShownPerChannel;
        var state = Negotiating().Apply(new PostMessage(Actor.Player(Role.RU), [Role.UA], "Before the flood."));
        for (var i = 0; i < shown + 5; i++)
            state = state.Apply(new PostMessage(Actor.Player(Role.US), [], $"Flood {i}"));
        state = state.Apply(new PostMessage(Actor.Player(Role.UA), [Role.RU], "After the flood."));

        var view = GameViews.For(state, Audience.Of(Role.RU));
        Assert.Equal(shown + 7, view.MessageCount);
        Assert.Equal(shown + 2, view.Messages.Length);
        Assert.Equal(["Before the flood.", "Flood 5", "After the flood."], [view.Messages[0].Text, view.Messages[1].Text, view.Messages[^1].Text]);
        Assert.Equal([1, 7, shown + 7], [view.Messages[0].Id, view.Messages[1].Id, view.Messages[^1].Id]);
    }

    [Theory]
    [InlineData("Agreed\u202Edeen ton")]
    [InlineData("Bell\u0007")]
    [InlineData("\u2066hidden\u2069")]
    public void AMessageWithControlOrDirectionOverrideCharacters_IsRefused(string escaped)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        Assert.Equal("unsafe-text", Refusal(Negotiating(), new PostMessage(Actor.Player(Role.UA), [], text))!.Code);
        Assert.Null(Refusal(Negotiating(), new PostMessage(Actor.Player(Role.UA), [], "Two lines:\nthe second.")));
    }
}
