using System.Collections.Immutable;

namespace Wargame.Domain.Game;

/// <summary>Why a command was refused: a stable code (for tests and clients) and a message for a student.</summary>
public sealed record Rejection(string Code, string Message);

/// <summary>The outcome of <see cref="Rules.Decide"/>: the events to append, or a rejection.</summary>
public sealed record Decision
{
    private Decision(ImmutableArray<GameEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public ImmutableArray<GameEvent> Events { get; }
    public Rejection? Rejection { get; }
    public bool IsAccepted => Rejection is null;

    public static Decision Accept(params ImmutableArray<GameEvent> events) => new(events, null);
    public static Decision Reject(string code, string message) => new([], new Rejection(code, message));
}
