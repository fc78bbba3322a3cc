using System.Collections.Immutable;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Scenarios;

/// <summary>What one role is told at the start: the public part everyone reads, the private part only its team.</summary>
public sealed record RoleSetup(Role Role, string PublicBriefing, string PrivateBriefing);

/// <summary>A playable situation, parsed and validated from a file in scenarios/.</summary>
public sealed record Scenario
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public int Turns { get; init; } = 8;
    public string TurnLength { get; init; } = "quarter";
    public ImmutableArray<RoleSetup> Roles { get; init; } = [];

    public RoleSetup For(Role role) => Roles.First(r => r.Role == role);
}

public sealed record ScenarioSummary(string Id, string Title, string Summary, int Turns)
{
    public static ScenarioSummary Of(Scenario scenario) =>
        new(scenario.Id, scenario.Title, scenario.Summary, scenario.Turns);
}
