using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Negotiation;

/// <summary>Creating and signing agreements: shared by proposals in play and instruments a scenario starts with.</summary>
internal static class AgreementLifecycle
{
    public static Agreement Create(World world, int id, Role proposer, AgreementTerms terms, int turn, int? counterOf)
    {
        var parties = TermsCheck.Parties(terms);
        return new Agreement
        {
            Id = id,
            Kind = terms is CeasefireTerms ? AgreementKind.Ceasefire : AgreementKind.Guarantee,
            Proposer = proposer,
            Parties = parties,
            Terms = terms,
            ProposedTurn = turn,
            CounterOf = counterOf,
            Responses = parties.ToImmutableSortedDictionary(p => p, p => p == proposer ? ProposalAnswer.Accepted : ProposalAnswer.Pending),
            Reputation = terms is GuaranteeTerms g
                ? g.Guarantors.ToImmutableSortedDictionary(r => r, r => world.Positions.TryGetValue(r, out var pos) ? pos.Reputation : 0.5)
                : ImmutableSortedDictionary<Role, double>.Empty,
        };
    }

    /// <summary>A treaty the US guarantees waits for the Senate; everything else is in force on signature.</summary>
    public static AgreementStatus SignedStatus(AgreementTerms terms) =>
        terms is GuaranteeTerms { LegalForm: LegalForm.RatifiedTreaty } g && g.Guarantors.Contains(Role.US)
            ? AgreementStatus.AwaitingRatification
            : AgreementStatus.InForce;

    /// <summary>
    /// Signs <paramref name="agreement"/>; with the <paramref name="world"/> a guarantee records each guarantor's troops in
    /// Ukraine at signing, which it promises to keep there whether or not its terms name them.
    /// </summary>
    public static Agreement Sign(Agreement agreement, int turn, AgreementStatus status, World? world = null) => agreement with
    {
        Status = status,
        SignedTurn = turn,
        TroopsAtSigning = world is not null && agreement.Guarantee is { } g
            ? g.Guarantors.ToImmutableSortedDictionary(r => r, r => world.Positions.TryGetValue(r, out var p) ? p.Troops : 0)
            : agreement.TroopsAtSigning,
        StatusReason = status == AgreementStatus.AwaitingRatification ? "Signed; the treaty waits for ratification by the US Senate." : "Signed by every party.",
    };

    /// <summary>Walking away from a guarantee costs its guarantor reputation like backing down, spread to its standing.</summary>
    public static double RevocationLoss(RulesTable constants, Agreement agreement, Role role) =>
        // Walking away from a guarantee nobody else knew of costs no public standing.
        agreement.IsKnownToAll && agreement.Reputation.TryGetValue(role, out var rep)
            ? constants.Value(RuleKey.RenegeLoss) * rep * constants.Value(RuleKey.RenegeSpread)
            : 0;
}
