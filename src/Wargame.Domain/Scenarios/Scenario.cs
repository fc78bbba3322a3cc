using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Map;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Scenarios;

/// <summary>
/// What one role starts with: the public briefing everyone reads, the private one only its team,
/// its forces, its reputation (guarantors) and its hidden quantities (see <see cref="HiddenQuantities"/>).
/// </summary>
public sealed record RoleSetup(Role Role, string PublicBriefing, string PrivateBriefing)
{
    /// <summary>Troops: Ukraine's and Russia's forces in theatre; a guarantor's troops deployed in Ukraine.</summary>
    public int Troops { get; init; }
    public TripwireLocation Location { get; init; } = TripwireLocation.Rear;
    /// <summary>Guarantors: troops (equivalent) that can arrive within 72 hours (Shlapak &amp; Johnson 2016).</summary>
    public int Reinforcements72h { get; init; }
    /// <summary>Guarantors only; null takes the rules table's starting reputation.</summary>
    public double? Reputation { get; init; }
    /// <summary>Guarantors: past events that moved reputation before the game (an abrogated deal, a kept promise), applied in order.</summary>
    public ImmutableArray<ReputationEntry> ReputationHistory { get; init; } = [];
    public ImmutableSortedDictionary<string, double> Hidden { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
}

public enum InstrumentStatus { Proposed, InForce }

/// <summary>An agreement already on the table when the game starts (proposed, or signed and in force).</summary>
public sealed record InstrumentSetup(Role Proposer, InstrumentStatus Status, AgreementTerms Terms);

/// <summary>A card of the scenario's event deck. With a turn it fires by itself in that turn's briefing.</summary>
public sealed record EventCard(string Id, string Title, string Text, int? Turn, ImmutableArray<InjectEffect> Effects);

/// <summary>A playable situation, parsed and validated from a file in scenarios/.</summary>
public sealed record Scenario
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public int Turns { get; init; } = 8;
    public string TurnLength { get; init; } = "quarter";
    public ImmutableArray<RoleSetup> Roles { get; init; } = [];
    /// <summary>Share of Ukraine's 1991 territory Ukraine holds, in percent.</summary>
    public double Territory { get; init; } = 80;
    /// <summary>Western sanctions pressure on Russia, 0 (none) to 10 (maximal).</summary>
    public int Sanctions { get; init; } = 6;
    public ImmutableArray<InstrumentSetup> Instruments { get; init; } = [];
    public ImmutableArray<EventCard> Events { get; init; } = [];
    /// <summary>Named lines on the map (see <see cref="ContactLine"/>); empty draws the map without a front.</summary>
    public ImmutableArray<NamedLine> Lines { get; init; } = [];
    /// <summary>Rule constants this scenario overrides, by camelCase key (see <see cref="RuleKey"/>).</summary>
    public ImmutableSortedDictionary<string, double> RuleOverrides { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    public RoleSetup For(Role role) => Roles.First(r => r.Role == role);

    /// <summary>The rule constants this scenario plays with: the defaults and its overrides.</summary>
    public RulesTable Constants() => RulesTable.Default.WithOverrides(Id, RuleOverrides);
}

public sealed record ScenarioSummary(string Id, string Title, string Summary, int Turns)
{
    public static ScenarioSummary Of(Scenario scenario) =>
        new(scenario.Id, scenario.Title, scenario.Summary, scenario.Turns);
}
