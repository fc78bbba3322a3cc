using System.Collections.Immutable;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Guarantees;

public enum LegalForm { Verbal, ExecutiveAgreement, CongressionalExecutive, RatifiedTreaty }

public enum Trigger { Consultative, Automatic }

public enum TripwireLocation { Rear, ContactLine }

public enum EconomicStake { None, MineralsDeal, MineralsWithPersonnel }

/// <summary>Troops one guarantor stations in Ukraine under a guarantee.</summary>
public sealed record Tripwire(Role Guarantor, int Troops, TripwireLocation Location);

/// <summary>Terms of a security guarantee by the US and/or Europe to Ukraine.</summary>
public sealed record GuaranteeTerms : AgreementTerms
{
    public ImmutableArray<Role> Guarantors { get; init; } = [];
    public LegalForm LegalForm { get; init; } = LegalForm.Verbal;
    public Trigger Trigger { get; init; } = Trigger.Consultative;
    public bool AmbiguityClause { get; init; }
    public ImmutableArray<Tripwire> Tripwires { get; init; } = [];
    public EconomicStake EconomicStake { get; init; } = EconomicStake.None;
    public bool ArmsAndIntelligence { get; init; }
    public bool RussianConsentSought { get; init; }
    /// <summary>
    /// A public guarantee is announced; a secret one is known to its parties only: it cannot deter a Russia that does
    /// not know it, yet binds its guarantor when tested (with the smaller audience cost of a commitment nobody heard).
    /// </summary>
    public bool Public { get; init; } = true;
}

/// <summary>How a guarantor hedges or firms up a guarantee during play (an order; public once resolved).</summary>
public enum CommitmentChangeKind
{
    /// <summary>A public statement that the guarantee will be honoured.</summary>
    Strengthen,
    /// <summary>A statement that leaves Ukraine outside the guarantor's perimeter (Acheson, January 1950).</summary>
    Weaken,
    AddAmbiguity,
    DropAmbiguity,
}

/// <summary>A guarantor's statement about one of its guarantees, given with its orders.</summary>
public sealed record CommitmentStatement(int AgreementId, CommitmentChangeKind Change);

/// <summary>A change of commitment during play, with its reason, as the agreement records it.</summary>
public sealed record CommitmentChange(int Turn, Role Guarantor, CommitmentChangeKind Change, string Reason);

