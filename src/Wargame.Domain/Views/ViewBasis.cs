using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Headlines;
using Wargame.Domain.Map;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Views;

/// <summary>
/// What the views of one state share, built once for all audiences instead of once in each <see cref="GameViews.For(ViewBasis, Audience)"/>:
/// the public sections (forces, map, roles, rules table, the assessment behind credibility and deterrence), the
/// sections that depend only on which roles an audience sees (its <see cref="Sight"/>: messages, orders, hidden
/// quantities), and each audience's own (records and headlines read with its agreement numbers, where its guarantees
/// stand), each built when first asked for. Built from the basis of an earlier state, it takes over every section
/// whose inputs that state shares by reference (a message leaves the world alone, so forces, map and assessment are
/// carried over), which keeps those sections the same objects and makes the next delta's comparison of them free.
/// A section held here for several audiences holds only what each of them may see: public facts, or a sight's.
/// One thread at a time (a game's grain, or a caller's own basis).
/// </summary>
public sealed class ViewBasis
{
    private readonly Dictionary<Sight, SightSections> _sights;
    private readonly Dictionary<Audience, AudienceSections> _audiences;

    private ViewBasis(GameState state, ViewBasis? earlier)
    {
        State = state;
        var before = earlier?.State;
        bool Same<T>(Func<GameState, T> input) where T : class => before is not null && ReferenceEquals(input(before), input(state));
        var sameScenario = Same(s => s.Scenario) && Same(s => s.Constants);
        var sameWorld = sameScenario && Same(s => s.World) && before!.Seed == state.Seed;
        var sameOutcomes = sameScenario && before!.Outcomes == state.Outcomes;
        var sameInjects = sameScenario && before!.Injects == state.Injects;

        Scenario = sameScenario ? earlier!.Scenario : ScenarioSummary.Of(state.Scenario);
        RuleConstants = sameScenario ? earlier!.RuleConstants : state.Constants.All;
        StartMetrics = sameScenario && before!.Seed == state.Seed ? earlier!.StartMetrics : TurnHeadlines.Start(state.Scenario, state.Constants, state.Seed);
        Roles = sameScenario && Same(s => s.SubmittedOrders) ? earlier!.Roles
            : [.. state.Scenario.Roles.Select(r => new RoleCard(r.Role, r.Role.DisplayName(), state.SubmittedOrders.ContainsKey(r.Role)))];
        PublicBriefings = sameScenario ? earlier!.PublicBriefings : [.. state.Scenario.Roles.Select(r => new PublicBriefing(r.Role, r.PublicBriefing))];
        Standing = Same(s => s.StandingOrders) ? earlier!.Standing
            : PhaseTable.EffectiveOrders(state with { SubmittedOrders = ImmutableSortedDictionary<Role, Orders>.Empty });
        var world = state.World;
        Forces = sameWorld ? earlier!.Forces
            : [.. world.Positions.Select(kv => new ForceView(kv.Key, kv.Value.Troops, kv.Value.Location, kv.Value.Reinforcements72h,
                kv.Key.IsGuarantor() ? kv.Value.Reputation : null, kv.Value.ReputationHistory))];
        Map = sameWorld && sameOutcomes ? earlier!.Map : MapViews.For(state);
        Assessment = sameWorld ? earlier!.Assessment : Deterrence.Assess(world, state.Constants);
        Estimate = sameWorld ? earlier!.Estimate : Perception.Of(world, state.Constants, Assessment, state.Seed);
        PublicInjects = sameInjects ? earlier!.PublicInjects : [.. state.Injects.Select(i => new InjectView(i.Turn, i.CardId, i.Title, i.Text, []))];
        AllInjects = sameInjects ? earlier!.AllInjects : [.. state.Injects.Select(i => new InjectView(i.Turn, i.CardId, i.Title, i.Text, i.Effects))];

        // A sight's sections follow the messages, the world and the orders; an audience's its agreement numbers and the
        // outcomes (records read with those numbers) or the world (where its guarantees stand).
        _sights = [];
        _audiences = [];
        if (earlier is null)
            return;
        foreach (var (sight, sections) in earlier._sights)
        {
            _sights[sight] = new SightSections
            {
                Messages = before!.Messages == state.Messages ? sections.Messages : null,
                World = sameWorld && before.Turn == state.Turn ? sections.World : null,
                Orders = Same(s => s.SubmittedOrders) && ReferenceEquals(Standing, earlier.Standing) ? sections.Orders : null,
            };
        }
        foreach (var (audience, sections) in earlier._audiences)
        {
            if (before!.Revealed != state.Revealed || before.AgreementOrder.GetValueOrDefault(audience, []) != state.AgreementOrder.GetValueOrDefault(audience, []))
                continue;
            _audiences[audience] = new AudienceSections
            {
                Numbers = sections.Numbers,
                Outcomes = sameOutcomes && ReferenceEquals(StartMetrics, earlier.StartMetrics) ? sections.Outcomes : null,
                Standing = sameWorld ? sections.Standing : null,
            };
        }
    }

