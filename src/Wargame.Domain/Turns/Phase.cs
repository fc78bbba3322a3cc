namespace Wargame.Domain.Turns;

/// <summary>
/// Phases of one turn, in order. Resolution is not a phase of its own: it happens when the orders phase
/// closes, and the turn's debrief opens on its results (see <see cref="PhaseTable"/>).
/// </summary>
public enum Phase
{
    Briefing,
    Negotiation,
    Orders,
    Debrief,
}
