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
    private readonly Dictionary<ResolutionRecord, string> _resultLines = new(ReferenceEqualityComparer.Instance);

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
                EarlierMessages = sections.Messages is { } messages && Extends(state.Messages, before.Messages) ? messages : null,
                World = sameWorld && before.Turn == state.Turn ? sections.World : null,
                Orders = Same(s => s.SubmittedOrders) && ReferenceEquals(Standing, earlier.Standing) ? sections.Orders : null,
            };
        }
        var lastResolved = state.Outcomes.IsEmpty ? (int?)null : state.Outcomes[^1].Turn;
        var sameStart = ReferenceEquals(StartMetrics, earlier.StartMetrics);
        foreach (var (audience, sections) in earlier._audiences)
        {
            if (before!.Revealed != state.Revealed)
                continue;
            var (was, now) = (before.AgreementOrder.GetValueOrDefault(audience, []), state.AgreementOrder.GetValueOrDefault(audience, []));
            var sameNumbers = was == now;
            // An agreement proposed in a turn is named in no record, score line or chart of an earlier turn, so giving
            // it a number leaves the audience's reading of the turns resolved before it as it was.
            var firstNamed = sameNumbers ? int.MaxValue : FirstTurnNaming(state, was, now);
            if (firstNamed is not { } newTurn)
                continue;
            _audiences[audience] = new AudienceSections
            {
                Numbers = sameNumbers ? sections.Numbers : null,
                Outcomes = sameOutcomes && sameStart && (lastResolved is not { } last || last < newTurn) ? sections.Outcomes : null,
                Turns = sameStart && sections.Turns is { } turns ? StillRead(turns, state.Outcomes, newTurn) : null,
                Standing = sameNumbers && sameWorld ? sections.Standing : null,
            };
        }
    }

    /// <summary>Whether <paramref name="now"/> is <paramref name="was"/> with messages added after it (the same objects first).</summary>
    private static bool Extends(ImmutableArray<Message> now, ImmutableArray<Message> was)
    {
        if (now.Length < was.Length)
            return false;
        for (var i = 0; i < was.Length; i++)
        {
            if (!ReferenceEquals(now[i], was[i]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The turns of <paramref name="turns"/> read as they were: the longest start of it whose outcomes are still the
    /// state's (a debrief's adjustment replaces the last) and resolved before <paramref name="newTurn"/>, the first turn
    /// that may name an agreement the audience has a new number for.
    /// </summary>
    private static ImmutableArray<TurnReading>? StillRead(ImmutableArray<TurnReading> turns, ImmutableArray<TurnOutcome> outcomes, int newTurn)
    {
        var kept = 0;
        while (kept < turns.Length && kept < outcomes.Length && ReferenceEquals(turns[kept].Outcome, outcomes[kept]) && turns[kept].Outcome.Turn < newTurn)
            kept++;
        return kept == turns.Length ? turns : kept == 0 ? null : turns[..kept];
    }

    /// <summary>
    /// When <paramref name="now"/> is <paramref name="was"/> followed by more agreements, the earliest turn one of them was
    /// proposed in (no turn resolved before it can name them); null when the numbers changed otherwise.
    /// </summary>
    private static int? FirstTurnNaming(GameState state, ImmutableArray<int> was, ImmutableArray<int> now)
    {
        if (now.Length <= was.Length || !now.AsSpan(0, was.Length).SequenceEqual(was.AsSpan()))
            return null;
        var first = int.MaxValue;
        foreach (var id in now.AsSpan()[was.Length..])
        {
            var proposed = int.MinValue;
            foreach (var agreement in state.World.Agreements)
            {
                if (agreement.Id == id)
                    proposed = agreement.ProposedTurn;
            }
            first = Math.Min(first, proposed);
        }
        return first;
    }

    /// <summary>A record's line in its turn's results, written once per record object (audiences reading a record alike share it).</summary>
    internal string ResultLine(ResolutionRecord record)
    {
        if (!_resultLines.TryGetValue(record, out var line))
            _resultLines[record] = line = $"{record.Step}. {record.Title} ({record.Subject}): {record.Outcome}";
        return line;
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
    /// <summary>The messages of an earlier state whose messages this state's begin with: the new sections are built on from them.</summary>
    public MessageSections? EarlierMessages { get; set; }
    public WorldSections? World { get; set; }
    public ImmutableArray<OrdersView>? Orders { get; set; }
}

/// <summary>
/// A sight's messages: those shown, how many it reads in all, how many of the state's messages were read to build them,
/// and how many of the shown are in each channel (indexed by <see cref="MessagePages.Members"/>).
/// </summary>
internal sealed record MessageSections(ImmutableArray<MessageView> Shown, int Count, int Read, int[] Channels)
{
    public static MessageSections None { get; } = new([], 0, 0, new int[MessagePages.ChannelCount]);
}

internal sealed record WorldSections(ImmutableArray<HiddenQuantitiesView> Hidden, ImmutableArray<IntelligenceReport> Intelligence);

/// <summary>An audience's own sections: its agreement numbers and what is read with them (null: not built yet).</summary>
internal sealed class AudienceSections
{
    public ImmutableDictionary<int, int>? Numbers { get; set; }
    public OutcomeSections? Outcomes { get; set; }
    /// <summary>Each resolved turn as the audience reads it, the sections above are joined from these.</summary>
    public ImmutableArray<TurnReading>? Turns { get; set; }
    public StandingSections? Standing { get; set; }
}

/// <summary>One resolved turn as an audience reads it: its records, results line, headline, scores and charts' numbers.</summary>
internal sealed record TurnReading(
    TurnOutcome Outcome,
    ImmutableArray<ResolutionRecord> Records,
    TurnResultView Result,
    TurnHeadline Headline,
    ImmutableArray<RoleScore> Scores,
    TurnMetrics Metrics);

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
