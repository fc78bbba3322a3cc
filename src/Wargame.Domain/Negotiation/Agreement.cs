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
    /// <summary>Guarantees: each guarantor's troops in Ukraine when it signed, a promise whether or not the terms name troops.</summary>
    public ImmutableSortedDictionary<Role, int> TroopsAtSigning { get; init; } = ImmutableSortedDictionary<Role, int>.Empty;
    /// <summary>Guarantees: the turn each guarantor first drew its troops below what it promised (Korea 1950 attaches to later tests).</summary>
    public ImmutableSortedDictionary<Role, int> DrawdownTurn { get; init; } = ImmutableSortedDictionary<Role, int>.Empty;
    /// <summary>Guarantees: statements and clauses added or dropped during play, each with its reason.</summary>
    public ImmutableArray<CommitmentChange> Changes { get; init; } = [];
    /// <summary>Resolutions this agreement has been in force at the end of (an economic stake matures with them).</summary>
    public int TurnsInForce { get; init; }
    /// <summary>Guarantees: a secret guarantee that came to light (when tested, or by a public statement).</summary>
    public bool Disclosed { get; init; }

    /// <summary>Guarantees: the ambiguity clause as it stands now (a guarantor may add or drop it during play).</summary>
    public bool Ambiguity => Changes.Aggregate(Guarantee?.AmbiguityClause ?? false, (clause, c) => c.Change switch
    {
        CommitmentChangeKind.AddAmbiguity => true,
        CommitmentChangeKind.DropAmbiguity => false,
        _ => clause,
    });

    /// <summary>Guarantees: net strengthening statements of one guarantor (weakening ones count -1).</summary>
    public int NetStatements(Role guarantor) => Changes.Count(c => c.Guarantor == guarantor && c.Change == CommitmentChangeKind.Strengthen)
        - Changes.Count(c => c.Guarantor == guarantor && c.Change == CommitmentChangeKind.Weaken);

    /// <summary>Guarantees: the troops <paramref name="guarantor"/> promised: its named tripwire or its troops at signing, whichever is more.</summary>
    public int PromisedTroops(Role guarantor) => Math.Max(
        Guarantee?.Tripwires.Where(t => t.Guarantor == guarantor).Sum(t => t.Troops) ?? 0,
        TroopsAtSigning.GetValueOrDefault(guarantor));

    /// <summary>Whether Russia (and every other role) knows of this agreement: not a secret guarantee, or one that came to light.</summary>
    public bool IsKnownToAll => Guarantee is not { Public: false } || Disclosed;

    /// <summary>Whether <paramref name="role"/> knows of this agreement.</summary>
    public bool IsKnownTo(Role role) => IsKnownToAll || Parties.Contains(role);

    public bool IsInForce => Status is AgreementStatus.InForce or AgreementStatus.Tested;
    public bool IsOpen => Status is AgreementStatus.Proposed or AgreementStatus.Accepted;
    public GuaranteeTerms? Guarantee => Terms as GuaranteeTerms;
    public LegalForm Form => CurrentForm ?? Guarantee?.LegalForm ?? LegalForm.Verbal;
}

public enum ProposalAnswer { Pending, Accepted, Rejected }
