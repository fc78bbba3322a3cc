using System.Collections.Immutable;

namespace Wargame.Domain.Game;

/// <summary>Why a command was refused: a stable code (for tests and clients) and a message for a student.</summary>
public sealed record Rejection(string Code, string Message);

/// <summary>A part of a command left out while the rest was accepted: which part (as the form names it), and why.</summary>
public sealed record RefusedPart(string Part, string Code, string Message);

/// <summary>
/// The outcome of <see cref="Rules.Decide"/>: the events to append, or a rejection. An accepted command may have had
/// parts refused (<see cref="RefusedParts"/>): an order's invalid part is left out, the rest stands.
/// </summary>
public sealed record Decision
{
    private Decision(ImmutableArray<GameEvent> events, Rejection? rejection, ImmutableArray<RefusedPart> refusedParts)
    {
        Events = events;
        Rejection = rejection;
        RefusedParts = refusedParts;
    }

    public ImmutableArray<GameEvent> Events { get; }
    public Rejection? Rejection { get; }
    public ImmutableArray<RefusedPart> RefusedParts { get; }
    public bool IsAccepted => Rejection is null;

    public static Decision Accept(params ImmutableArray<GameEvent> events) => new(events, null, []);
    public static Decision AcceptWithout(ImmutableArray<RefusedPart> refused, params ImmutableArray<GameEvent> events) => new(events, null, refused);
    public static Decision Reject(string code, string message) => new([], new Rejection(code, message), []);

    /// <summary>What the caller is told of the parts left out: one sentence per part, or null when none was.</summary>
    public static string? Describe(ImmutableArray<RefusedPart> refused) => refused.IsDefaultOrEmpty
        ? null
        : $"Accepted without {string.Join(" and ", refused.Select(r => $"'{r.Part}'"))}: " + string.Join(" ", refused.Select(r => r.Message))
          + " Everything else stands; correct the part and send again if you want it.";
}
