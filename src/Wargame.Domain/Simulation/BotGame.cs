using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Simulation;

/// <summary>One game played to its end, with its log and the commands bots issued that the rules refused.</summary>
public sealed record PlayedGame(ImmutableArray<GameEvent> Events, GameState State, ImmutableArray<Rejection> Rejections);

/// <summary>
/// Plays a game with bots in the given seats (every seat by default), advancing phases as the facilitator
/// would. Seats without a bot keep their standing orders. Deterministic from scenario and seed.
/// </summary>
public static class BotGame
{
    public static PlayedGame Play(Scenario scenario, ulong seed, IReadOnlySet<Role>? botSeats = null)
    {
        var seats = botSeats ?? RoleSet.All.ToHashSet();
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        var rejections = ImmutableArray.CreateBuilder<Rejection>();
        var started = Rules.Start(scenario, seed);
        events.Add(started);
        var state = Rules.Begin(started);

        void Issue(GameCommand command)
        {
            var decision = Rules.Decide(state, command);
            if (!decision.IsAccepted)
            {
                rejections.Add(decision.Rejection!);
                return;
            }
            foreach (var e in decision.Events)
            {
                state = Rules.Evolve(state, e);
                events.Add(e);
            }
        }

        // A safety bound: a scenario has at most 40 turns of five phases.
        for (var step = 0; step < 1000 && !state.Ended; step++)
        {
            var rounds = state.Phase switch { Phase.Negotiation => 2, Phase.Orders => 1, _ => 0 };
            for (var round = 0; round < rounds; round++)
            {
                foreach (var role in RoleSet.All.Where(seats.Contains))
                {
                    foreach (var command in Bots.Bots.Decide(state, role))
                        Issue(command);
                }
            }
            Issue(new AdvancePhase(Actor.System));
        }
        return new PlayedGame(events.ToImmutable(), state, rejections.ToImmutable());
    }
}
