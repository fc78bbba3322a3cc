using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Headlines;
using Wargame.Domain.Map;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Views;

/// <summary>Projects state onto what an audience is entitled to see. Pure; the only gate for hidden information.</summary>
public static class GameViews
{
    /// <summary>A guarantor's own view lists these flags of its position beside its hidden quantities (value 1 for yes).</summary>
    public const string RalliedQuantity = "rallied";
    public const string ExitPressureQuantity = "exitPressure";
    public const string TroopsLastTurnQuantity = "troopsLastTurn";

    public static GameView For(GameState state, Audience audience) => For(ViewBasis.Of(state), audience);

    /// <summary>
    /// <paramref name="audience"/>'s view of the basis's state: the basis's public sections, its sight's sections and
    /// the audience's own (numbers, records as it reads them, credibility, what Russia believes), each built once per
    /// basis; what it may do to each item is worked out afresh, as it follows every rule of the phase table.
    /// </summary>
    public static GameView For(ViewBasis basis, Audience audience)
    {
        var state = basis.State;
        var sight = ViewBasis.SightOf(state, audience);
        var seesAll = sight.SeesAll;
        var ofSight = basis.For(sight);
        var messages = ofSight.Messages ??= Messages(state, sight, ofSight.EarlierMessages);
        var hidden = ofSight.World ??= WorldSections(state, sight);
        var own = basis.For(audience);
        var numbers = own.Numbers ??= AgreementNumbers.For(state, audience);
        var outcomes = own.Outcomes ??= OutcomeSections(basis, audience, sight, numbers, own);
        var standing = own.Standing ??= StandingSections(basis, audience, sight, numbers);
        // A secret guarantee (and its proposal) is for its parties only, until it comes to light (AgreementVisibility).
        bool KnowsId(int agreementId) => numbers.ContainsKey(agreementId);
        // A link to a proposal this audience cannot see is left out, like the proposal itself.
        int? Link(int? id) => id is { } linked && numbers.ContainsKey(linked) ? linked : null;
        ImmutableArray<CommandKind> allowed = audience switch
        {
            { Kind: AudienceKind.Role, Role: { } role } => PhaseTable.Allowed(state, Actor.Player(role)),
            { Kind: AudienceKind.Facilitator } => PhaseTable.Allowed(state, Actor.Facilitator),
            _ => [],
        };
        var actions = ItemActions.For(state, audience, allowed);
        var world = state.World;

        return new GameView
        {
            Audience = audience,
            Scenario = basis.Scenario,
            Version = AudienceVersions.Of(state, audience),
            Turn = state.Turn,
            Phase = state.Phase,
            Paused = state.Paused,
            Deadline = state.Deadline,
            PausedRemainingSeconds = state.PausedRemainingSeconds,
            DeadlinePresets = state.DeadlinePresets,
            Ended = state.Ended,
            Revealed = state.Revealed,
            Allowed = allowed,
            Limits = PhaseTable.Limits,
            Roles = basis.Roles,
            PublicBriefings = basis.PublicBriefings,
            PrivateRecords = [.. state.Scenario.Roles.Where(r => sight.Sees(r.Role)).Select(r => new PrivateRecord(r.Role, r.PrivateBriefing))],
            Messages = messages.Shown,
            MessageCount = messages.Count,
            Orders = ofSight.Orders ??= [.. RoleSet.All.Where(sight.Sees).Select(r => new OrdersView(r, state.SubmittedOrders.GetValueOrDefault(r), basis.Standing[r]))],
            Results = outcomes.Results,
            Proposals = [.. world.Agreements.Where(a => KnowsId(a.Id)).Select(a => new ProposalView(a.Id, numbers[a.Id], a.Kind, a.Proposer, a.Parties, a.Terms, a.Status,
                [.. a.Responses.Select(kv => new PartyResponseView(kv.Key, kv.Value))], a.ProposedTurn, Link(a.CounterOf), Link(a.CounteredBy))
            {
                Actions = actions.OnProposal(a),
            })],
            Agreements = [.. world.Agreements.Where(a => AgreementVisibility.IsSigned(a.Status) && KnowsId(a.Id)).Select(a => new AgreementView(a.Id, numbers[a.Id], a.Kind, a.Parties, a.Terms, a.Status,
                a.StatusReason, a.SignedTurn, a.Kind == AgreementKind.Guarantee ? a.Form : null, a.Reputation, a.Breaches, a.Violators,
                a.Kind == AgreementKind.Guarantee ? a.Ambiguity : null, a.Disclosed, a.Changes, a.TroopsAtSigning, a.DrawdownTurn)
            {
                CanRevoke = actions.CanRevoke(a),
            })],
            Forces = basis.Forces,
            Territory = world.Territory,
            Map = basis.Map,
            Sanctions = world.Sanctions,
            Credibility = standing.Credibility,
            Deterrence = standing.Deterrence,
            RussianBelief = standing.RussianBelief,
            PendingTests = standing.PendingTests,
            Records = outcomes.Records,
            AdjustableRecords = actions.AdjustableRecords(),
            Headlines = outcomes.Headlines,
            Scores = outcomes.Scores,
            Metrics = outcomes.Metrics,
            Injects = seesAll ? basis.AllInjects : basis.PublicInjects,
            Notes = seesAll ? state.Notes : [],
            InjectQuantities = audience.Kind == AudienceKind.Facilitator ? Effects.Catalogue : [],
            EventDeck = seesAll
                ? [.. state.Scenario.Events.Select(c => new EventCardView(c.Id, c.Title, c.Text, c.Turn, c.Effects, state.Injects.Any(i => i.CardId == c.Id))
                {
                    CanFire = actions.CanFire(c.Id),
                })]
                : [],
            Hidden = hidden.Hidden,
            Intelligence = hidden.Intelligence,
            RussianOutlook = standing.RussianOutlook,
            RuleConstants = basis.RuleConstants,
        };
    }

