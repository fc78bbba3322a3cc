using System.Collections.Immutable;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Game;

/// <summary>A point in a game's log where a phase begins: replaying the first <see cref="EventCount"/> events reaches it.</summary>
public sealed record Checkpoint(int Turn, Phase Phase, int EventCount);

/// <summary>Helpers for replay viewers and forks: where each phase starts, and the log up to a turn.</summary>
public static class GameLog
{
    /// <summary>Every phase start in the log, beginning with turn 1's briefing right after GameStarted.</summary>
    public static ImmutableArray<Checkpoint> Checkpoints(IReadOnlyList<GameEvent> events)
    {
        var list = ImmutableArray.CreateBuilder<Checkpoint>();
        if (events.Count > 0)
            list.Add(new Checkpoint(1, Phase.Briefing, 1));
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i] is PhaseAdvanced p)
                list.Add(new Checkpoint(p.Turn, p.Phase, i + 1));
            else if (events[i] is GameEnded && list.Count > 0)
                list.Add(list[^1] with { EventCount = i + 1 });
        }
        return list.ToImmutable();
    }

    /// <summary>The log up to the start of <paramref name="turn"/>'s briefing (turn 1: just GameStarted), for a "what if" fork.</summary>
    public static ImmutableArray<GameEvent> UpToTurn(IReadOnlyList<GameEvent> events, int turn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(turn, 1);
        var start = Checkpoints(events).FirstOrDefault(c => c.Turn == turn && c.Phase == Phase.Briefing)
            ?? throw new ArgumentOutOfRangeException(nameof(turn), turn, "The log never reaches that turn's briefing.");
        return [.. events.Take(start.EventCount)];
    }
}
