using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;

namespace Wargame.Domain.Negotiation;

/// <summary>
/// Proposal (and so agreement) ids that count nothing a viewer cannot see. A sequential id would tell a role
/// how many proposals among other parties came before; this one is drawn from the game's seed and the
/// proposal's party set with the number of earlier agreements among exactly those parties, which every
/// party sees anyway. Six digits, clear of the scenario's own instruments (numbered from 1).
/// </summary>
internal static class ProposalIds
{
    private const int First = 100_000;
    private const int Count = 900_000;

    public static int Next(GameState state, AgreementTerms terms)
    {
        var parties = TermsCheck.Parties(terms);
        var key = string.Join(",", parties.Order());
        var earlier = state.World.Agreements.Count(a => string.Join(",", a.Parties.Order()) == key);
        // A clash with an existing id (rare among 900 000) draws again, deterministically.
        for (var attempt = 0; ; attempt++)
        {
            var id = First + Dice.Draw(state.Seed, 0, "proposal-id", $"{key}#{earlier}#{attempt}", Count);
            if (state.World.Agreements.All(a => a.Id != id))
                return id;
        }
    }
}
