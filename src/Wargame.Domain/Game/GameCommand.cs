using System.Collections.Immutable;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Game;

/// <summary>
/// Something an actor asks the game to do. <see cref="Rules.Decide"/> accepts it (events) or rejects it
/// (a stable code and a message a student understands). The server sets <see cref="Actor"/> from the seat.
/// </summary>
public abstract record GameCommand(Actor Actor);

// Negotiation

/// <summary>A statement to everyone (<paramref name="To"/> empty) or a private channel among the sender and <paramref name="To"/>.</summary>
public sealed record PostMessage(Actor Actor, ImmutableArray<Role> To, string Text) : GameCommand(Actor);

public sealed record Propose(Actor Actor, AgreementTerms Terms) : GameCommand(Actor);

public enum ProposalResponse { Accept, Reject, Withdraw }

public sealed record RespondToProposal(Actor Actor, int ProposalId, ProposalResponse Response) : GameCommand(Actor);

/// <summary>Rejects proposal <paramref name="ProposalId"/> and proposes <paramref name="Terms"/> in its place.</summary>
public sealed record CounterProposal(Actor Actor, int ProposalId, AgreementTerms Terms) : GameCommand(Actor);

/// <summary>A party withdraws from an agreement that is signed (in force or awaiting ratification).</summary>
public sealed record RevokeAgreement(Actor Actor, int AgreementId, string Reason) : GameCommand(Actor);

// Orders

public sealed record SubmitOrders(Actor Actor, Orders Orders) : GameCommand(Actor);

// Facilitator (and System for deadlines)

/// <summary>Closes the current phase; closing the orders phase resolves the turn.</summary>
public sealed record AdvancePhase(Actor Actor) : GameCommand(Actor);

/// <summary>Deadline of the current phase as a value the server supplies; null clears it.</summary>
public sealed record SetDeadline(Actor Actor, DateTimeOffset? Deadline) : GameCommand(Actor);

/// <summary>Pauses play; the server supplies how much time the running deadline had left.</summary>
public sealed record PauseGame(Actor Actor, int? RemainingSeconds) : GameCommand(Actor);

/// <summary>Resumes play with the deadline the server computed from the remaining time.</summary>
public sealed record ResumeGame(Actor Actor, DateTimeOffset? Deadline) : GameCommand(Actor);

/// <summary>Fires a card of the scenario's deck (<paramref name="CardId"/>) or a free-text inject with effects.</summary>
public sealed record InjectEvent(
    Actor Actor,
    string? CardId,
    string? Title,
    string? Text,
    ImmutableArray<InjectEffect> Effects) : GameCommand(Actor);

/// <summary>Moves a quantity such as "RU.resolve" or "US.reputation" by <paramref name="Delta"/>.</summary>
public sealed record InjectEffect(string Quantity, double Delta);

/// <summary>Shifts one adjudication (a resolution record) by at most ±0.5 logit, with a required reason.</summary>
public sealed record AdjustAdjudication(Actor Actor, string RecordId, double Logit, string Reason) : GameCommand(Actor);

public sealed record EndGame(Actor Actor) : GameCommand(Actor);

/// <summary>After the end, opens every private record to every audience for the debrief.</summary>
public sealed record RevealAll(Actor Actor) : GameCommand(Actor);
