using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Headlines;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Headlines;

public sealed class TurnHeadlineTests
{
    private static readonly RussiaOrders MajorOffensive = new(RussiaPosture.MajorOffensive, false, false);

    private static TurnHeadline Front(GameState state, Audience audience) => GameViews.For(state, audience).Headlines[^1];

    [Theory]
    [InlineData("oval-office-2025", 1UL)]
    [InlineData("coalition-of-the-willing", 7UL)]
    [InlineData("treaty-path", 11UL)]
    [InlineData("budapest-redux", 3UL)]
    public void EveryAudiencesHeadlines_LinkOnlyRecordsThatAudienceSees(string scenario, ulong seed)
    {
        var game = BotGame.Play(TestScenarios.Load(scenario), seed);
        // As it stood at the end, before the facilitator revealed the records.
        var state = Rules.Replay(game.Events.Where(e => e is not RecordsRevealed));
        Assert.False(state.Revealed);
        Assert.NotEmpty(state.Outcomes);

        foreach (var audience in Audience.All)
        {
            var view = GameViews.For(state, audience);
            var seen = view.Records.Select(r => r.Id).ToHashSet();
            Assert.Equal(state.Outcomes.Select(o => o.Turn), view.Headlines.Select(h => h.Turn));
            Assert.All(view.Headlines, h =>
            {
                Assert.NotEmpty(h.Sentences);
                Assert.All(h.Sentences, s => Assert.True(s.RecordId is null || seen.Contains(s.RecordId), $"{audience} sees a link to {s.RecordId}"));
            });
        }
    }

    [Fact]
    public void WhatOnlyOneRoleSaw_NeverChangesAnotherAudiencesHeadline()
    {
        // A US executive agreement: its domestic-reversal roll is the United States' alone to see.
        var scenario = Fixture.Table(Fixture.Guarantee(new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement }));
        var state = Fixture.Start(scenario).Resolve();
        var hiddenFromPublic = state.Outcomes[^1].Records.Where(r => !r.VisibleTo.IsEmpty).ToList();
        Assert.NotEmpty(hiddenFromPublic);

        // The same turn with every record the public cannot see rewritten: its headline must not move.
        var rewritten = state with
        {
            Outcomes = [.. state.Outcomes.Select(o => o with
            {
                Records = [.. o.Records.Select(r => r.VisibleTo.IsEmpty ? r : r with { Outcome = "Something else entirely.", Roll = 1, ThresholdBp = 10_000 })],
            })],
        };