    private static WorldSections WorldSections(GameState state, Sight sight) => new(
        [.. state.World.Positions.Where(kv => sight.Sees(kv.Key)).Select(kv => new HiddenQuantitiesView(kv.Key, Quantities(kv.Key, kv.Value)))],
        IntelligenceReports.For(state, sight.Sees));

    /// <summary>The resolved turns as this audience reads them: the records it sees, naming agreements by its numbers, and the charts' numbers it may read.</summary>
    private static OutcomeSections OutcomeSections(ViewBasis basis, Audience audience, Sight sight, ImmutableDictionary<int, int> numbers, AudienceSections own)
    {
        var turns = TurnReadings(basis, audience, sight, numbers, own.Turns ?? []);
        own.Turns = turns;
        var recordCount = 0;
        var scoreCount = 0;
        foreach (var turn in turns)
        {
            recordCount += turn.Records.Length;
            scoreCount += turn.Scores.Length;
        }
        var records = ImmutableArray.CreateBuilder<ResolutionRecord>(recordCount);
        var scores = ImmutableArray.CreateBuilder<RoleScore>(scoreCount);
        var results = ImmutableArray.CreateBuilder<TurnResultView>(turns.Length);
        var headlines = ImmutableArray.CreateBuilder<TurnHeadline>(turns.Length);
        var metrics = ImmutableArray.CreateBuilder<TurnMetrics>(turns.Length);
        foreach (var turn in turns)
        {
            records.AddRange(turn.Records);
            scores.AddRange(turn.Scores);
            results.Add(turn.Result);
            headlines.Add(turn.Headline);
            metrics.Add(turn.Metrics);
        }
        return new(records.MoveToImmutable(), results.MoveToImmutable(), headlines.MoveToImmutable(), scores.MoveToImmutable(), metrics.MoveToImmutable());
    }

