using System.Text.Json.Serialization;

namespace Wargame.Domain.Game;

/// <summary>
/// A fact in a game's log, past tense. Every concrete event is registered here so the log
/// round-trips through JSON with a stable "type" discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(GameStarted), "gameStarted")]
[JsonDerivedType(typeof(MessagePosted), "messagePosted")]
[JsonDerivedType(typeof(OrdersSubmitted), "ordersSubmitted")]
[JsonDerivedType(typeof(PhaseAdvanced), "phaseAdvanced")]
[JsonDerivedType(typeof(TurnResolved), "turnResolved")]
[JsonDerivedType(typeof(DeadlineSet), "deadlineSet")]
[JsonDerivedType(typeof(DeadlinePresetsSet), "deadlinePresetsSet")]
[JsonDerivedType(typeof(GamePaused), "gamePaused")]
[JsonDerivedType(typeof(GameResumed), "gameResumed")]
[JsonDerivedType(typeof(GameEnded), "gameEnded")]
[JsonDerivedType(typeof(RecordsRevealed), "recordsRevealed")]
[JsonDerivedType(typeof(ProposalMade), "proposalMade")]
[JsonDerivedType(typeof(ProposalAnswered), "proposalAnswered")]
[JsonDerivedType(typeof(AgreementSigned), "agreementSigned")]
[JsonDerivedType(typeof(AgreementRevoked), "agreementRevoked")]
[JsonDerivedType(typeof(InjectFired), "injectFired")]
[JsonDerivedType(typeof(AdjudicationAdjusted), "adjudicationAdjusted")]
public abstract record GameEvent;
