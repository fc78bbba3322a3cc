using System.Text.RegularExpressions;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Roles;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Adjudication;

public sealed partial class PlainWordsTests
{
    [Fact]
    public void ARolledRecord_SaysWhatTheRollNeededAndWhatItGot()
    {
        var state = Fixture.Start(Fixture.Table()).Resolve((Role.RU, new RussiaOrders(RussiaPosture.MajorOffensive, false, false)));
        var offensive = state.Outcomes[^1].Records.Single(r => r.Kind == RecordKind.Offensive);
        var (threshold, roll) = (offensive.ThresholdBp!.Value, offensive.Roll!.Value);

        var reading = $"Needed ≤ {threshold:N0} of 10,000 for Russia to break through; rolled {roll:N0}{(roll <= threshold ? "" : " (so it did not happen)")}.";
        Assert.EndsWith(reading, offensive.Outcome);
        Assert.StartsWith(roll <= threshold ? "Russia takes" : "Ukraine's defence holds.", offensive.Outcome);
    }

    [Theory]
    [InlineData("oval-office-2025", 5UL)]
    [InlineData("treaty-path", 9UL)]
    [InlineData("coalition-of-the-willing", 2UL)]
    public void NoRecord_OffersAWhatIfThatChangesNothing_OrNamesARoleByItsCode(string scenario, ulong seed)
    {
        var records = BotGame.Play(TestScenarios.Load(scenario), seed).State.Outcomes.SelectMany(o => o.Records).ToList();
        Assert.NotEmpty(records);

        Assert.All(records, r =>
        {
            foreach (Match m in Change().Matches(r.Counterfactual))
                Assert.NotEqual(m.Groups[1].Value, m.Groups[2].Value);
            Assert.DoesNotMatch(RoleCode(), r.Subject);
            Assert.DoesNotMatch(PostureCode(), r.Outcome);
        });
    }

    [Theory]
    [InlineData("oval-office-2025", 5UL)]
    [InlineData("treaty-path", 9UL)]
    [InlineData("coalition-of-the-willing", 2UL)]
    [InlineData("budapest-redux", 3UL)]
    public void NoRecordShownToAPlayer_NamesATermWithACodeIdentifier_TheFormulaIsKeptApart(string scenario, ulong seed)
    {
        var state = BotGame.Play(TestScenarios.Load(scenario), seed).State;
        var seen = 0;
        foreach (var audience in Audience.All.Where(a => a.Kind != AudienceKind.Facilitator))
        {
            var records = GameViews.For(state, audience).Records;
            Assert.NotEmpty(records);
            foreach (var record in records)
            {
                Assert.DoesNotMatch(CodeIdentifier(), record.Title);
                Assert.DoesNotMatch(CodeIdentifier(), record.Subject);
                foreach (var term in record.Terms)
                {
                    Assert.True(!CodeIdentifier().IsMatch(term.Name), $"{record.Id} shows {audience} the term '{term.Name}'");
                    seen++;
                }
            }
        }
        Assert.True(seen > 0);
        // The formulas are still there for those who open them.
        var terms = state.Outcomes.SelectMany(o => o.Records).SelectMany(r => r.Terms).ToList();
        Assert.Contains(terms, t => t.Formula == "L_form");
        Assert.Contains(terms, t => t.Formula is { } f && f.StartsWith("T_i = ", StringComparison.Ordinal));
    }

    /// <summary>
    /// What reads as code, not words: symbols with subscripts (C_i, L_form), enum names (RatifiedTreaty), role codes,
    /// assignments and formula operators (Rep -= c Rep, D = , ln, e^, s(...), P(...)), a force-quality factor "q 0.90".
    /// </summary>
    [GeneratedRegex(@"[A-Za-z]+_[A-Za-z]+|\b[A-Z][a-z]+[A-Z][A-Za-z]*\b|\b(UA|RU|EU|HR)\b|[-+]=|\b[A-Za-z]{1,3} ?= |\bln\b|\^|\b(s|P|sqrt)\(|\bq [0-9]|^(x|\+) ")]
    private static partial Regex CodeIdentifier();

    [GeneratedRegex(@"(-?[0-9][0-9.,]*%?) -> (-?[0-9][0-9.,]*%?)")]
    private static partial Regex Change();

    [GeneratedRegex(@"\b(UA|RU|US|EU)\b(?!-)")]
    private static partial Regex RoleCode();

    [GeneratedRegex(@"LimitedOffensive|MajorOffensive|SanctionsAndArms")]
    private static partial Regex PostureCode();
}
