using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Game;

/// <summary>
/// The rules as two pure functions: <see cref="Decide"/> turns a command into events or a rejection,
/// <see cref="Evolve"/> applies one event. The server's actor only sequences them; it holds no rules.
/// </summary>
public static class Rules
{
    public const double MaxAdjustmentLogit = 0.5;

    public static GameStarted Start(Scenario scenario, ulong seed) => new(scenario, seed);

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
        var rules = started.Scenario.RulesTable();
        return new GameState
        {
            Version = 1,
            Scenario = started.Scenario,
            Seed = started.Seed,
            Rules = rules,
            World = World.FromScenario(started.Scenario, rules),
            NextAgreementId = started.Scenario.Instruments.Length + 1,
        };
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
            // A last guard for inputs the checks above did not foresee (a half-built command from the wire).
            return Decision.Reject("invalid-command", $"The game could not understand this command ({e.GetType().Name}); check every field and try again.");
        }
    }

    private static Decision DecideChecked(GameState state, GameCommand? command)
    {
        if (command is null)
            return Decision.Reject("missing-command", "No command was given.");
        if (!Enum.IsDefined(command.Actor.Kind))
            return Decision.Reject("unknown-actor", "The command names an unknown kind of actor.");
        if (state.Ended && command is not RevealAll)
            return Decision.Reject("game-ended", "The game has ended; nothing more can be played.");
        if (command.Actor.Kind == ActorKind.Player && command.Actor.Role is null)
            return Decision.Reject("no-role", "A player command must name the player's role.");
        if (command.Actor.Role is { } role && !Enum.IsDefined(role))
            return Decision.Reject("unknown-role", "The command names a role that is not in this game (UA, RU, US, EU).");
        if (state.Paused && command.Actor.Kind == ActorKind.Player)
            return Decision.Reject("game-paused", "The facilitator has paused the game; wait for it to resume.");

        return command switch
        {
            PostMessage m => DecideMessage(state, m),
            Propose p => NegotiationRules.Propose(state, p),
            RespondToProposal r => NegotiationRules.Respond(state, r),
            CounterProposal c => NegotiationRules.Counter(state, c),
            RevokeAgreement r => NegotiationRules.Revoke(state, r),
            SubmitOrders o => DecideOrders(state, o),
            AdvancePhase a => FacilitatorOnly(a, () => DecideAdvance(state)),
            SetDeadline d => FacilitatorOnly(d, () => Decision.Accept(new DeadlineSet(d.Deadline))),
            PauseGame p => FacilitatorOnly(p, () => state.Paused
                ? Decision.Reject("already-paused", "The game is already paused.")
                : p.RemainingSeconds is < 0
                    ? Decision.Reject("negative-time", "The remaining time cannot be negative.")
                    : Decision.Accept(new GamePaused(p.RemainingSeconds))),
            ResumeGame r => FacilitatorOnly(r, () => state.Paused
                ? Decision.Accept(new GameResumed(r.Deadline))
                : Decision.Reject("not-paused", "The game is not paused.")),
            InjectEvent i => FacilitatorOnly(i, () => FacilitatorRules.Inject(state, i)),
            AdjustAdjudication a => FacilitatorOnly(a, () => FacilitatorRules.Adjust(state, a)),
            EndGame e => FacilitatorOnly(e, () => Decision.Accept(new GameEnded())),
            RevealAll r => FacilitatorOnly(r, () => state.Revealed
                ? Decision.Reject("already-revealed", "Every private record is already revealed.")
                : state.Ended
                    ? Decision.Accept(new RecordsRevealed())
                    : Decision.Reject("game-not-ended", "Private records can be revealed only after the game has ended.")),
            _ => Decision.Reject("unknown-command", $"This game does not understand {command.GetType().Name}."),
        };
    }

    public static GameState Evolve(GameState state, GameEvent e)
    {
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
                Outcomes = r.Outcome is null ? state.Outcomes : state.Outcomes.Add(r.Outcome),
                WorldBeforeResolution = state.World,
                World = r.World ?? state.World,
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
            GamePaused p => state with { Paused = true, PausedRemainingSeconds = p.RemainingSeconds, Deadline = null },
            GameResumed r => state with { Paused = false, PausedRemainingSeconds = null, Deadline = r.Deadline },
            GameEnded => state with { Ended = true, Deadline = null, WorldBeforeResolution = null },
            RecordsRevealed => state with { Revealed = true },
            GameStarted => throw new InvalidOperationException("GameStarted can only be the first event of a log."),
            _ => throw new InvalidOperationException($"No rule applies {e.GetType().Name}."),
        };
        return next with { Version = state.Version + 1, AudienceVersions = AudienceVersions.Next(state, e) };
    }

    /// <summary>The orders resolution will use for each role: submitted, else standing (the previous posture).</summary>
    public static ImmutableSortedDictionary<Role, Orders> EffectiveOrders(GameState state) =>
        RoleSet.All.ToImmutableSortedDictionary(r => r, r => state.SubmittedOrders.TryGetValue(r, out var o)
            ? o
            : OrdersRules.Standing(r, state.StandingOrders.GetValueOrDefault(r)));

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
        var recipients = m.To.IsDefault ? [] : m.To;
        if (recipients.Any(r => !Enum.IsDefined(r)))
            return Decision.Reject("unknown-role", "A message can only go to UA, RU, US or EU.");
        var from = m.Actor.Role;
        var to = recipients.Where(r => r != from).Distinct().Order().ToImmutableArray();
        if (!recipients.IsEmpty && to.IsEmpty)
            return Decision.Reject("no-recipients", "A private message needs at least one other role.");
        if (m.Actor.Kind == ActorKind.Player && !recipients.IsEmpty && to.Length == RoleSet.All.Count - 1)
            to = [];
        return Decision.Accept(new MessagePosted(state.Messages.Length + 1, from, to, m.Text.Trim()));
    }

    private static Decision DecideOrders(GameState state, SubmitOrders o)
    {
        if (o.Actor.Kind != ActorKind.Player || o.Actor.Role is not { } role)
            return Decision.Reject("players-only", "Only a role's players submit its orders.");
        if (state.Phase != Phase.Orders)
            return Decision.Reject("not-orders-phase", $"Orders can be submitted only in the orders phase; it is now the {state.Phase.ToString().ToLowerInvariant()} phase.");
        return OrdersRules.Check(state, role, o.Orders) is { } rejection
            ? Decision.Reject(rejection.Code, rejection.Message)
            : Decision.Accept(new OrdersSubmitted(role, o.Orders));
    }

    private static Decision DecideAdvance(GameState state)
    {
        var (turn, phase) = (state.Turn, state.Phase);
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        switch (phase)
        {
            case Phase.Orders:
                var orders = EffectiveOrders(state);
                var (outcome, world) = TurnResolver.Resolve(state, orders, new Dictionary<string, Adjustment>());
                events.Add(new TurnResolved(turn, outcome.Lines, orders) { Outcome = outcome, World = world });
                events.Add(new PhaseAdvanced(turn, Phase.Debrief));
                break;
            case Phase.Negotiation:
                foreach (var accepted in state.World.Agreements.Where(a => a.Status == AgreementStatus.Accepted))
                    events.Add(new AgreementSigned(accepted.Id));
                events.Add(new PhaseAdvanced(turn, Phase.Orders));
                break;
            case Phase.Debrief when turn >= state.Scenario.Turns:
                events.Add(new GameEnded());
                break;
            case Phase.Debrief:
                events.AddRange(FacilitatorRules.ScheduledInjects(state, turn + 1));
                events.Add(new PhaseAdvanced(turn + 1, Phase.Briefing));
                break;
            case Phase.Briefing:
                // Turn 1 starts in its briefing without an advance, so its cards fire when that briefing closes.
                events.AddRange(FacilitatorRules.ScheduledInjects(state, turn));
                events.Add(new PhaseAdvanced(turn, Phase.Negotiation));
                break;
            default:
                events.Add(new PhaseAdvanced(turn, phase + 1));
                break;
        }
        return Decision.Accept(events.ToImmutable());
    }
}
