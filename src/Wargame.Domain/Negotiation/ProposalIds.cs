using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Negotiation;

/// <summary>
/// Proposal (and so agreement) ids that tell a viewer nothing it cannot see. A sequential id would count the proposals
/// among other parties; a random id redrawn on a clash would move when a hidden id was in the way. This id is the
/// proposal's party set and the number of earlier proposals among exactly those parties (which every one of them sees),
/// put through a permutation of the six-digit range keyed by the game's seed: distinct inputs never share an id, so no
/// id is redrawn and none depends on another one. Six digits, clear of the scenario's own instruments (numbered from 1).
/// </summary>
internal static class ProposalIds
{
    private const int First = 100_000;
    private const int Count = 900_000;
    private const int PartySets = 1 << 4;
    private const int HalfBits = 10;
    private const int HalfMask = (1 << HalfBits) - 1;

    /// <summary>How many proposals one set of parties can make in a game before the ids run out.</summary>
    public const int PerPartySet = Count / PartySets;

    public static int Next(GameState state, AgreementTerms terms)
    {
        var parties = TermsCheck.Parties(terms);
        var earlier = Earlier(state, parties);
        return state.Format < LogFormat.PermutedProposalIds ? Redrawn(state, parties, earlier) : Of(state.Seed, parties, earlier);
    }

    /// <summary>Why <paramref name="terms"/> cannot be proposed: their parties have used every id (a hostile flood only).</summary>
    public static Rejection? Exhausted(GameState state, AgreementTerms terms)
    {
        var parties = TermsCheck.Parties(terms);
        return Earlier(state, parties) >= PerPartySet
            ? new("too-many-proposals", $"These parties have made {PerPartySet} proposals in this game, as many as it can number.")
            : null;
    }

    /// <summary>The id of the proposal among <paramref name="parties"/> made after <paramref name="earlier"/> others among exactly them.</summary>
    public static int Of(ulong seed, IEnumerable<Role> parties, int earlier)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlier);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(earlier, PerPartySet);
        var mask = parties.Aggregate(0, (m, r) => m | (1 << (int)r));
        var x = earlier * PartySets + mask;
        // A Feistel permutation of 0..2^20-1, walked until it lands inside 0..Count-1 (it does: the walk's cycle holds x).
        do
            x = Feistel(seed, x);
        while (x >= Count);
        return First + x;
    }

    private static int Earlier(GameState state, IReadOnlyCollection<Role> parties) =>
        state.World.Agreements.Count(a => a.Parties.Length == parties.Count && a.Parties.All(parties.Contains));

    private static int Feistel(ulong seed, int x)
    {
        int left = x >> HalfBits, right = x & HalfMask;
        for (var round = 0; round < 4; round++)
            (left, right) = (right, left ^ (int)(Dice.Mix(seed ^ Dice.Mix((ulong)(round << HalfBits | right))) & HalfMask));
        return left << HalfBits | right;
    }

    /// <summary>Logs of format 2 drew an id and drew again on a clash with any existing id; kept so they still re-run.</summary>
    private static int Redrawn(GameState state, IEnumerable<Role> parties, int earlier)
    {
        var key = string.Join(",", parties.Order());
        for (var attempt = 0; ; attempt++)
        {
            var id = First + Dice.Draw(state.Seed, 0, "proposal-id", $"{key}#{earlier}#{attempt}", Count);
            if (state.World.Agreements.All(a => a.Id != id))
                return id;
        }
    }
}