    /// <summary>The basis of <paramref name="state"/>, taking over what it shares with <paramref name="earlier"/> (a basis of an earlier state of the same game).</summary>
    public static ViewBasis Of(GameState state, ViewBasis? earlier = null) =>
        earlier is not null && ReferenceEquals(earlier.State, state) ? earlier : new ViewBasis(state, earlier);

    public GameState State { get; }
    public ScenarioSummary Scenario { get; }
    public ImmutableArray<RuleConstant> RuleConstants { get; }
    public ImmutableArray<RoleCard> Roles { get; }
    public ImmutableArray<PublicBriefing> PublicBriefings { get; }
    /// <summary>The orders each role would resolve with if it submitted nothing more (its standing orders).</summary>
    public ImmutableSortedDictionary<Role, Orders> Standing { get; }
    public ImmutableArray<ForceView> Forces { get; }
    public MapView Map { get; }
    /// <summary>The true credibility and deterrence; each audience sees the guarantees it knows of.</summary>
    public Assessment Assessment { get; }
    /// <summary>Russia's estimate of them, seen by Russia (and, beside the truth, by those who see all).</summary>
    public RussianEstimate Estimate { get; }
    /// <summary>The metrics at the start of the game, the first headline's point of comparison.</summary>
    public TurnMetrics StartMetrics { get; }
    public ImmutableArray<InjectView> PublicInjects { get; }
    public ImmutableArray<InjectView> AllInjects { get; }

    /// <summary>The roles an audience sees: all of them (the facilitator, everyone after the reveal), its own, or none.</summary>
    public static Sight SightOf(GameState state, Audience audience) =>
        audience.Kind == AudienceKind.Facilitator || state.Revealed ? Sight.Everything : new Sight(false, audience.Role);

    internal SightSections For(Sight sight)
    {
        if (!_sights.TryGetValue(sight, out var sections))
            _sights[sight] = sections = new SightSections();
        return sections;
    }

    internal AudienceSections For(Audience audience)
    {
        if (!_audiences.TryGetValue(audience, out var sections))
            _audiences[audience] = sections = new AudienceSections();
        return sections;
    }
}

/// <summary>Which roles' private facts an audience sees: every role's, or one role's (none for an observer).</summary>
public readonly record struct Sight(bool SeesAll, Role? Role)
{
    public static Sight Everything { get; } = new(true, null);

    public bool Sees(Role role) => SeesAll || Role == role;
}

/// <summary>The sections of the views of one <see cref="Sight"/>, grouped by what they are built from (null: not built yet).</summary>
internal sealed class SightSections
{
    public MessageSections? Messages { get; set; }
    public WorldSections? World { get; set; }
    public ImmutableArray<OrdersView>? Orders { get; set; }
}

internal sealed record MessageSections(ImmutableArray<MessageView> Shown, int Count);

internal sealed record WorldSections(ImmutableArray<HiddenQuantitiesView> Hidden, ImmutableArray<IntelligenceReport> Intelligence);

/// <summary>An audience's own sections: its agreement numbers and what is read with them (null: not built yet).</summary>
internal sealed class AudienceSections
{
    public ImmutableDictionary<int, int>? Numbers { get; set; }
    public OutcomeSections? Outcomes { get; set; }
    public StandingSections? Standing { get; set; }
}

internal sealed record OutcomeSections(
    ImmutableArray<ResolutionRecord> Records,
    ImmutableArray<TurnResultView> Results,
    ImmutableArray<TurnHeadline> Headlines,
    ImmutableArray<RoleScore> Scores,
    ImmutableArray<TurnMetrics> Metrics);

internal sealed record StandingSections(
    ImmutableArray<CredibilityView> Credibility,
    double Deterrence,
    RussianBeliefView? RussianBelief,
    ImmutableArray<PendingTestView> PendingTests,
    RussianOutlookView? RussianOutlook);
