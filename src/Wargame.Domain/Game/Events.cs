using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Game;

/// <summary>The first event of every game: everything needed to replay it is in the log, and the log's format.</summary>
public sealed record GameStarted(Scenario Scenario, ulong Seed) : GameEvent
{
    /// <summary>The shape of this log's events (<see cref="LogFormat"/>); logs from before formats were numbered read as the first.</summary>
    public int Format { get; init; } = LogFormat.First;

    /// <summary>
    /// Every rule constant the game is played with, by name (the defaults with the scenario's overrides), so it replays
    /// with the same numbers after the defaults change. Empty in logs of the first format.
    /// </summary>
    public ImmutableSortedDictionary<string, double> Constants { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
}

public sealed record MessagePosted(int Id, Role? From, ImmutableArray<Role> To, string Text) : GameEvent;

public sealed record OrdersSubmitted(Role Role, Orders Orders) : GameEvent;

public sealed record PhaseAdvanced(int Turn, Phase Phase) : GameEvent;

/// <summary>
/// A turn was adjudicated: what each role ordered (submitted or standing), the outcome (records, scores, metrics)
/// and the world after it. Replay applies them as they are; nothing is adjudicated again.
/// </summary>
public sealed record TurnResolved(int Turn, ImmutableSortedDictionary<Role, Orders> Orders, TurnOutcome Outcome, World World) : GameEvent;

public sealed record DeadlineSet(DateTimeOffset? Deadline) : GameEvent;

public sealed record DeadlinePresetsSet(DeadlinePresets Presets) : GameEvent;

public sealed record GamePaused(int? RemainingSeconds) : GameEvent;

public sealed record GameResumed(DateTimeOffset? Deadline) : GameEvent;

public sealed record GameEnded : GameEvent;

public sealed record RecordsRevealed : GameEvent;

public sealed record ProposalMade(int Id, Role Proposer, AgreementTerms Terms, int? CounterOf) : GameEvent;

public sealed record ProposalAnswered(int Id, Role Role, ProposalResponse Response) : GameEvent;

/// <summary>Every party accepted: signed at the close of negotiation, with the status it takes (in force, or awaiting ratification).</summary>
public sealed record AgreementSigned(int Id, AgreementStatus Status) : GameEvent;

/// <summary>A party withdrew from a signed agreement; a guarantor loses <paramref name="ReputationLoss"/> of its standing.</summary>
public sealed record AgreementRevoked(int Id, Role Role, string Reason, double ReputationLoss) : GameEvent;

public sealed record InjectFired(string? CardId, string Title, string Text, ImmutableArray<InjectEffect> Effects) : GameEvent;

/// <summary>The facilitator shifted one roll of the last resolution; the turn was re-adjudicated with it.</summary>
public sealed record AdjudicationAdjusted(int Turn, string RecordId, double Logit, string Reason, TurnOutcome Outcome, World World) : GameEvent;
