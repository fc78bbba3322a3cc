using System.Collections.Immutable;
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
    public static bool NeedsRatification(AgreementTerms terms) =>
        terms is GuaranteeTerms { LegalForm: LegalForm.RatifiedTreaty } g && g.Guarantors.Contains(Role.US);

    public static Agreement Sign(Agreement agreement, int turn) => agreement with
    {
        Status = NeedsRatification(agreement.Terms) ? AgreementStatus.AwaitingRatification : AgreementStatus.InForce,
        SignedTurn = turn,
        StatusReason = NeedsRatification(agreement.Terms) ? "Signed; the treaty waits for ratification by the US Senate." : "Signed by every party.",
    };
}
