using Wargame.Domain.Roles;

namespace Wargame.Domain.Negotiation;

/// <summary>
/// Who may see a proposal or agreement: its proposer and parties while it is negotiated, everyone once it is signed
/// (a secret guarantee: its parties only, until it comes to light).
/// The one rule behind views, per-audience numbering and the refusals of commands that name an agreement by id, so a
/// refusal never tells a role about a proposal it cannot see.
/// </summary>
public static class AgreementVisibility
{
    public static bool IsSigned(AgreementStatus status) => status is AgreementStatus.AwaitingRatification or AgreementStatus.InForce
        or AgreementStatus.Tested or AgreementStatus.Violated or AgreementStatus.Revoked or AgreementStatus.Expired;

    /// <summary>Whether <paramref name="role"/> (null for an observer) may see <paramref name="agreement"/>.</summary>
    public static bool Sees(Role? role, Agreement agreement) =>
        (IsSigned(agreement.Status) && agreement.IsKnownToAll) || (role is { } r && (agreement.Proposer == r || agreement.Parties.Contains(r)));
}
