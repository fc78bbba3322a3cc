using System.Text.RegularExpressions;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Roles;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;

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

    [GeneratedRegex(@"(-?[0-9][0-9.,]*%?) -> (-?[0-9][0-9.,]*%?)")]
    private static partial Regex Change();

    [GeneratedRegex(@"\b(UA|RU|US|EU)\b(?!-)")]
    private static partial Regex RoleCode();

    [GeneratedRegex(@"LimitedOffensive|MajorOffensive|SanctionsAndArms")]
    private static partial Regex PostureCode();
}