        foreach (var audience in new[] { Audience.Public, Audience.Of(Role.UA), Audience.Of(Role.EU) })
            Assert.Equal(Text(Front(state, audience)), Text(Front(rewritten, audience)));
        // Ukraine and Europe read the same true commitments (Russia and observers do not: step C's perception).
        Assert.Equal(Text(Front(state, Audience.Of(Role.UA))), Text(Front(state, Audience.Of(Role.EU))));
    }

    private static string Text(TurnHeadline h) => h.Title + " | " + string.Join(" ", h.Sentences.Select(s => $"{s.Text} [{s.RecordId}]"));

    [Fact]
    public void AnOffensiveThroughACeasefire_LeadsTheFrontPage_AndLinksItsRecords()
    {
        var table = Fixture.Table();
        var scenario = Fixture.Table(Fixture.Ceasefire(), Fixture.Guarantee(Fixture.Treaty(Role.US, Role.EU).WithTripwires(table)));

        var state = Fixture.Start(scenario).Resolve((Role.RU, MajorOffensive));
        var headline = Front(state, Audience.Public);
        var records = state.Outcomes[^1].Records;

        Assert.StartsWith("Turn 1: Guarantee tested; Ceasefire broken", headline.Title);
        var broken = headline.Sentences.Single(s => s.Text.StartsWith("The ceasefire broke", StringComparison.Ordinal));
        Assert.Equal("The ceasefire broke: Russia's offensive violated ceasefire #1.", broken.Text);
        Assert.Equal(records.Single(r => r.Kind == RecordKind.OffensiveViolation).Id, broken.RecordId);
        var tested = headline.Sentences.Single(s => s.Text.StartsWith("The offensive tested", StringComparison.Ordinal));
        Assert.Equal(records.Single(r => r.Kind == RecordKind.GuaranteeTested).Id, tested.RecordId);
        Assert.Equal(records.Single(r => r.Kind == RecordKind.Offensive).Id, headline.Sentences[0].RecordId);
    }

    [Fact]
    public void AnsweringATest_SaysWhoHonouredAndWhoBackedDown()
    {
        var executive = new GuaranteeTerms { LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic };
        var tested = Fixture.Start(Fixture.Table(
                Fixture.Guarantee(executive with { Guarantors = [Role.EU] }),
                Fixture.Guarantee(executive with { Guarantors = [Role.US] })))
            .Resolve((Role.RU, MajorOffensive)).Advance();

        var after = tested.Resolve(
            (Role.EU, new GuarantorOrders { Response = TestResponse.Limited }),
            (Role.US, new GuarantorOrders { Response = TestResponse.Nothing }));
        var sentences = Front(after, Audience.Public).Sentences;

        var eu = sentences.Single(s => s.Text.StartsWith("Europe", StringComparison.Ordinal));
        Assert.Equal("Europe honoured guarantee #1 (limited support).", eu.Text);
        Assert.Equal("T2-F-reputation-EU-g1", eu.RecordId);
        var us = sentences.Single(s => s.Text.StartsWith("United States", StringComparison.Ordinal));
        Assert.Equal("United States backed down on guarantee #2 (it did nothing).", us.Text);
        Assert.Equal("T2-F-reputation-US-g2", us.RecordId);
    }

    [Fact]
    public void DeterrenceReasons_AreTheLargestChangesInTheTurnsNumbers()
    {
        var table = Fixture.Table();
        var scenario = Fixture.Table(Fixture.Guarantee(Fixture.Treaty(Role.US, Role.EU).WithTripwires(table)));
        var start = Fixture.Start(scenario);

        // The United States withdraws its whole tripwire: its commitment and the guarantee's capability both fall.
        var state = start.Resolve((Role.US, new GuarantorOrders { TroopChange = -10_000 }));
        // Ukraine reads the true commitment and capability records the reasons link to.
        var headline = Front(state, Audience.Of(Role.UA));
        var before = Deterrence.Assess(World.FromScenario(scenario, start.Constants), start.Constants);
        var after = state.Outcomes[^1].Metrics;

        // Computed here from the numbers, independently of the writer: every change and its size.
        var changes = after.Credibility.Select(p =>
        {
            var q = before.Guarantors.Single(a => a.AgreementId == p.AgreementId && a.Guarantor == p.Guarantor);
            return (Id: RecordKinds.Id(1, RecordKind.Commitment, $"{p.Guarantor}-g{p.AgreementId}"), Size: Math.Abs(p.Commitment - q.Commitment));
        }).Append((Id: RecordKinds.Id(1, RecordKind.Capability, "g1"),
            Size: Math.Abs(after.Credibility[0].Capability - before.Guarantors[0].Capability))).OrderByDescending(c => c.Size).ToList();

        var sentence = headline.Sentences[^1];
        Assert.StartsWith($"Deterrence fell from {before.Deterrence:0.00} to {after.Deterrence:0.00}: ", sentence.Text);
        Assert.Equal(changes[0].Id, sentence.RecordId);
        Assert.Contains(state.Outcomes[^1].Records, r => r.Id == sentence.RecordId);
        Assert.Contains("United States' commitment to guarantee #1 fell", sentence.Text);
        Assert.Contains("the capability behind guarantee #1 fell", sentence.Text);
        Assert.DoesNotContain("Europe", sentence.Text);
    }

    [Fact]
    public void AQuietTurnWithoutACeasefire_SaysSo()
    {
        var state = Fixture.Start(Fixture.Table()).Resolve();
        var headline = Front(state, Audience.Public);

        Assert.Equal("Turn 1: A quiet turn", headline.Title);
        Assert.Equal(["Russia launched no offensive.", "No ceasefire was in force.", "Deterrence held at 0.00."], headline.Sentences.Select(s => s.Text).ToArray());
    }
}
