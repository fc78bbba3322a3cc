using System.Collections.Immutable;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Negotiation;

public enum AgreementKind { Ceasefire, Guarantee }

/// <summary>
/// Lifecycle of a formal proposal: Proposed, then Rejected / Countered / Withdrawn, or Accepted by every party;
/// signed at the close of negotiation (AwaitingRatification for a US treaty, else InForce); then Tested,
/// Violated, Revoked or Expired.
/// </summary>
public enum AgreementStatus { Proposed, Rejected, Countered, Withdrawn, Accepted, AwaitingRatification, InForce, Tested, Violated, Revoked, Expired }

/// <summary>A formal agreement as a game object. Guarantees carry each guarantor's reputation on them.</summary>
public sealed record Agreement
{
    public required int Id { get; init; }
    public required AgreementKind Kind { get; init; }
    public required Role Proposer { get; init; }
    public required ImmutableArray<Role> Parties { get; init; }
    public required AgreementTerms Terms { get; init; }
    public AgreementStatus Status { get; init; } = AgreementStatus.Proposed;
    public ImmutableSortedDictionary<Role, ProposalAnswer> Responses { get; init; } = ImmutableSortedDictionary<Role, ProposalAnswer>.Empty;
    public int ProposedTurn { get; init; }
    public int? SignedTurn { get; init; }
    public int? CounterOf { get; init; }
    public int? CounteredBy { get; init; }
    /// <summary>Why the status last changed, in words (reversal, violation, supersession...).</summary>
    public string? StatusReason { get; init; }
    /// <summary>Guarantees: reputation of each guarantor on this guarantee (step F moves it).</summary>
    public ImmutableSortedDictionary<Role, double> Reputation { get; init; } = ImmutableSortedDictionary<Role, double>.Empty;
    /// <summary>Guarantees: the legal form now (a domestic reversal drops it to verbal, step G).</summary>
    public LegalForm? CurrentForm { get; init; }
    /// <summary>Minor breaches detected so far (probes, force-cap breaches, tripwire shortfalls).</summary>
    public int Breaches { get; init; }
    public ImmutableArray<Role> Violators { get; init; } = [];

    public bool IsInForce => Status is AgreementStatus.InForce or AgreementStatus.Tested;
    public bool IsOpen => Status is AgreementStatus.Proposed or AgreementStatus.Accepted;
    public GuaranteeTerms? Guarantee => Terms as GuaranteeTerms;
    public LegalForm Form => CurrentForm ?? Guarantee?.LegalForm ?? LegalForm.Verbal;
}

public enum ProposalAnswer { Pending, Accepted, Rejected }
