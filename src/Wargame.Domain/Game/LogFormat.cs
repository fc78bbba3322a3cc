using Wargame.Domain.Adjudication;
using Wargame.Domain.Negotiation;

namespace Wargame.Domain.Game;

/// <summary>
/// The shape of a game's event log, recorded in its <see cref="GameStarted"/>. Evolve reads only the current shape;
/// <see cref="Upgrade"/> is the one place that turns an event of an older log into it, so last season's saved games
/// still replay.
/// </summary>
public static class LogFormat
{
    /// <summary>
    /// Logs written before formats were numbered: signed agreements and revocations without their outcomes (the
    /// status taken, the reputation lost), turns resolved with their public lines beside the outcome, and a state hash
    /// over a JSON serialisation of the whole state.
    /// </summary>
    public const int First = 1;

    /// <summary>
    /// The game starts with the rule constants it is played with; events carry their outcomes; the state hash covers
    /// <see cref="GameState.Hash"/>'s list of fields. The oldest format whose commands the rules still re-run.
    /// </summary>
    public const int Rerunnable = 2;

    /// <summary>
    /// Proposal ids come from a permutation keyed by the seed and are never redrawn (<see cref="ProposalIds"/>); format 2
    /// drew them again on a clash, so its ids could depend on proposals a role could not see. And Russia's outlook record
    /// judges its orders against the line its view showed as the turn began (<see cref="OutlookAsShown"/>); format 2
    /// recomputed the line after the other roles' orders of the turn had taken effect.
    /// </summary>
    public const int PermutedProposalIds = 3;

    /// <summary>The format from which the outlook record judges Russia's orders against the line it was shown.</summary>
    public const int OutlookAsShown = PermutedProposalIds;

    public const int Current = PermutedProposalIds;

    /// <summary>An event of a log in <paramref name="state"/>'s format, in the current shape, computed as its format's rules did.</summary>
    internal static GameEvent Upgrade(GameState state, GameEvent e)
    {
        // Format 3 changed how ids are drawn and one record is computed, not the shape of any event.
        if (state.Format >= Rerunnable)
            return e;
        return e switch
        {
            AgreementSigned s => s with { Status = AgreementLifecycle.SignedStatus(state.World.Agreements.First(a => a.Id == s.Id).Terms) },
            AgreementRevoked r => r with
            {
                ReputationLoss = AgreementLifecycle.RevocationLoss(state.Constants, state.World.Agreements.First(a => a.Id == r.Id), r.Role),
            },
            TurnResolved t when t.Outcome is null || t.World is null => throw new InvalidOperationException($"Turn {t.Turn} was logged without its outcome; this log is older than the replayable formats."),
            _ => e,
        };
    }
}
