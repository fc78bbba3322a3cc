using Wargame.Domain.Adjudication;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Tests.Adjudication;

public sealed class RulesTableTests
{
    private static readonly string[] Tags = ["LIT", "LIT-anchored", "LIT-2nd", "DESIGN"];

    [Fact]
    public void EveryRuleKey_HasAConstantWithItsNameTagSourceAndDescription()
    {
        var table = RulesTable.Default;

        Assert.Equal(Enum.GetValues<RuleKey>().Length, table.All.Length);
        Assert.All(Enum.GetValues<RuleKey>(), key =>
        {
            var c = table[key];
            Assert.Equal(RulesTable.NameOf(key), c.Key);
            Assert.Contains(c.Tag, Tags);
            Assert.False(string.IsNullOrWhiteSpace(c.Source));
            Assert.False(string.IsNullOrWhiteSpace(c.Description));
            Assert.True(double.IsFinite(c.Value));
        });
    }

    [Fact]
    public void AnOverride_KeepsTheKey_TakesTheScenarioTag_AndNamesTheDefault()
    {
        var table = RulesTable.Default.WithOverrides("fixture", new Dictionary<string, double> { [RulesTable.NameOf(RuleKey.MinorIncident)] = 0.9 });

        var c = table[RuleKey.MinorIncident];
        Assert.Equal((0.9, "SCENARIO"), (c.Value, c.Tag));
        Assert.Contains("fixture", c.Source);
        Assert.Equal(RulesTable.Default[RuleKey.HazardBase], table[RuleKey.HazardBase]);
    }

    [Fact]
    public void EveryRecordKind_HasAStepAndAnIdThatNamesItBack()
    {
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            var id = RecordKinds.Id(3, kind, "US-g100001");
            Assert.StartsWith($"T3-{kind.Step()}-", id);
            Assert.Equal(kind, RecordKinds.FromId(id));
        }
        Assert.Null(RecordKinds.FromId("T3-Z-nothing-US"));
    }

    [Fact]
    public void EveryHiddenQuantity_HasOneDefinition_ForTheRoleThatOwnsIt()
    {
        Assert.Equal(Enum.GetValues<HiddenQuantity>(), HiddenQuantities.All.Select(d => d.Quantity));
        Assert.All(HiddenQuantities.All, d =>
        {
            Assert.Same(d, HiddenQuantities.Of(d.Quantity));
            Assert.Same(d, HiddenQuantities.Find(d.Role, d.Name));
            Assert.InRange(d.Default, d.Min, d.Max);
        });
        Assert.Null(HiddenQuantities.Find(Role.RU, "morale"));
    }
}
