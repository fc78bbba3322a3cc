using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Views;

/// <summary>
/// Per-audience versions: each audience counts only the events that change what it may see, so the
/// version in its view reveals nothing about hidden activity (private messages, proposals among other
/// parties, another role's resubmitted orders). The facilitator sees every event: its version is the log's.
/// </summary>
public static class AudienceVersions
{
    /// <summary>Every audience starts at 1: GameStarted is public.</summary>
    public static ImmutableDictionary<Audience, int> Initial { get; } =
        Audience.All.ToImmutableDictionary(a => a, _ => 1);

    /// <summary>The version of <paramref name="audience"/>'s view of <paramref name="state"/>.</summary>
    public static int Of(GameState state, Audience audience) =>
        audience.Kind == AudienceKind.Facilitator ? state.Version : state.ViewVersions.GetValueOrDefault(audience, 1);

    /// <summary>Counts <paramref name="e"/>, applied to <paramref name="before"/>, for each audience entitled to see it.</summary>
    public static ImmutableDictionary<Audience, int> Next(GameState before, GameEvent e)
    {
        var versions = before.ViewVersions.IsEmpty ? Initial : before.ViewVersions;
        var builder = versions.ToBuilder();
        foreach (var audience in Audience.All)
        {
            if (Sees(before, e, audience))
                builder[audience] = versions.GetValueOrDefault(audience, 1) + 1;
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// The visibility rule per event, mirroring <see cref="GameViews.For(ViewBasis, Audience)"/>: an event not listed here changes
    /// public facts (phase, deadline, world, injects, signed agreements) and is seen by everyone.
    /// </summary>
    public static bool Sees(GameState before, GameEvent e, Audience audience)
    {
        if (audience.Kind == AudienceKind.Facilitator || before.Revealed)
            return true;
        var role = audience.Role;
        bool IsPartyTo(int agreementId) => role is { } r
            && before.World.Agreements.FirstOrDefault(a => a.Id == agreementId) is { } a
            && (a.Proposer == r || a.Parties.Contains(r));
        bool KnownOrParty(int agreementId) =>
            before.World.Agreements.FirstOrDefault(a => a.Id == agreementId) is not { } a || a.IsKnownToAll || IsPartyTo(agreementId);
        return e switch
        {
            MessagePosted m => m.To.IsEmpty || (role is { } r && (m.From == r || m.To.Contains(r))),
            // Everyone sees that a role has submitted orders; only the role sees it change them.
            OrdersSubmitted o => o.Role == role || !before.SubmittedOrders.ContainsKey(o.Role),
            ProposalMade p => (role is { } r && (p.Proposer == r || TermsCheck.Parties(p.Terms).Contains(r)))
                || (p.CounterOf is { } countered && IsPartyTo(countered)),
            ProposalAnswered a => IsPartyTo(a.Id),
            // A secret guarantee's signing is news to its parties only.
            AgreementSigned s => KnownOrParty(s.Id),
            AgreementRevoked r => KnownOrParty(r.Id),
            NoteAdded => false,
            _ => true,
        };
    }
}
