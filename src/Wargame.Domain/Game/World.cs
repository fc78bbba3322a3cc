using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;

namespace Wargame.Domain.Game;

/// <summary>One role's situation: public order of battle and reputation, and its hidden quantities.</summary>
public sealed record RolePosition
{
    public int Troops { get; init; }
    public TripwireLocation Location { get; init; } = TripwireLocation.Rear;
    public int Reinforcements72h { get; init; }
    /// <summary>Guarantors: the reputation a new guarantee starts from.</summary>
    public double Reputation { get; init; }
    /// <summary>Hidden quantities by name; read and write them through <see cref="World.Hidden"/> and <see cref="World.WithHidden"/>.</summary>
    public ImmutableSortedDictionary<string, double> Hidden { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
    /// <summary>Guarantors: troops at the end of the previous turn (a shrunk tripwire is the Korea 1950 precedent).</summary>
    public int TroopsLastTurn { get; init; }
    /// <summary>Guarantors: casualties last turn led to exit pressure (doubles domestic reversal).</summary>
    public bool ExitPressure { get; init; }
    /// <summary>Guarantors: casualties last turn rallied the public.</summary>
    public bool Rallied { get; init; }
    /// <summary>
    /// Guarantors: the record behind <see cref="Reputation"/> (institutional erosion before the game, honour, reneging and
    /// drawdowns in play). A new guarantee starts from the reputation this history left.
    /// </summary>
    public ImmutableArray<ReputationEntry> ReputationHistory { get; init; } = [];

    /// <summary>This position with its reputation moved by <paramref name="change"/> (kept within 0..1) and the reason recorded.</summary>
    public RolePosition WithReputationChange(int turn, double change, string reason) => this with
    {
        Reputation = Math.Clamp(Reputation + change, 0, 1),
        ReputationHistory = ReputationHistory.Add(new ReputationEntry(turn, Math.Round(change, 6), reason)),
    };
}

/// <summary>One event in a guarantor's record that moved its reputation: before the game (turn 0 or less) or in play.</summary>
public sealed record ReputationEntry(int Turn, double Change, string Reason);

/// <summary>A guarantee tested by an attack, waiting for the guarantor's response in the next turn's orders.</summary>
public sealed record PendingTest(int AgreementId, Role Guarantor, int Turn, string Attack, double TerritoryLost, bool TroopsShrunk);

/// <summary>The part of the state the rules act on; resolution replaces it as a whole.</summary>
public sealed record World
{
    /// <summary>The top of the sanctions scale (0 none, 10 maximal), as scenario files give it.</summary>
    public const int MaxSanctions = 10;
    /// <summary>Territory is a share of Ukraine's 1991 territory, in percent.</summary>
    public const double MaxTerritory = 100;

    public ImmutableSortedDictionary<Role, RolePosition> Positions { get; init; } = ImmutableSortedDictionary<Role, RolePosition>.Empty;
    public ImmutableArray<Agreement> Agreements { get; init; } = [];
    public double Territory { get; init; }
    public int Sanctions { get; init; }
    public ImmutableArray<PendingTest> PendingTests { get; init; } = [];
    public ImmutableSortedDictionary<Role, double> Scores { get; init; } = ImmutableSortedDictionary<Role, double>.Empty;
    /// <summary>Spoiler pressure injected this turn: resolution rolls a spoiler collapse at hazard x pressure. Reset each turn.</summary>
    public double SpoilerPressure { get; init; }
    /// <summary>Whether any ceasefire has collapsed in this game (the collapse rate of simulate).</summary>
    public bool CeasefireEverCollapsed { get; init; }

    public RolePosition this[Role role] => Positions[role];

    /// <summary>A hidden quantity of the role it belongs to (its default when a scenario built in code left it out).</summary>
    public double Hidden(HiddenQuantity quantity)
    {
        var d = HiddenQuantities.Of(quantity);
        return Positions.TryGetValue(d.Role, out var p) && p.Hidden.TryGetValue(d.Name, out var v) ? v : d.Default;
    }

    public World WithHidden(HiddenQuantity quantity, double value)
    {
        var d = HiddenQuantities.Of(quantity);
        var p = Positions[d.Role];
        return this with { Positions = Positions.SetItem(d.Role, p with { Hidden = p.Hidden.SetItem(d.Name, value) }) };
    }

    public Agreement? Ceasefire => Agreements.LastOrDefault(a => a.Kind == AgreementKind.Ceasefire && a.IsInForce);

    public IEnumerable<Agreement> GuaranteesInForce => Agreements.Where(a => a.Kind == AgreementKind.Guarantee && a.IsInForce);

    public static World FromScenario(Scenario scenario, RulesTable rules)
    {
        var positions = scenario.Roles.ToImmutableSortedDictionary(r => r.Role, r => new RolePosition
        {
            Troops = r.Troops,
            TroopsLastTurn = r.Troops,
            Location = r.Location,
            Reinforcements72h = r.Reinforcements72h,
            Reputation = Math.Clamp((r.Reputation ?? r.Role switch
            {
                Role.US => rules.Value(RuleKey.ReputationUs),
                Role.EU => rules.Value(RuleKey.ReputationEu),
                _ => 0,
            }) + r.ReputationHistory.Sum(e => e.Change), 0, 1),
            ReputationHistory = r.ReputationHistory,
            Hidden = r.Hidden,
        });
        var world = new World
        {
            Positions = positions,
            Territory = scenario.Territory,
            Sanctions = scenario.Sanctions,
            Scores = RoleSet.All.ToImmutableSortedDictionary(r => r, _ => 0.0),
        };
        var id = 0;
        foreach (var instrument in scenario.Instruments)
        {
            var agreement = AgreementLifecycle.Create(world, ++id, instrument.Proposer, instrument.Terms, turn: 0, counterOf: null);
            if (instrument.Status == InstrumentStatus.InForce)
                agreement = AgreementLifecycle.Sign(agreement, turn: 0, AgreementStatus.InForce, world) with
                {
                    Responses = agreement.Parties.ToImmutableSortedDictionary(p => p, _ => ProposalAnswer.Accepted),
                };
            world = world with { Agreements = world.Agreements.Add(agreement) };
        }
        return world;
    }
}
