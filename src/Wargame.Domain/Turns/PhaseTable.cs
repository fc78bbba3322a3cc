using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Turns;

/// <summary>Who may issue a move.</summary>
[Flags]
internal enum Issuers
{
    Player = 1,
    Facilitator = 2,
    /// <summary>The server acting on the facilitator's behalf (a deadline passing).</summary>
    System = 4,
    Staff = Facilitator | System,
    Everyone = Player | Facilitator | System,
}

/// <summary>What a pause does to a move of the facilitator (players can do nothing while the game is paused).</summary>
internal enum WhilePaused
{
    Allowed,
    Refused,
    /// <summary>Only while paused (resuming).</summary>
    Required,
}

/// <summary>Whether a move belongs before the game's end, after it, or to both.</summary>
internal enum GameEnd { Before, After, Either }

/// <summary>
/// One row of the phase table: a command, who may issue it, in which phases, how a pause and the end of the game
/// bear on it, and its decider. <see cref="Validate"/> checks the command's own arguments; <see cref="Requires"/>
/// a condition of the state that a client can know in advance (for the facilitator only: it may read anything).
/// </summary>

internal sealed record Move(CommandKind Kind, Type Command, Issuers Issuers, ImmutableArray<Phase> Phases, Func<GameState, GameCommand, Decision> Decide)
{
    public Rejection? NotInPhase { get; init; }
    public WhilePaused Paused { get; init; } = WhilePaused.Allowed;
    /// <summary>Before the game ends (most moves), only after it (revealing the records), or either (debrief notes).</summary>
    public GameEnd End { get; init; } = GameEnd.Before;
    public Func<GameCommand, Rejection?>? Validate { get; init; }
    public Func<GameState, Rejection?>? Requires { get; init; }

    public static Move Of<T>(CommandKind kind, Issuers issuers, ImmutableArray<Phase> phases, Func<GameState, T, Decision> decide)
        where T : GameCommand => new(kind, typeof(T), issuers, phases, (state, command) => decide(state, (T)command));
}

/// <summary>
/// The one source of "what may be done now" (boardgame.io's phases as data): for every command, who may issue it
/// in which phase, what pauses and the end of the game do to it, and the function that decides it; what closing each
/// phase does; the limits of commands; and standing orders. <see cref="Rules.Decide"/> asks it before any decider
/// runs, and views list <see cref="Allowed"/> for their audience, so the hub, the grain and the browser ask instead
/// of repeating the rules.
/// </summary>
public static class PhaseTable
{
    public static CommandLimits Limits { get; } = new();

    /// <summary>The phases of a turn in order; closing the last opens the next turn's first, or ends the game.</summary>
    public static ImmutableArray<Phase> Phases { get; } = [Phase.Briefing, Phase.Negotiation, Phase.Orders, Phase.Debrief];

    /// <summary>Formal proposals are made and answered in every phase but the orders phase.</summary>
    private static readonly ImmutableArray<Phase> TalkPhases = [Phase.Briefing, Phase.Negotiation, Phase.Debrief];

    private static readonly Rejection NotNegotiating = new("not-negotiation-phase", "Proposals are made and answered outside the orders phase.");

