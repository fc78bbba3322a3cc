using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Headlines;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Views;

/// <summary>What a timeline entry marks, for its symbol and colour on the time axis.</summary>
public enum TimelineKind { Proposed, Concluded, Revoked, Resolved, CeasefireBroken, GuaranteeTested, GuaranteeAnswered, Inject, Adjustment, Note, Ended }

/// <summary>
/// One moment of the game for the debrief: the log version the replay opens at (as the audience counts versions),
/// the turn and phase, what happened in a sentence, and the role it is about when there is one.
/// </summary>
public sealed record TimelineEntry(int Version, int Turn, Phase Phase, TimelineKind Kind, string Text, Role? Role);

/// <summary>
/// The whole game as one audience saw it: agreements proposed, signed and revoked, each turn's resolution with the
/// ceasefire broken and guarantees tested and answered, injects, the facilitator's adjustments and notes. An event
/// the audience could not see (<see cref="AudienceVersions.Sees"/>) makes no entry, and the sentences come from what
/// its views held, so the timeline tells it nothing its replay would not.
/// </summary>
public static class Timeline
{
    /// <summary>The timeline of <c>events</c> for <c>audience</c>: <c>states[i]</c> is the state after <c>events[i]</c>; versions by <c>versionOf</c>.</summary>
    public static ImmutableArray<TimelineEntry> For(IReadOnlyList<GameState> states, IReadOnlyList<GameEvent> events, Audience audience, Func<GameState, int> versionOf)
    {
        var entries = ImmutableArray.CreateBuilder<TimelineEntry>();
        for (var i = 1; i < events.Count; i++)
        {
            var (before, after, e) = (states[i - 1], states[i], events[i]);
            if (!AudienceVersions.Sees(before, e, audience))
                continue;
            var version = versionOf(after);
            void Add(TimelineKind kind, string text, Role? role = null) => entries.Add(new(version, after.Turn, after.Phase, kind, text, role));
            switch (e)
            {
                case ProposalMade p:
                    Add(TimelineKind.Proposed, $"{p.Proposer.DisplayName()} proposes {Describe(p.Terms)}{(p.CounterOf is null ? "" : " (a counter-proposal)")}.", p.Proposer);
                    break;
                case AgreementSigned s when after.World.Agreements.FirstOrDefault(a => a.Id == s.Id) is { } signed:
                    Add(TimelineKind.Concluded, $"Signed: {Describe(signed.Terms)} between {Names(signed.Parties)}"
                        + (s.Status == AgreementStatus.AwaitingRatification ? ", awaiting ratification." : ", in force."));
                    break;
                case AgreementRevoked r when after.World.Agreements.FirstOrDefault(a => a.Id == r.Id) is { } revoked:
                    Add(TimelineKind.Revoked, $"{r.Role.DisplayName()} revokes the {Describe(revoked.Kind)}: {r.Reason}", r.Role);
                    break;
                case TurnResolved or AdjudicationAdjusted:
                    Resolution(GameViews.For(after, audience), e, Add);
                    break;
                case InjectFired f:
                    Add(TimelineKind.Inject, $"{(f.CardId is null ? "Inject" : "Event card")}: {f.Title}.");
                    break;
                case NoteAdded n:
                    Add(TimelineKind.Note, $"Facilitator's note on turn {n.Turn}: {n.Text}");
                    break;
                case GameEnded:
                    Add(TimelineKind.Ended, "The game ends.");
                    break;
            }
        }
        return entries.ToImmutable();
    }

    private static void Resolution(GameView view, GameEvent e, Action<TimelineKind, string, Role?> add)
    {
        var outcome = view.Headlines.IsEmpty ? null : view.Headlines[^1];
        if (e is AdjudicationAdjusted adjusted)
        {
            // Named only when the audience sees the adjusted record: the reason may speak of a hidden roll.
            if (view.Records.FirstOrDefault(r => r.Id == adjusted.RecordId) is { } record)
                add(TimelineKind.Adjustment, $"The facilitator adjusts \"{record.Title}\" ({record.Subject}): {adjusted.Reason}", null);
            return;
        }
        if (outcome is null)
            return;
        add(TimelineKind.Resolved, outcome.Title + ".", null);
        foreach (var sentence in outcome.Sentences)
        {
            var kind = sentence.Topic switch
            {
                HeadlineTopic.CeasefireBroken => TimelineKind.CeasefireBroken,
                HeadlineTopic.GuaranteeTested => TimelineKind.GuaranteeTested,
                HeadlineTopic.GuaranteeAnswered => TimelineKind.GuaranteeAnswered,
                _ => (TimelineKind?)null,
            };
            if (kind is { } k)
                add(k, sentence.Text, sentence.Role);
        }
    }

    private static string Describe(AgreementTerms terms) => terms is CeasefireTerms ? "a ceasefire" : "a security guarantee";

    private static string Describe(AgreementKind kind) => kind == AgreementKind.Ceasefire ? "ceasefire" : "security guarantee";

    private static string Names(IEnumerable<Role> roles) => string.Join(", ", roles.Select(r => r.DisplayName()));
}
