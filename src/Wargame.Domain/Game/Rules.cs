using System.Collections.Immutable;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Game;

/// <summary>
/// A command applied: the events it produced (none when refused), the rejection if any, the parts of an accepted
/// command that were left out, and the state after it.
/// </summary>
public sealed record Applied(GameState State, ImmutableArray<GameEvent> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;
    public ImmutableArray<RefusedPart> RefusedParts { get; init; } = [];
}

/// <summary>
/// The rules as pure functions: <see cref="Decide"/> turns a command into events or a rejection (asking the
/// <see cref="PhaseTable"/> first), <see cref="Evolve"/> applies one event, and <see cref="Apply"/> does both.
/// The server, the simulator, the CLI and the tests all go through <see cref="Apply"/>; none of them holds a rule.
/// </summary>
public static class Rules
{
    public static GameStarted Start(Scenario scenario, ulong seed) =>
        new(scenario, seed) { Format = LogFormat.Current, Constants = scenario.Constants().Values() };

    public static GameState Replay(IEnumerable<GameEvent> events)
    {
        GameState? state = null;
        foreach (var e in events)
            state = state is null ? Begin(e) : Evolve(state, e);
        return state ?? throw new ArgumentException("A game log starts with a GameStarted event; this one is empty.", nameof(events));
    }

    public static GameState Begin(GameEvent first)
    {
        if (first is not GameStarted started)
            throw new ArgumentException($"A game log starts with a GameStarted event, not {first.GetType().Name}.", nameof(first));
        var constants = started.Scenario.Constants().WithLoggedValues(started.Constants);
        var state = new GameState
        {
            Version = 1,
            Format = started.Format,
            Scenario = started.Scenario,
            Seed = started.Seed,
            Constants = constants,
            World = World.FromScenario(started.Scenario, constants),
        };
        return state with { AgreementOrder = AgreementNumbers.Next(state, state) };
    }

    /// <summary>Decides <paramref name="command"/> and, when accepted, evolves the state by its events.</summary>
    public static Applied Apply(GameState state, GameCommand command)
    {
        var decision = Decide(state, command);
        if (decision.Rejection is { } rejection)
            return new Applied(state, [], rejection);
        var next = state;
        foreach (var e in decision.Events)
            next = Evolve(next, e);
        return new Applied(next, decision.Events, null) { RefusedParts = decision.RefusedParts };
    }

    /// <summary>Never throws: any input gets events or a rejection with a stable code.</summary>
    public static Decision Decide(GameState state, GameCommand command)
    {
        try
        {
            return DecideChecked(state, command);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A last guard for inputs the checks did not foresee (a half-built command from the wire).
            return Decision.Reject("invalid-command", $"The game could not understand this command ({e.GetType().Name}); check every field and try again.");
        }
    }

    private static Decision DecideChecked(GameState state, GameCommand? command)
    {
        if (command is null)
            return Decision.Reject("missing-command", "No command was given.");
        var actor = command.Actor;
        if (!Enum.IsDefined(actor.Kind))
            return Decision.Reject("unknown-actor", "The command names an unknown kind of actor.");
        if (actor.Kind == ActorKind.Player && actor.Role is null)
            return Decision.Reject("no-role", "A player command must name the player's role.");
        if (actor.Role is { } role && !Enum.IsDefined(role))
            return Decision.Reject("unknown-role", "The command names a role that is not in this game (UA, RU, US, EU).");
        if (PhaseTable.Find(command) is not { } move)
            return Decision.Reject("unknown-command", $"This game does not understand {command.GetType().Name}.");
        var refusal = PhaseTable.Refusal(state, move, actor) ?? move.Validate?.Invoke(command) ?? move.Requires?.Invoke(state);
        return refusal is null ? move.Decide(state, command) : Decision.Reject(refusal.Code, refusal.Message);
    }

    public static GameState Evolve(GameState state, GameEvent e)
    {
        e = LogFormat.Upgrade(state, e);
        var next = e switch
        {
            MessagePosted m => state with { Messages = state.Messages.Add(new Message(m.Id, state.Turn, m.From, m.To, m.Text)) },
            OrdersSubmitted o => state with { SubmittedOrders = state.SubmittedOrders.SetItem(o.Role, o.Orders) },
            PhaseAdvanced p => state with
            {
                Turn = p.Turn,
                Phase = p.Phase,
                Deadline = null,
                WorldBeforeResolution = p.Phase == Phase.Debrief ? state.WorldBeforeResolution : null,
            },
            TurnResolved r => state with
            {
                Outcomes = state.Outcomes.Add(r.Outcome),
                WorldBeforeResolution = state.World,
                World = r.World,
                ResolvedOrders = r.Orders,
                StandingOrders = r.Orders,
                SubmittedOrders = ImmutableSortedDictionary<Role, Orders>.Empty,
            },
            AdjudicationAdjusted a => state with
            {
                Outcomes = state.Outcomes.SetItem(state.Outcomes.Length - 1, a.Outcome),
                World = a.World,
            },
            ProposalMade or ProposalAnswered or AgreementSigned or AgreementRevoked => NegotiationRules.Evolve(state, e) with { WorldBeforeResolution = null },
            InjectFired i => FacilitatorRules.Evolve(state, i) with { WorldBeforeResolution = null },
            DeadlineSet d => state with { Deadline = d.Deadline },
            DeadlinePresetsSet p => state with { DeadlinePresets = p.Presets },
            GamePaused p => state with { Paused = true, PausedRemainingSeconds = p.RemainingSeconds, Deadline = null },
            GameResumed r => state with { Paused = false, PausedRemainingSeconds = null, Deadline = r.Deadline },
            GameEnded => state with { Ended = true, Deadline = null, WorldBeforeResolution = null },
            RecordsRevealed => state with { Revealed = true },
            NoteAdded n => state with { Notes = state.Notes.Add(new FacilitatorNote(n.Turn, n.Text)) },
            GameStarted => throw new InvalidOperationException("GameStarted can only be the first event of a log."),
            _ => throw new InvalidOperationException($"No rule applies {e.GetType().Name}."),
        };
        return next with
        {
            Version = state.Version + 1,
            ViewVersions = AudienceVersions.Next(state, e),
            AgreementOrder = AgreementNumbers.Next(state, next),
        };
    }
}