    internal static ImmutableArray<Move> Moves { get; } =
    [
        // Players (PostMessage also the facilitator's statements)
        Move.Of<PostMessage>(CommandKind.PostMessage, Issuers.Everyone, Phases, MessageRules.Post),
        Move.Of<Propose>(CommandKind.Propose, Issuers.Player, TalkPhases, NegotiationRules.Propose) with { NotInPhase = NotNegotiating },
        Move.Of<RespondToProposal>(CommandKind.RespondToProposal, Issuers.Player, TalkPhases, NegotiationRules.Respond) with { NotInPhase = NotNegotiating },
        Move.Of<CounterProposal>(CommandKind.CounterProposal, Issuers.Player, TalkPhases, NegotiationRules.Counter) with { NotInPhase = NotNegotiating },
        Move.Of<RevokeAgreement>(CommandKind.RevokeAgreement, Issuers.Player, Phases, NegotiationRules.Revoke),
        Move.Of<SubmitOrders>(CommandKind.SubmitOrders, Issuers.Player, [Phase.Orders], OrdersRules.Submit) with
        {
            NotInPhase = new("not-orders-phase", "Orders can be submitted only in the orders phase."),
        },

        // Facilitator: the clock
        Move.Of<AdvancePhase>(CommandKind.AdvancePhase, Issuers.Staff, Phases, (state, a) => Decision.Accept(Close(state, a.Now))),
        Move.Of<SetDeadline>(CommandKind.SetDeadline, Issuers.Staff, Phases, ClockRules.SetDeadline) with
        {
            Paused = WhilePaused.Refused,
            Validate = c => ClockRules.CheckSeconds(((SetDeadline)c).Seconds, "A deadline is", "from now (or none to clear it)"),
        },
        Move.Of<ExtendDeadline>(CommandKind.ExtendDeadline, Issuers.Staff, Phases, ClockRules.ExtendDeadline) with
        {
            Paused = WhilePaused.Refused,
            Validate = c => ClockRules.CheckSeconds(((ExtendDeadline)c).Seconds, "An extension is", ""),
            Requires = s => s.Deadline is null ? new("no-deadline", "There is no deadline to extend; set one first.") : null,
        },
        Move.Of<SetDeadlinePresets>(CommandKind.SetDeadlinePresets, Issuers.Staff, Phases, (_, p) => Decision.Accept(new DeadlinePresetsSet(p.Presets))) with
        {
            Validate = c => ClockRules.CheckPresets(((SetDeadlinePresets)c).Presets),
        },
        Move.Of<PauseGame>(CommandKind.PauseGame, Issuers.Staff, Phases, ClockRules.Pause) with { Paused = WhilePaused.Refused },
        Move.Of<ResumeGame>(CommandKind.ResumeGame, Issuers.Staff, Phases, ClockRules.Resume) with { Paused = WhilePaused.Required },
        Move.Of<CloseAtDeadline>(CommandKind.CloseAtDeadline, Issuers.System, Phases, ClockRules.CloseAtDeadline) with { Paused = WhilePaused.Refused },

        // Facilitator: the table
        Move.Of<InjectEvent>(CommandKind.InjectEvent, Issuers.Staff, Phases, FacilitatorRules.Inject),
        Move.Of<AdjustAdjudication>(CommandKind.AdjustAdjudication, Issuers.Staff, [Phase.Debrief], FacilitatorRules.Adjust) with
        {
            NotInPhase = FacilitatorRules.WindowClosed,
            Validate = c => FacilitatorRules.CheckAdjustment((AdjustAdjudication)c),
            Requires = FacilitatorRules.AdjustmentWindow,
        },
        Move.Of<EndGame>(CommandKind.EndGame, Issuers.Staff, Phases, (_, _) => Decision.Accept(new GameEnded())),
        Move.Of<RevealAll>(CommandKind.RevealAll, Issuers.Staff, Phases, (_, _) => Decision.Accept(new RecordsRevealed())) with
        {
            End = GameEnd.After,
            Requires = s => s.Revealed ? new("already-revealed", "Every private record is already revealed.") : null,
        },

        // Facilitator: the debrief record, in any phase, paused or not, during the game and after it.
        Move.Of<AddNote>(CommandKind.AddNote, Issuers.Staff, Phases, FacilitatorRules.Note) with
        {
            End = GameEnd.Either,
            Validate = c => FacilitatorRules.CheckNote((AddNote)c),
        },
    ];

    private static readonly Dictionary<Type, Move> ByType = Moves.ToDictionary(m => m.Command);

    /// <summary>The commands <paramref name="actor"/> may issue now (arguments aside), in the table's order.</summary>
    public static ImmutableArray<CommandKind> Allowed(GameState state, Actor actor) =>
        [.. Moves.Where(m => Refusal(state, m, actor) is null && m.Requires?.Invoke(state) is null).Select(m => m.Kind)];

    internal static Move? Find(GameCommand command) => ByType.GetValueOrDefault(command.GetType());

    /// <summary>Why <paramref name="actor"/> may not issue <paramref name="move"/> in this state at all; null when it may.</summary>
    internal static Rejection? Refusal(GameState state, Move move, Actor actor)
    {
        // Who may issue it comes first: a caller who may never issue a command is told so, whatever the state.
        if (!move.Issuers.HasFlag(IssuerOf(actor)))
            return WrongIssuer(move.Issuers);
        if (state.Ended && move.End == GameEnd.Before)
            return new("game-ended", "The game has ended; nothing more can be played.");
        if (!state.Ended && move.End == GameEnd.After)
            return new("game-not-ended", "Private records can be revealed only after the game has ended.");
        if (state.Paused && actor.Kind == ActorKind.Player)
            return new("game-paused", "The facilitator has paused the game; wait for it to resume.");
        switch (move.Paused)
        {
            case WhilePaused.Refused when state.Paused:
                return move.Kind == CommandKind.PauseGame
                    ? new("already-paused", "The game is already paused.")
                    : new("game-paused", "The game is paused; resume it first.");
            case WhilePaused.Required when !state.Paused:
                return new("not-paused", "The game is not paused.");
        }
        if (!move.Phases.Contains(state.Phase))
        {
            var now = $"It is now the {Describe(state.Phase)} phase.";
            return move.NotInPhase is { } no ? no with { Message = $"{no.Message} {now}" } : new("wrong-phase", $"That cannot be done now. {now}");
        }
        return null;
    }

