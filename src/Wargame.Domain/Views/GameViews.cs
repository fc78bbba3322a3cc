using System.Collections.Immutable;
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

    public static GameView For(GameState state, Audience audience)
    {
        var seesAll = audience.Kind == AudienceKind.Facilitator || state.Revealed;
        bool Sees(Role role) => seesAll || audience.Role == role;
        bool InChannel(Message m) => Reads(state, audience, m);
        bool SeesRecord(ResolutionRecord r) => r.VisibleTo.IsEmpty || r.VisibleTo.Any(Sees);
        // A secret guarantee (and its proposal) is for its parties only, until it comes to light (AgreementVisibility).
        var numbers = AgreementNumbers.For(state, audience);
        bool SeesProposal(Agreement a) => numbers.ContainsKey(a.Id);
        bool KnowsId(int agreementId) => numbers.ContainsKey(agreementId);
        // A link to a proposal this audience cannot see is left out, like the proposal itself.
        int? Link(int? id) => id is { } linked && numbers.ContainsKey(linked) ? linked : null;
        // Russia reads its own estimate of commitment, capability and D, never the true values (until the reveal).
        var readsEstimate = !seesAll && audience.Role == Role.RU;
        // The charts' numbers of a turn as this audience may read them (the headlines are written from the same).
        TurnMetrics Seen(TurnMetrics m) => m with
        {
            Hazard = Sees(Role.RU) ? m.Hazard : null,
            Credibility = readsEstimate ? m.Perceived : [.. m.Credibility.Where(p => KnowsId(p.AgreementId))],
            Deterrence = readsEstimate ? m.RussianEstimate ?? m.Deterrence : m.Deterrence,
            RussianEstimate = Sees(Role.RU) ? m.RussianEstimate : null,
            Perceived = Sees(Role.RU) ? m.Perceived : [],
            Scores = m.Scores.Where(kv => Sees(kv.Key)).ToImmutableSortedDictionary(),
        };

        var messages = Messages(state.Messages.Where(InChannel));
        var world = state.World;
        var standing = PhaseTable.EffectiveOrders(state with { SubmittedOrders = ImmutableSortedDictionary<Role, Orders>.Empty });
        var assessment = Deterrence.Assess(world, state.Constants);
        var estimate = Perception.Of(world, state.Constants, assessment, state.Seed);
        // Records name agreements by this audience's numbers, like every other part of its view.
        ResolutionRecord Readable(ResolutionRecord r) => AgreementNumbers.Renumber(r, numbers);
        var records = state.Outcomes.SelectMany(o => o.Records).Where(SeesRecord).Select(Readable).ToImmutableArray();
        ImmutableArray<CommandKind> allowed = audience switch
        {
            { Kind: AudienceKind.Role, Role: { } role } => PhaseTable.Allowed(state, Actor.Player(role)),
            { Kind: AudienceKind.Facilitator } => PhaseTable.Allowed(state, Actor.Facilitator),
            _ => [],
        };
        var actions = ItemActions.For(state, audience, allowed);

        return new GameView
        {
            Audience = audience,
            Scenario = ScenarioSummary.Of(state.Scenario),
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
            Roles = [.. state.Scenario.Roles.Select(r => new RoleCard(r.Role, r.Role.DisplayName(), r.PublicBriefing, state.SubmittedOrders.ContainsKey(r.Role)))],
            PrivateRecords = [.. state.Scenario.Roles.Where(r => Sees(r.Role)).Select(r => new PrivateRecord(r.Role, r.PrivateBriefing))],
            Messages = messages.Shown,
            MessageCount = messages.Count,
            Orders = [.. RoleSet.All.Where(Sees).Select(r => new OrdersView(r, state.SubmittedOrders.GetValueOrDefault(r), standing[r]))],
            Results = [.. state.Outcomes.Select(o => new TurnResultView(o.Turn,
                [.. o.Records.Where(SeesRecord).Select(Readable).Select(r => $"{r.Step}. {r.Title} ({r.Subject}): {r.Outcome}")]))],
            Proposals = [.. world.Agreements.Where(SeesProposal).Select(a => new ProposalView(a.Id, numbers[a.Id], a.Kind, a.Proposer, a.Parties, a.Terms, a.Status,
                [.. a.Responses.Select(kv => new PartyResponseView(kv.Key, kv.Value))], a.ProposedTurn, Link(a.CounterOf), Link(a.CounteredBy))
            {
                Actions = actions.OnProposal(a),
            })],
            Agreements = [.. world.Agreements.Where(a => AgreementVisibility.IsSigned(a.Status) && SeesProposal(a)).Select(a => new AgreementView(a.Id, numbers[a.Id], a.Kind, a.Parties, a.Terms, a.Status,
                a.StatusReason, a.SignedTurn, a.Kind == AgreementKind.Guarantee ? a.Form : null, a.Reputation, a.Breaches, a.Violators,
                a.Kind == AgreementKind.Guarantee ? a.Ambiguity : null, a.Disclosed, a.Changes, a.TroopsAtSigning, a.DrawdownTurn)
            {
                CanRevoke = actions.CanRevoke(a),
            })],
            Forces = [.. world.Positions.Select(kv => new ForceView(kv.Key, kv.Value.Troops, kv.Value.Location, kv.Value.Reinforcements72h,
                kv.Key.IsGuarantor() ? kv.Value.Reputation : null, kv.Value.ReputationHistory))],
            Territory = world.Territory,
            Map = MapViews.For(state),
            Sanctions = world.Sanctions,
            Credibility = readsEstimate
                ? [.. estimate.Guarantors.Select(p => new CredibilityView(p.AgreementId, p.Guarantor, p.Commitment, [EstimateTerm], p.Capability, [EstimateTerm], p.Credibility))]
                : [.. assessment.Guarantors.Where(a => KnowsId(a.AgreementId)).Select(a => new CredibilityView(a.AgreementId, a.Guarantor, a.Commitment, a.CommitmentTerms, a.Capability, a.CapabilityTerms, a.Credibility))],
            Deterrence = readsEstimate ? estimate.Deterrence : assessment.Deterrence,
            RussianBelief = seesAll || audience.Role == Role.RU ? Belief(estimate, assessment, withTruth: seesAll) : null,
            PendingTests = [.. world.PendingTests.Where(t => KnowsId(t.AgreementId)).Select(t => new PendingTestView(t.AgreementId, t.Guarantor, t.Turn, t.Attack))],
            Records = records,
            AdjustableRecords = actions.AdjustableRecords(),
            Headlines = TurnHeadlines.For(state, SeesRecord, numbers, Seen),
            Scores = [.. state.Outcomes.SelectMany(o => o.Scores).Where(s => Sees(s.Role))
                .Select(s => s with { Lines = [.. s.Lines.Select(l => l with { Because = AgreementNumbers.Renumber(l.Because, numbers) })] })],
            Metrics = [.. state.Outcomes.Select(o => Seen(o.Metrics))],
            Injects = [.. state.Injects.Select(i => new InjectView(i.Turn, i.CardId, i.Title, i.Text, seesAll ? i.Effects : []))],
            Notes = seesAll ? state.Notes : [],
            InjectQuantities = audience.Kind == AudienceKind.Facilitator ? Effects.Catalogue : [],
            EventDeck = seesAll
                ? [.. state.Scenario.Events.Select(c => new EventCardView(c.Id, c.Title, c.Text, c.Turn, c.Effects, state.Injects.Any(i => i.CardId == c.Id))
                {
                    CanFire = actions.CanFire(c.Id),
                })]
                : [],
            Hidden = [.. world.Positions.Where(kv => Sees(kv.Key)).Select(kv => new HiddenQuantitiesView(kv.Key, Quantities(kv.Key, kv.Value)))],
            Intelligence = IntelligenceReports.For(state, Sees),
            RussianOutlook = Sees(Role.RU) ? Outlook(state, estimate.Deterrence) : null,
            RuleConstants = state.Constants.All,
        };
    }

    /// <summary>
    /// Numbered within this audience's list, so a gap never reveals a message it cannot see; each channel (the public
    /// one, or one set of members) keeps its latest messages, so a long one is cut from its start.
    /// </summary>
    private static (ImmutableArray<MessageView> Shown, int Count) Messages(IEnumerable<Message> readable)
    {
        var all = Numbered(readable);
        var perChannel = PhaseTable.Limits.MessagesShownPerChannel;
        var shown = all.GroupBy(m => MessagePages.ChannelOf(m)).SelectMany(c => c.TakeLast(perChannel)).OrderBy(m => m.Id);
        return ([.. shown], all.Length);
    }

    /// <summary>Whether <paramref name="audience"/> may read <paramref name="message"/>: public, its own channels, or everything for the facilitator and after the reveal.</summary>
    internal static bool Reads(GameState state, Audience audience, Message message) =>
        message.IsPublic || audience.Kind == AudienceKind.Facilitator || state.Revealed
        || (audience.Role is { } r && (message.From == r || message.To.Contains(r)));

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

    private static RussianOutlookView Outlook(GameState state, double deterrence)
    {
        var hasCeasefire = state.World.Ceasefire is not null;
        var hazard = hasCeasefire ? Deterrence.Hazard(state.World, state.Constants, deterrence, rearm: false).Value : (double?)null;
        var rearming = hasCeasefire ? Deterrence.Hazard(state.World, state.Constants, deterrence, rearm: true).Value : (double?)null;
        return new RussianOutlookView(deterrence, hazard, rearming, RussianOutlook.Options(deterrence, state.World.Hidden(HiddenQuantity.Resolve), state.Constants, hasCeasefire));
    }

    private static readonly Term EstimateTerm = new("Russia's estimate (step C): the public terms seen through its intelligence", 0, "DESIGN", "docs/game-model.md step C (perception)");

    /// <summary>Russia's estimates; beside them the true values for the facilitator and after the reveal.</summary>
    private static RussianBeliefView Belief(RussianEstimate estimate, Assessment truth, bool withTruth) => new(
        estimate.Deterrence,
        withTruth ? truth.Deterrence : null,
        [.. estimate.Guarantors.Select(p => new PerceivedGuarantorView(p.AgreementId, p.Guarantor, p.Commitment, p.Capability, p.Credibility,
            withTruth ? p.TrueCommitment : null, withTruth ? p.TrueCapability : null, withTruth ? p.TrueCredibility : null))]);
}
