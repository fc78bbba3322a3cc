using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
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

public sealed partial class TurnHeadlineTests
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
            var numbers = AgreementNumbers.For(state, audience).Values.ToHashSet();
            Assert.All(view.Headlines, h =>
            {
                Assert.NotEmpty(h.Sentences);
                Assert.All(h.Sentences, s => Assert.True(s.RecordId is null || seen.Contains(s.RecordId), $"{audience} sees a link to {s.RecordId}"));
                // Every record of the turn it reads has a sentence (the routine kinds one for all their records).
                var linked = h.Sentences.Select(s => s.RecordId).OfType<string>().ToHashSet();
                var linkedKinds = linked.Select(id => RecordKinds.FromId(id)).ToHashSet();
                Assert.All(view.Records.Where(r => r.Turn == h.Turn), r =>
                    Assert.True(linked.Contains(r.Id) || (PerKind.Contains(r.Kind) && linkedKinds.Contains(r.Kind)), $"{audience}'s turn {h.Turn} tells nothing of {r.Id}"));
                // Agreements by the audience's own numbers only.
                Assert.All(h.Sentences.SelectMany(s => AgreementMark().Matches(s.Text)), m =>
                    Assert.Contains(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), numbers));
            });
        }
    }

    [Fact]
    public void EveryRecordKind_HasASentenceLinkedToItsRecord_ForTheAudiencesThatReadIt_Only()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Guarantee(Fixture.Treaty(Role.US, Role.EU)))).Resolve();
        // One record of every kind, readable in turn by everyone, Ukraine, Russia, the United States, Europe.
        ImmutableArray<Role>[] readers = [[], [Role.UA], [Role.RU], [Role.US], [Role.EU]];
        var records = Enum.GetValues<RecordKind>().Select((kind, i) => Sample(kind, readers[i % readers.Length])).ToImmutableArray();
        var turn = state with { Outcomes = [state.Outcomes[^1] with { Records = records, Tests = [] }] };

        foreach (var audience in Audience.All)
        {
            var headline = GameViews.For(turn, audience).Headlines.Single();
            var readable = records.Where(r => audience.Kind == AudienceKind.Facilitator || r.VisibleTo.IsEmpty || (audience.Role is { } role && r.VisibleTo.Contains(role)));
            Assert.Equal(readable.Select(r => r.Id).Order(), headline.Sentences.Select(s => s.RecordId).OfType<string>().Distinct().Order());
            Assert.All(headline.Sentences, s => Assert.DoesNotMatch("[{}_]|#[^1]", s.Text));
        }
    }

    /// <summary>A record of <paramref name="kind"/> as the steps write one (its roll came up), about guarantee #1 or ceasefire #1.</summary>
    private static ResolutionRecord Sample(RecordKind kind, ImmutableArray<Role> visibleTo) => new()
    {
        Id = RecordKinds.Id(1, kind, "s"),
        Turn = 1,
        Step = kind.Step().ToString(),
        Title = kind == RecordKind.Offensive ? "Major offensive" : kind.ToString(),
        Subject = kind switch
        {
            RecordKind.Capability => "guarantors of #1: United States, Europe",
            RecordKind.DrawnIn => "United States's armed peacekeepers",
            RecordKind.Rally => "Europe's troops",
            RecordKind.Score => "Ukraine",
            RecordKind.Hazard or RecordKind.Spoiler or RecordKind.Incident or RecordKind.Attribution or RecordKind.ProbeViolation
                or RecordKind.OffensiveViolation or RecordKind.CounterAttackViolation or RecordKind.ForceCapBreach => "ceasefire #1",
            RecordKind.Ratification or RecordKind.Disclosure or RecordKind.GuaranteeTested => "guarantee #1 (United States, Europe)",
            _ => "United States on guarantee #1",
        },
        Outcome = kind switch
        {
            RecordKind.Statement => "United States publicly pledged to honour the guarantee: C 0.50 -> 0.62.",
            RecordKind.RussianOutlook => "With D as Russia perceives it (0.40), best option: major offensive; chosen: compliance: it departs from the line.",
            RecordKind.Score => "2.0 points this turn, 5.0 in all; the largest line was territory held (1.0).",
            RecordKind.Reputation => "Honoured (limited support): reputation 0.50 -> 0.55.",
            _ => "Something happened.",
        },
        ThresholdBp = 5_000,
        Roll = 2_000,
        VisibleTo = visibleTo,
    };

    private static readonly HashSet<RecordKind?> PerKind = [RecordKind.Commitment, RecordKind.Capability, RecordKind.Credibility, RecordKind.Score];

    [GeneratedRegex("#([0-9]+)")]
    private static partial Regex AgreementMark();

    [Fact]
    public void AgreementsAreNamedByEachAudiencesOwnNumbers_AndASecretOneNeverAppearsToOutsiders()
    {
        // Agreement 1 is a secret US guarantee (Ukraine and the United States know it); agreement 2 is Europe's public
        // treaty, which every other audience numbers #1.
        var secret = new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic, Public = false };
        var table = Fixture.Table(Fixture.Guarantee(secret), Fixture.Guarantee(Fixture.Treaty(Role.EU)));
        var start = Fixture.Start(table);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 2 }, AgreementNumbers.For(start, Audience.Of(Role.US)));
        Assert.Equal(new Dictionary<int, int> { [2] = 1 }, AgreementNumbers.For(start, Audience.Of(Role.EU)));

        // A quiet turn: the United States hedges its secret guarantee, which only its parties read.
        var quiet = start.Resolve((Role.US, new GuarantorOrders { Statement = new CommitmentStatement(1, CommitmentChangeKind.AddAmbiguity) }));
        foreach (var outsider in new[] { Audience.Public, Audience.Of(Role.RU), Audience.Of(Role.EU) })
        {
            var text = Text(Front(quiet, outsider));
            Assert.DoesNotContain("#2", text);
            Assert.DoesNotContain("United States", text);
            Assert.DoesNotContain(AgreementNumbers.Undisclosed, text);
        }
        var ukraine = Front(quiet, Audience.Of(Role.UA));
        var statement = ukraine.Sentences.Single(s => s.Topic == HeadlineTopic.Guarantee);
        Assert.Equal("On guarantee #1, United States added a strategic-ambiguity clause.", statement.Text);
        Assert.Equal("T1-A-statement-US-g1", statement.RecordId);

        // Russia attacks: both guarantees are tested, and the secret one comes to light as outsiders' #2.
        var tested = quiet.Advance().Resolve((Role.RU, MajorOffensive));
        var europe = Front(tested, Audience.Of(Role.EU));
        Assert.Contains(europe.Sentences, s => s.Text == "The offensive tested guarantee #1 (Europe): its guarantors must answer in next turn's orders." && s.RecordId == RecordKinds.Id(2, RecordKind.GuaranteeTested, "g2"));
        Assert.Contains(europe.Sentences, s => s.Text == "A secret guarantee came to light: guarantee #2 (United States) is public from now on." && s.RecordId == RecordKinds.Id(2, RecordKind.Disclosure, "g1"));
        var us = Front(tested, Audience.Of(Role.US));
        Assert.Contains(us.Sentences, s => s.Text == "The offensive tested guarantee #2 (Europe): its guarantors must answer in next turn's orders.");
        Assert.Contains(us.Sentences, s => s.Text == "A secret guarantee came to light: guarantee #1 (United States) is public from now on.");
        // The records behind the sentences read the same numbers.
        Assert.Equal("guarantee #1 (Europe)", GameViews.For(tested, Audience.Of(Role.EU)).Records.Single(r => r.Id == RecordKinds.Id(2, RecordKind.GuaranteeTested, "g2")).Subject);
    }

    [Fact]
    public void WhatOnlyOneRoleSaw_NeverChangesAnotherAudiencesHeadline()
    {
        // A US executive agreement: its domestic-reversal roll is the United States' alone to see.
        var scenario = Fixture.Table(Fixture.Guarantee(new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement }));
        var state = Fixture.Start(scenario).Resolve();
        var hiddenFromPublic = state.Outcomes[^1].Records.Where(r => !r.VisibleTo.IsEmpty).ToList();
        Assert.NotEmpty(hiddenFromPublic);

        // The same turn with every record an audience cannot see rewritten: its headline must not move.
        foreach (var audience in new[] { Audience.Public, Audience.Of(Role.UA), Audience.Of(Role.EU), Audience.Of(Role.RU) })
        {
            var rewritten = state with
            {
                Outcomes = [.. state.Outcomes.Select(o => o with
                {
                    Records = [.. o.Records.Select(r => r.VisibleTo.IsEmpty || (audience.Role is { } role && r.VisibleTo.Contains(role)) ? r
                        : r with { Outcome = "Something else entirely.", Subject = "guarantee #9", Roll = 1, ThresholdBp = 10_000 })],
                })],
            };
            Assert.Equal(Text(Front(state, audience)), Text(Front(rewritten, audience)));
        }
        // Ukraine and Europe read the same true commitments on the front page (Russia and observers do not: step C's
        // perception); each reads only its own score under "More this turn".
        Assert.Equal(Lead(Front(state, Audience.Of(Role.UA))), Lead(Front(state, Audience.Of(Role.EU))));
    }

    private static string Lead(TurnHeadline h) => string.Join(" ", h.Sentences.Where(s => !s.More).Select(s => $"{s.Text} [{s.RecordId}]"));

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

        var sentence = headline.Sentences.Single(s => s.Topic == HeadlineTopic.Deterrence);
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
