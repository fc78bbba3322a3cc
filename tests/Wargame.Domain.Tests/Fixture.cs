using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;

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

    /// <summary>The table as the rules see it with one quantity of <paramref name="role"/> set.</summary>
    public static GameState WithHidden(this GameState state, Role role, string quantity, double value) => state with
    {
        World = state.World with
        {
            Positions = state.World.Positions.SetItem(role, state.World[role] with { Hidden = state.World[role].Hidden.SetItem(quantity, value) }),
        },
    };

    public static ImmutableArray<Role> Roles(params Role[] roles) => [.. roles];
}
