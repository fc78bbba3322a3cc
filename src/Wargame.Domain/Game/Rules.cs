using System.Collections.Immutable;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Game;

/// <summary>
/// The rules as two pure functions: <see cref="Decide"/> turns a command into events or a rejection,
/// <see cref="Evolve"/> applies one event. The server's actor only sequences them; it holds no rules.
/// </summary>
public static class Rules
{
    public static GameStarted Start(Scenario scenario, ulong seed) => new(scenario, seed);

    public static GameState Replay(IEnumerable<GameEvent> events)
    {
        GameState? state = null;
        foreach (var e in events)
            state = state is null ? Begin(e) : Evolve(state, e);
        return state ?? throw new ArgumentException("A game log starts with a GameStarted event; this one is empty.", nameof(events));
    }

    public static GameState Begin(GameEvent first) => first is GameStarted started
        ? new GameState { Version = 1, Scenario = started.Scenario, Seed = started.Seed }
        : throw new ArgumentException($"A game log starts with a GameStarted event, not {first.GetType().Name}.", nameof(first));

    public static Decision Decide(GameState state, GameCommand command)
    {
        if (state.Ended && command is not RevealAll)
            return Decision.Reject("game-ended", "The game has ended; nothing more can be played.");
        if (command.Actor.Kind == ActorKind.Player && command.Actor.Role is null)
            return Decision.Reject("no-role", "A player command must name the player's role.");
        if (state.Paused && command.Actor.Kind == ActorKind.Player)
            return Decision.Reject("game-paused", "The facilitator has paused the game; wait for it to resume.");

        return command switch
        {
            PostMessage m => DecideMessage(state, m),
            SubmitOrders o => DecideOrders(state, o),
            AdvancePhase a => FacilitatorOnly(a, () => DecideAdvance(state)),
            SetDeadline d => FacilitatorOnly(d, () => Decision.Accept(new DeadlineSet(d.Deadline))),
            PauseGame p => FacilitatorOnly(p, () => state.Paused
                ? Decision.Reject("already-paused", "The game is already paused.")
                : Decision.Accept(new GamePaused(p.RemainingSeconds))),
            ResumeGame r => FacilitatorOnly(r, () => state.Paused
                ? Decision.Accept(new GameResumed(r.Deadline))
                : Decision.Reject("not-paused", "The game is not paused.")),
            EndGame e => FacilitatorOnly(e, () => Decision.Accept(new GameEnded())),
            RevealAll r => FacilitatorOnly(r, () => state.Ended
                ? Decision.Accept(new RecordsRevealed())
                : Decision.Reject("game-not-ended", "Private records can be revealed only after the game has ended.")),
            _ => Decision.Reject("unknown-command", $"This game does not understand {command.GetType().Name} yet."),
        };
    }

    public static GameState Evolve(GameState state, GameEvent e)
    {
        var next = e switch
        {
            MessagePosted m => state with { Messages = state.Messages.Add(new Message(m.Id, state.Turn, m.From, m.To, m.Text)) },
            OrdersSubmitted o => state with { SubmittedOrders = state.SubmittedOrders.SetItem(o.Role, o.Orders) },
            PhaseAdvanced p => state with { Turn = p.Turn, Phase = p.Phase, Deadline = null },
            TurnResolved r => state with
            {
                Results = state.Results.Add(new TurnResult(r.Turn, r.Lines)),
                StandingOrders = r.Orders,
                SubmittedOrders = ImmutableSortedDictionary<Role, Orders>.Empty,
            },
            DeadlineSet d => state with { Deadline = d.Deadline },
            GamePaused p => state with { Paused = true, PausedRemainingSeconds = p.RemainingSeconds, Deadline = null },
            GameResumed r => state with { Paused = false, PausedRemainingSeconds = null, Deadline = r.Deadline },
            GameEnded => state with { Ended = true, Deadline = null },
            RecordsRevealed => state with { Revealed = true },
            GameStarted => throw new InvalidOperationException("GameStarted can only be the first event of a log."),
            _ => throw new InvalidOperationException($"No rule applies {e.GetType().Name}."),
        };
        return next with { Version = state.Version + 1 };
    }

    private static Decision FacilitatorOnly(GameCommand command, Func<Decision> decide) =>
        command.Actor.Kind is ActorKind.Facilitator or ActorKind.System
            ? decide()
            : Decision.Reject("facilitator-only", "Only the facilitator can do that.");

    private static Decision DecideMessage(GameState state, PostMessage m)
    {
        if (string.IsNullOrWhiteSpace(m.Text))
            return Decision.Reject("empty-message", "A message needs some text.");
        if (m.Text.Length > 4000)
            return Decision.Reject("message-too-long", "A message can be at most 4000 characters.");
        var from = m.Actor.Role;
        var to = m.To.Where(r => r != from).Distinct().Order().ToImmutableArray();
        if (!m.To.IsEmpty && to.IsEmpty)
            return Decision.Reject("no-recipients", "A private message needs at least one other role.");
        if (m.Actor.Kind == ActorKind.Player && !m.To.IsEmpty && to.Length == RoleSet.All.Count - 1)
            to = [];
        return Decision.Accept(new MessagePosted(state.Messages.Length + 1, from, to, m.Text.Trim()));
    }

    private static Decision DecideOrders(GameState state, SubmitOrders o)
    {
        if (o.Actor.Kind != ActorKind.Player || o.Actor.Role is not { } role)
            return Decision.Reject("players-only", "Only a role's players submit its orders.");
        if (state.Phase != Phase.Orders)
            return Decision.Reject("not-orders-phase", $"Orders can be submitted only in the orders phase; it is now the {state.Phase.ToString().ToLowerInvariant()} phase.");
        var fits = (role, o.Orders) switch
        {
            (Role.RU, RussiaOrders) => true,
            (Role.UA, UkraineOrders) => true,
            (Role.US or Role.EU, GuarantorOrders) => true,
            _ => false,
        };
        return fits
            ? Decision.Accept(new OrdersSubmitted(role, o.Orders))
            : Decision.Reject("wrong-orders-kind", $"{role.DisplayName()} cannot give {o.Orders.GetType().Name}.");
    }

    private static Decision DecideAdvance(GameState state)
    {
        var (turn, phase) = (state.Turn, state.Phase);
        if (phase == Phase.Orders)
        {
            var orders = RoleSet.All.Where(r => state.SubmittedOrders.ContainsKey(r) || state.StandingOrders.ContainsKey(r))
                .ToImmutableSortedDictionary(r => r, r => state.SubmittedOrders.TryGetValue(r, out var o) ? o : state.StandingOrders[r]);
            // Placeholder resolution until the full model lands: it reports the orders, it adjudicates nothing.
            var lines = orders.Select(kv => $"{kv.Key.DisplayName()}: {kv.Value}").ToImmutableArray();
            return Decision.Accept(new TurnResolved(turn, lines, orders), new PhaseAdvanced(turn, Phase.Debrief));
        }
        if (phase == Phase.Debrief)
        {
            return turn >= state.Scenario.Turns
                ? Decision.Accept(new GameEnded())
                : Decision.Accept(new PhaseAdvanced(turn + 1, Phase.Briefing));
        }
        return Decision.Accept(new PhaseAdvanced(turn, phase + 1));
    }
}