    /// <summary>
    /// Each resolved turn as the audience reads it: the turns <paramref name="carried"/> over from the last basis as they
    /// were (<see cref="ViewBasis"/> keeps only those whose outcome and reading did not change), the rest read afresh.
    /// </summary>
    private static ImmutableArray<TurnReading> TurnReadings(ViewBasis basis, Audience audience, Sight sight, ImmutableDictionary<int, int> numbers, ImmutableArray<TurnReading> carried)
    {
        var outcomes = basis.State.Outcomes;
        if (carried.Length == outcomes.Length)
            return carried;
        var turns = ImmutableArray.CreateBuilder<TurnReading>(outcomes.Length);
        turns.AddRange(carried);
        var seen = Seen(audience, sight, numbers);
        for (var i = carried.Length; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            var records = ImmutableArray.CreateBuilder<ResolutionRecord>(outcome.Records.Length);
            foreach (var record in outcome.Records)
            {
                if (SeesRecord(record, sight))
                    records.Add(AgreementNumbers.Renumber(record, numbers));
            }
            var readable = records.DrainToImmutable();
            var lines = new string[readable.Length];
            for (var r = 0; r < lines.Length; r++)
                lines[r] = basis.ResultLine(readable[r]);
            var metrics = seen(outcome.Metrics);
            var before = i == 0 ? seen(basis.StartMetrics) : turns[i - 1].Metrics;
            var scores = ImmutableArray.CreateBuilder<RoleScore>(outcome.Scores.Length);
            foreach (var score in outcome.Scores)
            {
                if (sight.Sees(score.Role))
                    scores.Add(AgreementNumbers.Renumber(score, numbers));
            }
            turns.Add(new TurnReading(
                outcome,
                readable,
                new TurnResultView(outcome.Turn, ImmutableCollectionsMarshal.AsImmutableArray(lines)),
                TurnHeadlines.Write(outcome with { Metrics = metrics }, readable, before, numbers),
                scores.DrainToImmutable(),
                metrics));
        }
        return turns.MoveToImmutable();
    }

    private static bool SeesRecord(ResolutionRecord record, Sight sight)
    {
        if (record.VisibleTo.IsEmpty)
            return true;
        foreach (var role in record.VisibleTo)
        {
            if (sight.Sees(role))
                return true;
        }
        return false;
    }

    /// <summary>The charts' numbers of a turn as this audience may read them (the headlines are written from the same).</summary>
    private static Func<TurnMetrics, TurnMetrics> Seen(Audience audience, Sight sight, ImmutableDictionary<int, int> numbers)
    {
        // Russia reads its own estimate of commitment, capability and D, never the true values (until the reveal).
        var readsEstimate = !sight.SeesAll && audience.Role == Role.RU;
        var seesRussia = sight.Sees(Role.RU);
        return m => m with
        {
            Hazard = seesRussia ? m.Hazard : null,
            Credibility = readsEstimate ? m.Perceived : [.. m.Credibility.Where(p => numbers.ContainsKey(p.AgreementId))],
            Deterrence = readsEstimate ? m.RussianEstimate ?? m.Deterrence : m.Deterrence,
            RussianEstimate = seesRussia ? m.RussianEstimate : null,
            Perceived = seesRussia ? m.Perceived : [],
            Scores = m.Scores.Where(kv => sight.Sees(kv.Key)).ToImmutableSortedDictionary(),
        };
    }

    /// <summary>Where the guarantees this audience knows of stand now: credibility, deterrence, tests pending and, for Russia, its estimates.</summary>
    private static StandingSections StandingSections(ViewBasis basis, Audience audience, Sight sight, ImmutableDictionary<int, int> numbers)
    {
        var state = basis.State;
        var seesAll = sight.SeesAll;
        bool KnowsId(int agreementId) => numbers.ContainsKey(agreementId);
        var readsEstimate = !seesAll && audience.Role == Role.RU;
        var (assessment, estimate) = (basis.Assessment, basis.Estimate);
        return new(
            readsEstimate
                ? [.. estimate.Guarantors.Select(p => new CredibilityView(p.AgreementId, p.Guarantor, p.Commitment, [EstimateTerm], p.Capability, [EstimateTerm], p.Credibility))]
                : [.. assessment.Guarantors.Where(a => KnowsId(a.AgreementId)).Select(a => new CredibilityView(a.AgreementId, a.Guarantor, a.Commitment, a.CommitmentTerms, a.Capability, a.CapabilityTerms, a.Credibility))],
            readsEstimate ? estimate.Deterrence : assessment.Deterrence,
            seesAll || audience.Role == Role.RU ? Belief(estimate, assessment, withTruth: seesAll) : null,
            [.. state.World.PendingTests.Where(t => KnowsId(t.AgreementId)).Select(t => new PendingTestView(t.AgreementId, t.Guarantor, t.Turn, t.Attack))],
            sight.Sees(Role.RU) ? RussianOutlook.Shown(state.World, state.Constants, estimate.Deterrence) : null);
    }

