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
}
