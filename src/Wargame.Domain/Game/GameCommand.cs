using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Game;

/// <summary>
/// Something an actor asks the game to do. <see cref="Rules.Apply"/> accepts it (events) or rejects it
/// (a stable code and a message a student understands). The server sets <see cref="Actor"/> from the seat.
/// Saved games list the commands a game was played with (<see cref="SavedGame.Commands"/>), so every command
/// round-trips through JSON with a stable "type".
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PostMessage), "postMessage")]
[JsonDerivedType(typeof(Propose), "propose")]
[JsonDerivedType(typeof(RespondToProposal), "respondToProposal")]
[JsonDerivedType(typeof(CounterProposal), "counterProposal")]
[JsonDerivedType(typeof(RevokeAgreement), "revokeAgreement")]
[JsonDerivedType(typeof(SubmitOrders), "submitOrders")]
[JsonDerivedType(typeof(AdvancePhase), "advancePhase")]
[JsonDerivedType(typeof(SetDeadline), "setDeadline")]
[JsonDerivedType(typeof(SetDeadlinePresets), "setDeadlinePresets")]
[JsonDerivedType(typeof(ExtendDeadline), "extendDeadline")]
[JsonDerivedType(typeof(PauseGame), "pauseGame")]
[JsonDerivedType(typeof(ResumeGame), "resumeGame")]
[JsonDerivedType(typeof(CloseAtDeadline), "closeAtDeadline")]
[JsonDerivedType(typeof(InjectEvent), "injectEvent")]
[JsonDerivedType(typeof(AdjustAdjudication), "adjustAdjudication")]
[JsonDerivedType(typeof(EndGame), "endGame")]
[JsonDerivedType(typeof(RevealAll), "revealAll")]
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

// Facilitator (the server acts as System for deadlines)


/// <summary>
/// A command whose rule needs the time. The server stamps <see cref="Now"/> from its clock just before deciding,
/// so the rules validate and compute with it but never read a clock themselves; the result lands in the events.
/// </summary>
public abstract record ClockedCommand(Actor Actor) : GameCommand(Actor)
{
    public DateTimeOffset Now { get; init; }
}

/// <summary>Closes the current phase; closing the orders phase resolves the turn. The time starts the next phase's preset clock.</summary>
public sealed record AdvancePhase(Actor Actor) : ClockedCommand(Actor);

/// <summary>Sets the current phase's deadline <paramref name="Seconds"/> from now; null clears it.</summary>
public sealed record SetDeadline(Actor Actor, int? Seconds) : ClockedCommand(Actor);

/// <summary>Sets the session plan: each phase's deadline from the next phase that opens on (<see cref="DeadlinePresets"/>).</summary>
public sealed record SetDeadlinePresets(Actor Actor, DeadlinePresets Presets) : GameCommand(Actor);

/// <summary>Moves the running deadline <paramref name="Seconds"/> later.</summary>
public sealed record ExtendDeadline(Actor Actor, int Seconds) : ClockedCommand(Actor);

/// <summary>Pauses play, keeping the time the running deadline has left.</summary>
public sealed record PauseGame(Actor Actor) : ClockedCommand(Actor);

/// <summary>Resumes play; the deadline runs again with the time it had left.</summary>
public sealed record ResumeGame(Actor Actor) : ClockedCommand(Actor);

/// <summary>The server's timer for <paramref name="Deadline"/> fired: closes the phase if that deadline still stands.</summary>
public sealed record CloseAtDeadline(Actor Actor, DateTimeOffset Deadline) : ClockedCommand(Actor);

/// <summary>Fires a card of the scenario's deck (<paramref name="CardId"/>) or a free-text inject with effects.</summary>
public sealed record InjectEvent(
    Actor Actor,
    string? CardId,
    string? Title,
    string? Text,
    ImmutableArray<InjectEffect> Effects) : GameCommand(Actor);

/// <summary>Moves a quantity such as "RU.resolve" or "US.reputation" by <paramref name="Delta"/>.</summary>
public sealed record InjectEffect(string Quantity, double Delta);

/// <summary>Shifts one adjudication (a resolution record) by at most <see cref="CommandLimits.AdjustmentMaxLogit"/>, with a required reason.</summary>
public sealed record AdjustAdjudication(Actor Actor, string RecordId, double Logit, string Reason) : GameCommand(Actor);

public sealed record EndGame(Actor Actor) : GameCommand(Actor);

/// <summary>After the end, opens every private record to every audience for the debrief.</summary>
public sealed record RevealAll(Actor Actor) : GameCommand(Actor);
