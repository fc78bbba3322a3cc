using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;

namespace Wargame.Domain.Tests.Scenarios;

public sealed class ScenarioFilesTests
{
    public static TheoryData<string> Files() => [.. TestScenarios.Files.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryScenarioFile_ParsesWithoutErrors(string fileName)
    {
        var path = Path.Combine(TestScenarios.Directory, fileName);
        var result = ScenarioParser.Parse(path, File.ReadAllText(path));

        Assert.Empty(result.Errors);
        var scenario = result.Scenario!;
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), scenario.Id);
        Assert.Equal(RoleSet.All, scenario.Roles.Select(r => r.Role));
        Assert.All(scenario.Roles, r => Assert.False(string.IsNullOrWhiteSpace(r.PrivateBriefing)));
        Assert.All(scenario.Roles, r => Assert.NotEqual(r.PublicBriefing, r.PrivateBriefing));
        Assert.NotEmpty(scenario.Instruments);
        Assert.Contains(scenario.Events, e => e.Turn is not null);
        Assert.InRange(scenario.Turns, 1, 40);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryScenarioFile_StartsAGameWhoseInstrumentsAreOnTheTable(string fileName)
    {
        var state = TestScenarios.Start(Path.GetFileNameWithoutExtension(fileName));

        Assert.Equal(state.Scenario.Instruments.Length, state.World.Agreements.Length);
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void TheSixNamedScenarios_AreShipped()
    {
        var ids = TestScenarios.Files.Select(Path.GetFileNameWithoutExtension).ToHashSet();

        // The six named situations, besides any variants of them (coalition-secret, treaty-path-drawdown).
        Assert.Superset(new HashSet<string?> { "oval-office-2025", "white-house-summit-2025", "coalition-of-the-willing", "minerals-first", "budapest-redux", "treaty-path" }, ids!);
    }

    [Fact]
    public void ScenarioRuleOverride_ReachesTheExplanations()
    {
        var state = TestScenarios.Start("budapest-redux");

        var constant = state.Constants[Wargame.Domain.Adjudication.RuleKey.AttributionWithoutMonitors];

        Assert.Equal(0.2, constant.Value);
        Assert.Equal("SCENARIO", constant.Tag);
        Assert.Contains("budapest-redux", constant.Source);
    }
}