    /// <summary>
    /// What a seat that issues no commands (an observer) is told when it tries <typeparamref name="T"/>: the refusal
    /// a wrong issuer of that command gets, so the hub need not know whose commands are whose.
    /// </summary>
    public static Rejection ObserverRefusal<T>() where T : GameCommand
    {
        var issuers = ByType[typeof(T)].Issuers;
        return issuers.HasFlag(Issuers.Player | Issuers.Facilitator) ? new("observer", "Observers can watch but not act.") : WrongIssuer(issuers);
    }

    private static Rejection WrongIssuer(Issuers issuers) =>
        issuers == Issuers.System ? new("server-only", "Only the server's clock does that.")
        : issuers.HasFlag(Issuers.Player) ? new("players-only", "Only a role's players can do that.")
        : new("facilitator-only", "Only the facilitator can do that.");

    /// <summary>
    /// Closing the current phase (boardgame.io's <c>onEnd</c> and <c>next</c>). The phase that opens starts its preset
    /// clock from <paramref name="now"/>, unless the game is paused or the command came without a time (a simulation).
    /// </summary>
    internal static ImmutableArray<GameEvent> Close(GameState state, DateTimeOffset now)
    {
        var turn = state.Turn;
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        switch (state.Phase)
        {
            case Phase.Briefing:
                // Turn 1 starts in its briefing without an advance, so its cards fire when that briefing closes.
                events.AddRange(FacilitatorRules.ScheduledInjects(state, turn));
                events.Add(new PhaseAdvanced(turn, Phase.Negotiation));
                break;
            case Phase.Negotiation:
                foreach (var accepted in state.World.Agreements.Where(a => a.Status == AgreementStatus.Accepted))
                    events.Add(new AgreementSigned(accepted.Id, AgreementLifecycle.SignedStatus(accepted.Terms)));
                events.Add(new PhaseAdvanced(turn, Phase.Orders));
                break;
            case Phase.Orders:
                var orders = EffectiveOrders(state);
                var (outcome, world) = TurnResolver.Resolve(state, orders, TurnResolver.NoAdjustments);
                events.Add(new TurnResolved(turn, orders, outcome, world));
                events.Add(new PhaseAdvanced(turn, Phase.Debrief));
                break;
            case Phase.Debrief when turn >= state.Scenario.Turns:
                events.Add(new GameEnded());
                break;
            case Phase.Debrief:
                events.AddRange(FacilitatorRules.ScheduledInjects(state, turn + 1));
                events.Add(new PhaseAdvanced(turn + 1, Phase.Briefing));
                break;
        }
        if (events[^1] is PhaseAdvanced opened && !state.Paused && now != default && state.DeadlinePresets.For(opened.Phase) is { } seconds)
            events.Add(new DeadlineSet(now.AddSeconds(seconds)));
        return events.ToImmutable();
    }

    /// <summary>The orders resolution will use for each role: submitted, else standing.</summary>
    public static ImmutableSortedDictionary<Role, Orders> EffectiveOrders(GameState state) =>
        RoleSet.All.ToImmutableSortedDictionary(r => r, r => state.SubmittedOrders.TryGetValue(r, out var o)
            ? o
            : StandingOrders(r, state.StandingOrders.GetValueOrDefault(r)));

    /// <summary>
    /// What a role that submits nothing gets (webDiplomacy-style): the previous posture without one-off actions;
    /// a first turn without orders is quiet.
    /// </summary>
    public static Orders StandingOrders(Role role, Orders? previous) => previous switch
    {
        RussiaOrders ru => ru with { Rearm = false },
        UkraineOrders ua => ua with { Mobilise = false },
        GuarantorOrders g => g with { TroopChange = 0, Response = null, SeekRatification = false, RaiseSpending = false, Statement = null },
        _ => role switch
        {
            Role.RU => new RussiaOrders(RussiaPosture.Comply, false, false),
            Role.UA => new UkraineOrders(UkrainePosture.Hold, false),
            _ => new GuarantorOrders(),
        },
    };

    internal static string Describe(Phase phase) => phase.ToString().ToLowerInvariant();

    private static Issuers IssuerOf(Actor actor) => actor.Kind switch
    {
        ActorKind.Player => Issuers.Player,
        ActorKind.Facilitator => Issuers.Facilitator,
        _ => Issuers.System,
    };
}
