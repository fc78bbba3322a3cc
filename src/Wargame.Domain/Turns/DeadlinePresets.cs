namespace Wargame.Domain.Turns;

/// <summary>
/// A session plan: how long each phase runs, in seconds (null: no deadline). When a phase opens, its preset starts
/// its clock (<see cref="PhaseTable"/>'s close), so a seminar paces itself until the facilitator changes the plan.
/// </summary>
public sealed record DeadlinePresets(int? Briefing = null, int? Negotiation = null, int? Orders = null, int? Debrief = null)
{
    public static DeadlinePresets None { get; } = new();

    public int? For(Phase phase) => phase switch
    {
        Phase.Briefing => Briefing,
        Phase.Negotiation => Negotiation,
        Phase.Orders => Orders,
        Phase.Debrief => Debrief,
        _ => null,
    };
}