    /// <summary>
    /// Numbered within this audience's list, so a gap never reveals a message it cannot see; each channel (the public
    /// one, or one set of members) keeps its latest messages, so a long one is cut from its start. Built on from the
    /// sections of the state's earlier messages when the basis carried them over (<paramref name="earlier"/>), so a new
    /// message costs the messages after them, not the whole game's.
    /// </summary>
    private static MessageSections Messages(GameState state, Sight sight, MessageSections? earlier)
    {
        earlier ??= MessageSections.None;
        var perChannel = PhaseTable.Limits.MessagesShownPerChannel;
        List<MessageView>? shown = null;
        var count = earlier.Count;
        var channels = earlier.Channels;
        var copied = false;
        for (var i = earlier.Read; i < state.Messages.Length; i++)
        {
            var message = state.Messages[i];
            if (!Reads(sight, message))
                continue;
            shown ??= [.. earlier.Shown];
            if (!copied)
            {
                channels = (int[])channels.Clone();
                copied = true;
            }
            var view = new MessageView(++count, message.Turn, message.From, message.To, message.Text);
            shown.Add(view);
            var channel = MessagePages.Members(view);
            if (++channels[channel] > perChannel)
            {
                shown.RemoveAt(shown.FindIndex(m => MessagePages.Members(m) == channel));
                channels[channel]--;
            }
        }
        return shown is null ? earlier with { Read = state.Messages.Length } : new([.. shown], count, state.Messages.Length, channels);
    }

    /// <summary>Whether a sight reads <paramref name="message"/>: public, its role's own channels, or everything (the facilitator, and everyone after the reveal).</summary>
    internal static bool Reads(Sight sight, Message message) =>
        message.IsPublic || sight.SeesAll || (sight.Role is { } r && (message.From == r || message.To.Contains(r)));

    /// <summary>The messages an audience may read, numbered within them (the ids its view and its pages show).</summary>
    internal static ImmutableArray<MessageView> Numbered(IEnumerable<Message> readable) =>
        [.. readable.Select((m, i) => new MessageView(i + 1, m.Turn, m.From, m.To, m.Text))];

    private static ImmutableArray<QuantityView> Quantities(Role role, RolePosition position)
    {
        var list = HiddenQuantities.All.Where(d => d.Role == role)
            .Select(d => new QuantityView(d.Name, d.Label, position.Hidden.TryGetValue(d.Name, out var v) ? v : d.Default, d.Unit)).ToList();
        if (role.IsGuarantor())
        {
            list.Add(new QuantityView(RalliedQuantity, "Public rallied after casualties", position.Rallied ? 1 : 0, QuantityUnit.Flag));
            list.Add(new QuantityView(ExitPressureQuantity, "Exit pressure after casualties", position.ExitPressure ? 1 : 0, QuantityUnit.Flag));
            list.Add(new QuantityView(TroopsLastTurnQuantity, "Own troops in Ukraine at the last resolution", position.TroopsLastTurn, QuantityUnit.Count));
        }
        return [.. list];
    }

    private static readonly Term EstimateTerm = new("Russia's estimate (step C): the public terms seen through its intelligence", 0, "DESIGN", "docs/game-model.md step C (perception)");

    /// <summary>Russia's estimates; beside them the true values for the facilitator and after the reveal.</summary>
    private static RussianBeliefView Belief(RussianEstimate estimate, Assessment truth, bool withTruth) => new(
        estimate.Deterrence,
        withTruth ? truth.Deterrence : null,
        [.. estimate.Guarantors.Select(p => new PerceivedGuarantorView(p.AgreementId, p.Guarantor, p.Commitment, p.Capability, p.Credibility,
            withTruth ? p.TrueCommitment : null, withTruth ? p.TrueCapability : null, withTruth ? p.TrueCredibility : null))]);
}
