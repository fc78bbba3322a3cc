namespace Wargame.Domain.Turns;

/// <summary>Phases of one turn, in order. Resolution runs when the orders phase closes.</summary>
public enum Phase
{
    Briefing,
    Negotiation,
    Orders,
    Resolution,
    Debrief,
}
