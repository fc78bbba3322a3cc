using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests;

/// <summary>
/// Small tables built in code, so a rule test states the situation it needs instead of leaning on a shipped
/// scenario's ids and prose. Instruments are numbered from 1 in the order given.
/// </summary>
internal static class Fixture
{
    public static Scenario Table(params InstrumentSetup[] instruments) => new()
    {
        Id = "fixture",
        Title = "Fixture table",
        Summary = "Four roles with round numbers, built in a test.",
        Turns = 4,
        Territory = 80,
        Sanctions = 6,
        Roles =
        [
            Setup(Role.UA, 300_000),
            Setup(Role.RU, 450_000),
            Setup(Role.US, 10_000) with { Reinforcements72h = 40_000 },
            Setup(Role.EU, 15_000) with { Reinforcements72h = 15_000 },
        ],
        Instruments = [.. instruments],
    };

    public static RoleSetup Setup(Role role, int troops) =>
        new(role, $"{role} public briefing.", $"{role} private briefing.")
        {
            Troops = troops,
            Hidden = HiddenQuantities.Defaults(role),
        };

    public static InstrumentSetup Ceasefire(CeasefireTerms? terms = null) =>
        new(Role.UA, InstrumentStatus.InForce, terms ?? new CeasefireTerms());

    public static InstrumentSetup Guarantee(GuaranteeTerms terms) => new(Role.UA, InstrumentStatus.InForce, terms);

    public static GuaranteeTerms Treaty(params Role[] guarantors) => new()
    {
        Guarantors = [.. guarantors],
        LegalForm = LegalForm.RatifiedTreaty,
        Trigger = Trigger.Automatic,
    };

    public static GameState Start(Scenario scenario, ulong seed = 42) => Rules.Begin(Rules.Start(scenario, seed));

    /// <summary>The table with <paramref name="role"/> starting with <paramref name="troops"/> (and no reinforcements when none are deployed).</summary>
    public static Scenario WithTroops(this Scenario scenario, Role role, int troops) => scenario with
    {
        Roles = [.. scenario.Roles.Select(r => r.Role == role ? r with { Troops = troops, Reinforcements72h = troops == 0 ? 0 : r.Reinforcements72h } : r)],
    };

    /// <summary>The table with rule constants overridden as a scenario file would.</summary>
    public static Scenario WithRules(this Scenario scenario, params (RuleKey Key, double Value)[] overrides) => scenario with
    {
        RuleOverrides = overrides.Aggregate(scenario.RuleOverrides, (o, x) => o.SetItem(RulesTable.NameOf(x.Key), x.Value)),
    };

    public static Scenario WithCards(this Scenario scenario, params EventCard[] cards) => scenario with { Events = [.. scenario.Events, .. cards] };

    /// <summary>A guarantee's guarantors with tripwires of the troops each starts with on this table.</summary>
    public static GuaranteeTerms WithTripwires(this GuaranteeTerms terms, Scenario scenario) => terms with
    {
        Tripwires = [.. terms.Guarantors.Select(g => new Tripwire(g, scenario.For(g).Troops, TripwireLocation.Rear)).Where(t => t.Troops > 0)],
    };

    /// <summary>Applies each command in turn; every one must be accepted.</summary>
    public static GameState Play(this GameState state, params GameCommand[] commands) => commands.Aggregate(state, (s, c) => s.Apply(c));

    /// <summary>Closes the orders phase of this turn after the given orders: the turn resolves and its debrief opens.</summary>
    public static GameState Resolve(this GameState state, params (Role Role, Orders Orders)[] orders)
    {
        state = state.AdvanceTo(Phase.Orders);
        foreach (var (role, o) in orders)
            state = state.Apply(new SubmitOrders(Actor.Player(role), o));
        return state.Advance();
    }

    /// <summary>The table as the rules see it with one quantity of <paramref name="role"/> set.</summary>
    public static GameState WithHidden(this GameState state, Role role, string quantity, double value) => state with
    {
        World = state.World with
        {
            Positions = state.World.Positions.SetItem(role, state.World[role] with { Hidden = state.World[role].Hidden.SetItem(quantity, value) }),
        },
    };
}
