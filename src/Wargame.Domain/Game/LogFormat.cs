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
    /// <see cref="GameState.Hash"/>'s list of fields.
    /// </summary>
    public const int Current = 2;

    /// <summary>An event of a log in <paramref name="state"/>'s format, in the current shape, computed as its format's rules did.</summary>
    internal static GameEvent Upgrade(GameState state, GameEvent e)
    {
        if (state.Format >= Current)
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
