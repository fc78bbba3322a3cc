using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Game;

/// <summary>Facilitator operations that touch the rules: injects and adjustments of an adjudication.</summary>
internal static class FacilitatorRules
{
    public static Decision Inject(GameState state, InjectEvent i)
    {
        var effects = i.Effects.IsDefault ? [] : i.Effects;
        if (!string.IsNullOrWhiteSpace(i.CardId))
        {
            if (CardRefusal(state, i.CardId) is { } refused)
                return Decision.Reject(refused.Code, refused.Message);
            var card = state.Scenario.Events.First(c => c.Id == i.CardId);
            return Decision.Accept(new InjectFired(card.Id, card.Title, card.Text, card.Effects));
        }
        var limits = PhaseTable.Limits;
        if (string.IsNullOrWhiteSpace(i.Title) || i.Title.Length > limits.InjectTitleMaxLength)
            return Decision.Reject("inject-title-required", $"A free-text inject needs a title of up to {limits.InjectTitleMaxLength} characters (or pick a card from the deck).");
        if (string.IsNullOrWhiteSpace(i.Text) || i.Text.Length > limits.InjectTextMaxLength)
            return Decision.Reject("inject-text-required", $"A free-text inject needs a text of up to {limits.InjectTextMaxLength} characters.");
        if (effects.Length > limits.InjectMaxEffects)
            return Decision.Reject("too-many-effects", $"An inject can have at most {limits.InjectMaxEffects} effects.");
        foreach (var effect in effects)
        {
            if (effect is null || string.IsNullOrWhiteSpace(effect.Quantity))
                return Decision.Reject("unknown-quantity", "Each effect names a quantity, such as RU.resolve.");
            if (Effects.Check(effect.Quantity) is { } problem)
                return Decision.Reject("unknown-quantity", problem);
            if (!double.IsFinite(effect.Delta) || Math.Abs(effect.Delta) > limits.InjectMaxDelta)
                return Decision.Reject("absurd-effect", $"The change to {effect.Quantity} must be a finite number no larger than {limits.InjectMaxDelta:N0}.");
        }
        return Decision.Accept(new InjectFired(null, i.Title.Trim(), i.Text.Trim(), effects));
    }

    /// <summary>Why card <paramref name="cardId"/> of the deck cannot be played now; null when it can.</summary>
    public static Rejection? CardRefusal(GameState state, string cardId)
    {
        if (!state.Scenario.Events.Any(c => c.Id == cardId))
            return new("unknown-card", $"The scenario's event deck has no card '{cardId}'.");
        if (state.Injects.Any(x => x.CardId == cardId))
            return new("card-already-fired", $"Card '{cardId}' has already been played.");
        return null;
    }

    /// <summary>A note on a turn already played (or the current one).</summary>
    public static Decision Note(GameState state, AddNote note) =>
        note.Turn > state.Turn
            ? Decision.Reject("turn-not-played", $"A note is about turn {state.Turn} or one before it; turn {note.Turn} has not been played.")
            : Decision.Accept(new NoteAdded(note.Turn, note.Text.Trim()));

    public static Rejection? CheckNote(AddNote note)
    {
        var limits = PhaseTable.Limits;
        if (note.Turn < 1)
            return new("bad-turn", "A note is about a turn, numbered from 1.");
        if (string.IsNullOrWhiteSpace(note.Text) || note.Text.Length > limits.MessageMaxLength)
            return new("note-text-required", $"A note needs a text of up to {limits.MessageMaxLength} characters.");
        return null;
    }

    /// <summary>Cards of the deck scheduled for this turn (or earlier) that have not fired yet.</summary>
    public static IEnumerable<GameEvent> ScheduledInjects(GameState state, int turn) =>
        state.Scenario.Events
            .Where(c => c.Turn is { } t && t <= turn && !state.Injects.Any(x => x.CardId == c.Id))
            .Select(c => new InjectFired(c.Id, c.Title, c.Text, c.Effects));

    public static GameState Evolve(GameState state, InjectFired i)
    {
        var world = state.World;
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var effect in i.Effects)
        {
            (world, var line) = Effects.Apply(world, effect);
            lines.Add(line);
        }
        return state with { World = world, Injects = state.Injects.Add(new InjectRecord(state.Turn, i.CardId, i.Title, i.Text, i.Effects, lines.ToImmutable())) };
    }

    public static Rejection WindowClosed { get; } = new("adjustment-window-closed",
        "An adjudication can be adjusted only in the debrief right after its resolution, before new proposals or injects.");

    /// <summary>The arguments alone: a reason, and a non-zero shift within the table's range.</summary>
    public static Rejection? CheckAdjustment(AdjustAdjudication a)
    {
        var limits = PhaseTable.Limits;
        if (string.IsNullOrWhiteSpace(a.Reason) || a.Reason.Length > limits.ReasonMaxLength)
            return new("reason-required", $"An adjustment needs a reason (up to {limits.ReasonMaxLength} characters) for the debrief.");
        if (!double.IsFinite(a.Logit) || Math.Abs(a.Logit) > limits.AdjustmentMaxLogit || a.Logit == 0)
            return new("adjustment-out-of-range", $"An adjustment is a non-zero shift of at most ±{limits.AdjustmentMaxLogit} logit.");
        return null;
    }

    /// <summary>Open from a resolution until the debrief closes or a proposal or inject changes the world it started from.</summary>
    public static Rejection? AdjustmentWindow(GameState state) =>
        state.Outcomes.IsEmpty || state.WorldBeforeResolution is null ? WindowClosed : null;

    /// <summary>
    /// Why record <paramref name="recordId"/> cannot be adjusted while the window is open (the arguments aside): it
    /// is not one of the last resolution's records, or it has no roll. Null when it can.
    /// </summary>
    public static Rejection? RecordRefusal(GameState state, string recordId)
    {
        var last = state.Outcomes[^1];
        if (last.Records.FirstOrDefault(r => r.Id == recordId) is not { } record)
            return new("unknown-record", $"Turn {last.Turn} has no resolution record '{recordId}'.");
        if (!record.Adjustable)
            return new("record-not-adjustable", $"Record '{recordId}' has no roll to adjust; only rolled outcomes can be adjusted.");
        return null;
    }

    public static Decision Adjust(GameState state, AdjustAdjudication a)
    {
        if (RecordRefusal(state, a.RecordId) is { } refused)
            return Decision.Reject(refused.Code, refused.Message);
        var last = state.Outcomes[^1];

        var adjustments = last.Records.Where(r => r.Adjustment is not null && r.Id != a.RecordId)
            .ToDictionary(r => r.Id, r => new Adjustment(r.Adjustment!.Value, r.AdjustmentReason!));
        adjustments[a.RecordId] = new Adjustment(a.Logit, a.Reason.Trim());
        var before = state with { World = state.WorldBeforeResolution! };
        var (outcome, world) = TurnResolver.Resolve(before, state.ResolvedOrders, adjustments);
        return Decision.Accept(new AdjudicationAdjusted(last.Turn, a.RecordId, a.Logit, a.Reason.Trim(), outcome, world));
    }
}
