using System.Collections.Immutable;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;

namespace Wargame.Domain.Simulation;

/// <summary>One game played to its end: its log, the commands the rules accepted (in order) and those they refused.</summary>
public sealed record PlayedGame(ImmutableArray<GameEvent> Events, ImmutableArray<GameCommand> Commands, GameState State, ImmutableArray<Rejection> Rejections);

/// <summary>
/// Plays a game with bots in the given seats (every seat by default) on the server's <see cref="BotCadence"/>,
/// closing each phase as the facilitator would once the bots have settled. Seats without a bot keep their standing
/// orders. Deterministic from scenario and seed.
/// </summary>
public static class BotGame
{
    /// <summary>A scenario has at most 40 turns of four phases; this bound only stops a broken rule from looping.</summary>
    private const int MaxPhases = 1000;

    public static PlayedGame Play(Scenario scenario, ulong seed, IReadOnlySet<Role>? botSeats = null)
    {
        Role[] seats = [.. RoleSet.All.Where(r => botSeats is null || botSeats.Contains(r))];
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        var commands = ImmutableArray.CreateBuilder<GameCommand>();
        var rejections = ImmutableArray.CreateBuilder<Rejection>();
        var started = Rules.Start(scenario, seed);
        events.Add(started);
        var state = Rules.Begin(started);

        bool Issue(GameCommand command)
        {
            var applied = Rules.Apply(state, command);
            if (applied.Rejection is { } rejection)
            {
                rejections.Add(rejection);
                return false;
            }
            state = applied.State;
            events.AddRange(applied.Events);
            commands.Add(command);
            return true;
        }

        for (var phase = 0; phase < MaxPhases && !state.Ended; phase++)
        {
            BotCadence.Play(seats, () => state, Issue);
            Issue(new AdvancePhase(Actor.System));
        }
        return new PlayedGame(events.ToImmutable(), commands.ToImmutable(), state, rejections.ToImmutable());
    }
}
